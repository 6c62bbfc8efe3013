import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addArticle, TEST_NOW } from '../../test/support/test-site.js'
import { startReceiver } from '../../test/support/webhook-receiver.js'
import { createWebhook, listDeliveries, findWebhook } from '../content/webhooks/manage-webhooks.js'
import { isValidSignature } from '../content/webhooks/sign-delivery.js'
import { fixedClock } from '../core/clock.js'
import { silentLog } from '../core/log.js'
import { openSqlite, type Db } from '../storage/connect.js'
import { migrateToLatest } from '../storage/migrate.js'
import { retryDelayMs, startWebhookDelivery, type WebhookDeliveryDeps } from './webhook-delivery.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c() })

async function memoryDb(): Promise<Db> {
  const db = openSqlite(':memory:')
  await migrateToLatest(db)
  cleanups.push(() => db.destroy())
  return db
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(answer)
  cleanups.push(r.close)
  return r
}

async function webhook(db: Db, url: string, events: '*' | ['article.published'] = '*') {
  const created = await createWebhook(db, { url, events }, new Date(TEST_NOW))
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.value
}

/** A worker driven pass by pass (no polling), with a fixed clock and no jitter. */
function worker(db: Db, clock: ReturnType<typeof fixedClock>, options: Partial<WebhookDeliveryDeps> = {}) {
  const w = startWebhookDelivery({ db, clock, log: silentLog, random: () => 0.5, autoStart: false, ...options })
  cleanups.push(() => w.stop())
  return w
}

describe('webhook delivery', () => {
  it('POSTs the event as JSON, signed over the timestamp and body, with the delivery id', async () => {
    const db = await memoryDb()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver()
    const hook = await webhook(db, r.url)
    const article = await addArticle(db, { headline: 'Harbour reopens' })

    expect(await worker(db, clock).runOnce()).toBe(1)
    const [got] = r.received
    const h = got!.headers
    expect(h['content-type']).toBe('application/json')
    expect(h['x-masthead-event']).toBe('article.published')
    expect(h['x-masthead-timestamp']).toBe(String(Date.parse(TEST_NOW) / 1000))
    expect(isValidSignature(hook.secret, String(h['x-masthead-timestamp']), got!.body, String(h['x-masthead-signature']), clock.now())).toBe(true)
    expect(isValidSignature('whsec_other', String(h['x-masthead-timestamp']), got!.body, String(h['x-masthead-signature']), clock.now())).toBe(false)
    expect(isValidSignature(hook.secret, String(h['x-masthead-timestamp']), got!.body + ' ', String(h['x-masthead-signature']), clock.now())).toBe(false)
    const body = JSON.parse(got!.body)
    expect(body).toMatchObject({ id: h['x-masthead-delivery'], event: 'article.published', created_at: TEST_NOW, data: { id: article.id, headline: 'Harbour reopens', status: 'published' } })
    const [logged] = await listDeliveries(db, hook.id)
    expect(logged).toMatchObject({ id: body.id, status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: '' })
  })

  it('retries with backoff: a receiver failing twice gets the event on the third try', async () => {
    const db = await memoryDb()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver((n) => (n <= 2 ? 500 + n : 200))
    const hook = await webhook(db, r.url)
    await addArticle(db, { headline: 'Harbour reopens' })
    const w = worker(db, clock)

    expect(await w.runOnce()).toBe(1)
    expect((await listDeliveries(db, hook.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 501, nextAttemptAt: new Date(Date.parse(TEST_NOW) + 30_000) })
    expect(await w.runOnce()).toBe(0) // not due yet
    clock.advance(retryDelayMs(1, () => 0.5))
    expect(await w.runOnce()).toBe(1)
    expect((await listDeliveries(db, hook.id))[0]).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 502 })
    clock.advance(retryDelayMs(2, () => 0.5) - 1)
    expect(await w.runOnce()).toBe(0)
    clock.advance(1)
    expect(await w.runOnce()).toBe(1)
    expect((await listDeliveries(db, hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 })
    expect(r.received).toHaveLength(3)
    expect(new Set(r.received.map((x) => x.headers['x-masthead-delivery'])).size).toBe(1)
    expect(r.counted.size).toBe(1)
  })

  it('gives up after the last attempt', async () => {
    const db = await memoryDb()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver(() => 500)
    const hook = await webhook(db, r.url)
    await addArticle(db, { headline: 'Harbour reopens' })
    const w = worker(db, clock, { maxAttempts: 2 })
    await w.runOnce()
    clock.advance(60 * 60_000)
    await w.runOnce()
    clock.advance(60 * 60_000)
    expect(await w.runOnce()).toBe(0)
    expect((await listDeliveries(db, hook.id))[0]).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500 })
  })

  it('backs off exponentially, with jitter, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(retryDelayMs(1, () => 0)).toBe(24_000)
    expect(retryDelayMs(9, () => 0.99)).toBe(3_600_000)
  })

  it('disables the webhook when the receiver answers 410, setting its waiting deliveries aside', async () => {
    const db = await memoryDb()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver(() => 410)
    const hook = await webhook(db, r.url)
    await addArticle(db, { headline: 'One' })
    await addArticle(db, { headline: 'Two' })
    expect(await worker(db, clock, { batchSize: 1 }).runOnce()).toBe(1)
    expect(await findWebhook(db, hook.id)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') })
    expect((await listDeliveries(db, hook.id)).map((d) => [d.status, d.lastStatusCode])).toEqual(expect.arrayContaining([['disabled', 410], ['disabled', null]]))
    await addArticle(db, { headline: 'Three' })
    expect(await listDeliveries(db, hook.id)).toHaveLength(2)
    expect(r.received).toHaveLength(1)
  })

  it('counts no answer within the timeout as a failure, to retry', async () => {
    const db = await memoryDb()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver(() => 'hang')
    const hook = await webhook(db, r.url)
    await addArticle(db, { headline: 'Harbour reopens' })
    expect(await worker(db, clock, { timeoutMs: 150 }).runOnce()).toBe(1)
    expect((await listDeliveries(db, hook.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: expect.stringContaining('no answer') })
  })

  it('sends as soon as the process queues an event when running on its own', async () => {
    const db = await memoryDb()
    const r = await receiver()
    await webhook(db, r.url)
    const w = startWebhookDelivery({ db, clock: fixedClock(TEST_NOW), log: silentLog, pollMs: 60_000 })
    cleanups.push(() => w.stop())
    await addArticle(db, { headline: 'Harbour reopens' })
    await expect.poll(() => r.received.length, { timeout: 3000 }).toBe(1)
  })
})

