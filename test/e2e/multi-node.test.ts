import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebhook } from '../../src/content/webhooks/manage-webhooks.js'
import type { Db } from '../../src/storage/connect.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { openPostgres } from '../../src/storage/postgres.js'
import { startServer } from '../support/cli.js'
import { hasBuild, hasPostgres } from '../support/requirements.js'
import { AdminClient, addStaff } from '../support/staff.js'
import { createEmptyPostgresDatabase } from '../support/test-database.js'
import { addArticle } from '../support/test-site.js'
import { startReceiver } from '../support/webhook-receiver.js'

type Node = Awaited<ReturnType<typeof startServer>>

/** The admin client over real HTTP to one node, keeping its cookies. */
const clientOf = (node: Node) => new AdminClient({ request: (url: string, init: RequestInit) => fetch(url, { ...init, redirect: 'manual' }) } as unknown as Hono, node.url)

/**
 * Two `masthead serve` processes on different ports, one PostgreSQL database: what a load
 * balancer in front of several app nodes would see.
 */
describe.runIf(hasPostgres() && hasBuild())('several app nodes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>
  let db: Db
  let a: Node
  let b: Node
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const dirs: string[] = []

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase()
    db = openPostgres(database.url, { maxConnections: 2 })
    await migrateToLatest(db)
    receiver = await startReceiver()
    const hook = await createWebhook(db, { url: receiver.url, events: ['article.published'] }, new Date())
    if (!hook.ok) throw new Error(JSON.stringify(hook.error))
    const env = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-node-'))
      dirs.push(dir)
      return { DATABASE_URL: database.url, MASTHEAD_DATA_DIR: dir, MASTHEAD_DEMO: '1' }
    }
    // Both start at once: they take turns preparing the database (the demo is added once).
    ;[a, b] = await Promise.all([startServer(env()), startServer(env())])
  }, 120_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await receiver?.close()
    await db?.destroy()
    await database?.drop()
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('prepares the shared database once: one set of demo articles, whichever node started first', async () => {
    const demo = await db.selectFrom('articles').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()
    const seeded = [a.output(), b.output()].filter((out) => /added \d+ demo articles/.test(out))
    expect(seeded).toHaveLength(1)
    expect(Number(demo.n)).toBe(Number(/added (\d+) demo articles/.exec(seeded[0]!)![1]))
  })

  it('keeps a session made on node A valid on node B, and ends it on both', async () => {
    const editor = await addStaff(db, 'editor', 'Ines Ortega')
    const onA = clientOf(a)
    await onA.signIn(editor.email)
    const cookie = onA.cookie('masthead_session')
    expect(cookie).toBeTruthy()
    const onB = clientOf(b)
    onB.setCookie('masthead_session', cookie!)
    const page = await onB.get('/admin/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Ines Ortega')
    expect((await onB.post('/admin/sign-out')).status).toBe(303)
    const after = await clientOf(a)
    after.setCookie('masthead_session', cookie!)
    expect((await after.get('/admin/')).status).toBe(303)
  })

  it('serves on node B, within a second, an article published through node A, over a cached page', { timeout: 60_000 }, async () => {
    const warm = async () => (await (await fetch(`${b.url}/`)).text())
    await warm()
    expect(await warm()).not.toContain('Lifeboat crew honoured')
    const author = await addStaff(db, 'author', 'Tomas Berg')
    const onA = clientOf(a)
    await onA.signIn(author.email)
    const csrf = (await db.selectFrom('sessions').select('csrfToken').where('userId', '=', author.id).executeTakeFirstOrThrow()).csrfToken
    const api = (p: string, json: unknown) => onA.request(`/api/v1${p}`, { method: 'POST', body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } })
    const created = await api('/articles', { headline: 'Lifeboat crew honoured', body: { format: 'markdown', source: 'The crew was honoured for forty years of rescues.' } })
    expect(created.status).toBe(201)
    const { article } = await created.json() as { article: { id: string; slug: string } }
    expect((await api(`/articles/${article.id}/publish`, {})).status).toBe(200)
    const published = Date.now()
    let seenAfter = -1
    while (Date.now() - published < 5_000) {
      if ((await warm()).includes('Lifeboat crew honoured')) { seenAfter = Date.now() - published; break }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0)
    expect(seenAfter).toBeLessThan(1_000)
    console.log(`[multi-node] node B served the article ${seenAfter} ms after node A published it`)
    // The announcement goes out once, whichever node's worker claims it.
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('Lifeboat crew honoured')).length, { timeout: 15_000 }).toBe(1)
  })

  it('publishes a scheduled article exactly once, and announces it once, with a scheduler on each node', { timeout: 90_000 }, async () => {
    // Each node's scheduler wakes at least every 30 s, and at once for articles it knew were due.
    const scheduledId = (await addArticle(db, { headline: 'Tide tables for the week', status: 'scheduled', publishedAt: new Date(Date.now() + 2_000) }, new Date())).id
    const status = async () => (await db.selectFrom('articles').select('status').where('id', '=', scheduledId).executeTakeFirstOrThrow()).status
    await expect.poll(status, { timeout: 45_000, interval: 200 }).toBe('published')
    await expect.poll(() => receiver.received.filter((r) => r.body.includes('Tide tables for the week')).length, { timeout: 15_000 }).toBe(1)
    // Both nodes' schedulers and delivery workers get another full turn: nothing is done twice.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    const logs = [a.output(), b.output()].map((out) => (out.match(/Published 1 scheduled article/g) ?? []).length)
    expect(logs[0]! + logs[1]!).toBe(1)
    expect(receiver.received.filter((r) => r.body.includes('Tide tables for the week'))).toHaveLength(1)
    expect(receiver.received.filter((r) => r.body.includes('Lifeboat crew honoured'))).toHaveLength(1)
    expect(receiver.counted.size).toBe(receiver.received.length)
  })
})
