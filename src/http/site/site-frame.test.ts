import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveArticle } from '../../content/articles/save-article.js'
import { ensureSection, moveSection, updateSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { fixedClock } from '../../core/clock.js'
import { silentLog } from '../../core/log.js'
import type { Db } from '../../storage/connect.js'
import { memoryFileStore } from '../../storage/files/local-file-store.js'
import { migrateToLatest } from '../../storage/migrate.js'
import { createApp } from '../app.js'
import { addArticle, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { connectToDataDir, testBackend } from '../../../test/support/test-database.js'

// The settings, sections and logo around every page, and the Last-Modified date, are kept in
// memory until the site's change marker moves (see keptUntilChange, lastSiteChange). These
// tests use pages with a query, which the page cache never keeps: each request renders anew.

const now = new Date(TEST_NOW)
let dir: string
const handles: Db[] = []
/** One app node: its own connection to the site's database, its own app and clock. */
function node() {
  const db = connectToDataDir(dir)
  handles.push(db)
  const clock = fixedClock(TEST_NOW)
  const app = createApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
  let n = 0
  const get = async (p = '/') => {
    const res = await app.request(`${p}?fresh=${n++}`)
    return { text: await res.text(), lastModified: res.headers.get('last-modified') }
  }
  return { db, clock, get }
}
const nav = (html: string) => /<nav class="sections"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? ''
const title = (html: string) => /<title>(.*?)<\/title>/.exec(html)?.[1]

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-frame-'))
  const db = connectToDataDir(dir)
  handles.push(db)
  await migrateToLatest(db)
})
afterEach(async () => {
  for (const db of handles.splice(0)) await db.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the site around every page, kept until the site changes', () => {
  it('shows a changed title, a renamed section and a moved section on the next request', async () => {
    const { db, get } = node()
    const world = await ensureSection(db, { name: 'World' }, now)
    await ensureSection(db, { name: 'Sport' }, now)
    await addArticle(db, { headline: 'Ferry strike ends', sectionId: world.id })
    expect(title((await get()).text)).toBe('Masthead')
    expect(nav((await get()).text)).toMatch(/World.*Sport/s)

    await writeSettings(db, { title: 'The Quay Gazette' }, now)
    expect(title((await get()).text)).toBe('The Quay Gazette')
    await updateSection(db, world.id, { name: 'Abroad' }, now)
    const renamed = await get('/ferry-strike-ends/')
    expect(nav(renamed.text)).toContain('>Abroad<')
    expect(nav(renamed.text)).not.toContain('>World<')
    await moveSection(db, world.id, 'down', now)
    expect(nav((await get()).text)).toMatch(/Sport.*Abroad/s)
  })

  it('dates Last-Modified by the last change, and by a scheduled article from the moment it falls due', async () => {
    const { db, clock, get } = node()
    await addArticle(db, { headline: 'Ferry strike ends' }, now)
    expect((await get()).lastModified).toBe(now.toUTCString())
    const later = new Date(now.getTime() + 60_000)
    clock.set(later)
    await writeSettings(db, { title: 'The Quay Gazette' }, later)
    expect((await get()).lastModified).toBe(later.toUTCString())

    const due = new Date(later.getTime() + 120_000)
    await saveArticle(db, { headline: 'At noon', body: { format: 'markdown', source: 'x' }, status: 'scheduled', publishedAt: due }, later)
    clock.advance(60_000)
    expect((await get()).lastModified).toBe(later.toUTCString())
    clock.set(due)
    expect((await get()).lastModified).toBe(due.toUTCString())
    clock.advance(1_000)
    expect((await get()).lastModified).toBe(due.toUTCString())
  })

  it('follows a change made through another app node sharing the database', async () => {
    const one = node()
    const two = node()
    const world = await ensureSection(one.db, { name: 'World' }, now)
    await addArticle(one.db, { headline: 'Ferry strike ends', sectionId: world.id })
    expect(title((await two.get()).text)).toBe('Masthead')
    expect(nav((await two.get()).text)).toContain('>World<')

    await writeSettings(one.db, { title: 'The Quay Gazette' }, now)
    await updateSection(one.db, world.id, { name: 'Abroad' }, now)
    // SQLite: the next request reads the new marker. PostgreSQL: the other node hears of the
    // change by notification, a moment later.
    const seen = async () => {
      const { text } = await two.get()
      expect(title(text)).toBe('The Quay Gazette')
      expect(nav(text)).toContain('>Abroad<')
    }
    if (testBackend === 'sqlite') await seen()
    else await vi.waitFor(seen, { timeout: 5_000, interval: 20 })
  })
})