describe('webhook delivery across restarts and processes', () => {
  let dir: string
  const connect = () => {
    const db = openSqlite(path.join(dir, 'masthead.db'))
    return db
  }
  const tempDir = () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-webhooks-'))
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  }

  it('delivers an event published while no worker ran, after the database is closed and reopened', async () => {
    tempDir()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver()
    const first = connect()
    await migrateToLatest(first)
    const hook = await webhook(first, r.url)
    await addArticle(first, { headline: 'Published while stopped' })
    await first.destroy()

    const second = connect()
    cleanups.push(() => second.destroy())
    // The first try reaches the receiver but the answer is lost (as when a process dies before
    // recording it): the receiver sees the delivery twice and counts it once by its id.
    let lose = true
    const flaky: typeof fetch = async (url, init) => {
      const response = await fetch(url, init)
      if (lose) { lose = false; throw new Error('connection reset') }
      return response
    }
    const w = worker(second, clock, { fetch: flaky })
    expect(await w.runOnce()).toBe(1)
    clock.advance(60_000)
    expect(await w.runOnce()).toBe(1)
    expect(r.received).toHaveLength(2)
    expect(r.counted.size).toBe(1)
    expect((await listDeliveries(second, hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(JSON.parse(r.received[0]!.body).data.headline).toBe('Published while stopped')
  })

  it('two workers on one database file deliver each event once', async () => {
    tempDir()
    const clock = fixedClock(TEST_NOW)
    const r = await receiver()
    const a = connect()
    cleanups.push(() => a.destroy())
    await migrateToLatest(a)
    const b = connect()
    cleanups.push(() => b.destroy())
    await webhook(a, r.url)
    for (let i = 0; i < 12; i++) await addArticle(a, { headline: `Story ${i}` })
    const [sentA, sentB] = await Promise.all([worker(a, clock, { batchSize: 3 }).runOnce(), worker(b, clock, { batchSize: 3 }).runOnce()])
    expect(sentA + sentB).toBe(12)
    expect(r.received).toHaveLength(12)
    expect(r.counted.size).toBe(12)
  })
})
