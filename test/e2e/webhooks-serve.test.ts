import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhook, listDeliveries } from '../../src/content/webhooks/manage-webhooks.js'
import { isValidSignature } from '../../src/content/webhooks/sign-delivery.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { startServer } from '../support/cli.js'
import { addArticle } from '../support/test-site.js'
import { startReceiver } from '../support/webhook-receiver.js'
import { connectToDataDir } from '../support/test-database.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c() })

/** Publishes an article straight into the site's database while no server runs. */
async function publishWhileStopped(dataDir: string, headline: string, receiverUrl?: string) {
  const db = connectToDataDir(dataDir)
  try {
    await migrateToLatest(db)
    let webhookId: string | undefined
    if (receiverUrl) {
      const created = await createWebhook(db, { url: receiverUrl, events: ['article.published'] }, new Date())
      if (!created.ok) throw new Error('refused')
      webhookId = created.value.id
    }
    await addArticle(db, { headline }, new Date())
    return webhookId
  } finally {
    await db.destroy()
  }
}

describe('masthead serve delivers webhooks', () => {
  it('sends events queued while it was stopped, once each, from one process however many workers serve', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-webhooks-serve-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const receiver = await startReceiver()
    cleanups.push(receiver.close)
    const webhookId = (await publishWhileStopped(dataDir, 'Published before the start', receiver.url))!

    const first = await startServer({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
    await expect.poll(() => receiver.counted.size, { timeout: 15_000 }).toBe(1)
    await first.stop()

    await publishWhileStopped(dataDir, 'Published between two runs')
    const second = await startServer({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0', MASTHEAD_WORKERS: '2' })
    await expect.poll(() => receiver.counted.size, { timeout: 15_000 }).toBe(2)
    await second.stop()

    expect(receiver.received).toHaveLength(2)
    const db = connectToDataDir(dataDir)
    cleanups.push(() => db.destroy())
    const secret = (await db.selectFrom('webhooks').select('secret').executeTakeFirstOrThrow()).secret
    for (const r of receiver.received) {
      expect(isValidSignature(secret, String(r.headers['x-masthead-timestamp']), r.body, String(r.headers['x-masthead-signature']), new Date())).toBe(true)
    }
    expect(receiver.received.map((r) => JSON.parse(r.body).data.headline).sort()).toEqual(['Published before the start', 'Published between two runs'])
    expect((await listDeliveries(db, webhookId)).map((d) => d.status)).toEqual(['delivered', 'delivered'])
  }, 90_000)
})
