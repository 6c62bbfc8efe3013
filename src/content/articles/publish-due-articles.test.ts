import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, TEST_NOW } from '../../../test/support/test-site.js'
import type { Db } from '../../storage/connect.js'
import { migrateToLatest } from '../../storage/migrate.js'
import { publishDueArticles } from './publish-due-articles.js'
import { connectToDataDir } from '../../../test/support/test-database.js'

const now = new Date(TEST_NOW)
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
let dir: string
const handles: Db[] = []
/** A connection to the one on-disk database, as each process of a site has its own. */
const connect = () => { const db = connectToDataDir(dir); handles.push(db); return db }

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-publish-due-')) })
afterEach(async () => {
  for (const db of handles.splice(0)) await db.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('publishDueArticles', () => {
  it('publishes the scheduled articles whose time has come, keeping their time, and only those', async () => {
    const db = connect()
    await migrateToLatest(db)
    const due = await addArticle(db, { headline: 'Due', status: 'scheduled', publishedAt: later(10) })
    const waiting = await addArticle(db, { headline: 'Waiting', status: 'scheduled', publishedAt: later(60) })
    await addArticle(db, { headline: 'Draft', status: 'draft' })
    expect(await publishDueArticles(db, later(10))).toEqual([due.id])
    const rows = await db.selectFrom('articles').select(['id', 'status', 'publishedAt', 'version']).where('id', 'in', [due.id, waiting.id]).orderBy('publishedAt').execute()
    expect(rows).toEqual([
      { id: due.id, status: 'published', publishedAt: later(10).toISOString(), version: 1 },
      { id: waiting.id, status: 'scheduled', publishedAt: later(60).toISOString(), version: 1 },
    ])
    expect(await publishDueArticles(db, later(11))).toEqual([])
  })

  it('publishes each article once when two processes run it at the same time', async () => {
    const [a, b] = [connect(), connect()]
    await migrateToLatest(a)
    const ids = []
    for (let i = 0; i < 5; i++) ids.push((await addArticle(a, { headline: `Story ${i}`, status: 'scheduled', publishedAt: later(i + 1) })).id)
    const [first, second] = await Promise.all([publishDueArticles(a, later(30)), publishDueArticles(b, later(30))])
    expect([...first!, ...second!].sort()).toEqual([...ids].sort())
    expect(Math.min(first!.length, second!.length)).toBe(0)
    const [again, alsoAgain] = await Promise.all([publishDueArticles(a, later(30)), publishDueArticles(a, later(30))])
    expect([again, alsoAgain]).toEqual([[], []])
  })
})
