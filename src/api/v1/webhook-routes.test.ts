import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLog } from '../../core/log.js'
import { startWebhookDelivery } from '../../jobs/webhook-delivery.js'
import { signedInClient } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { startReceiver } from '../../../test/support/webhook-receiver.js'
import { createApiKey } from '../keys/manage-api-keys.js'
import type { ApiKeyKind } from '../keys/api-key.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

async function keyOf(kind: ApiKeyKind) {
  const created = await createApiKey(site.db, { name: 'Newsletter robot', kind }, new Date(TEST_NOW))
  if (!created.ok) throw new Error('no key')
  return created.value.secret
}

function call(path: string, key: string, { method = 'GET', json }: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` }
  if (json !== undefined) headers['Content-Type'] = 'application/json'
  return site.app.request(`${TEST_SITE_URL}/api/v1${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) })
}

describe('webhooks through the write API', () => {
  it('a write key registers a webhook that then receives signed events, lists its deliveries, and deletes it', async () => {
    const key = await keyOf('write')
    const receiver = await startReceiver()
    try {
      const created = await call('/webhooks', key, { method: 'POST', json: { url: receiver.url, events: ['article.published'] } })
      expect(created.status).toBe(201)
      const { webhook } = await created.json() as { webhook: { id: string; secret: string; events: string[] } }
      expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
      expect(webhook.events).toEqual(['article.published'])

      const listed = await (await call('/webhooks', key)).json() as { webhooks: Record<string, unknown>[] }
      expect(listed.webhooks.map((w) => w.id)).toEqual([webhook.id])
      expect(listed.webhooks[0]).not.toHaveProperty('secret')

      const article = await call('/articles', key, { method: 'POST', json: { headline: 'Harbour reopens', body: { format: 'markdown', source: 'Open.' } } })
      const { article: { id } } = await article.json() as { article: { id: string } }
      expect((await call(`/articles/${id}/publish`, key, { method: 'POST', json: {} })).status).toBe(200)

      const worker = startWebhookDelivery({ db: site.db, clock: site.clock, log: silentLog, autoStart: false })
      expect(await worker.runOnce()).toBe(1)
      await worker.stop()
      const [delivery] = receiver.received
      const timestamp = String(delivery!.headers['x-masthead-timestamp'])
      const expected = createHmac('sha256', webhook.secret).update(`${timestamp}.${delivery!.body}`).digest('hex')
      expect(delivery!.headers['x-masthead-signature']).toBe(`sha256=${expected}`)
      expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'article.published', data: { id } })

      const log = await (await call(`/webhooks/${webhook.id}/deliveries`, key)).json() as { deliveries: { status: string; lastStatusCode: number }[] }
      expect(log.deliveries).toMatchObject([{ status: 'delivered', lastStatusCode: 200 }])

      expect((await call(`/webhooks/${webhook.id}`, key, { method: 'DELETE' })).status).toBe(204)
      expect((await call(`/webhooks/${webhook.id}`, key, { method: 'DELETE' })).status).toBe(404)
    } finally {
      await receiver.close()
    }
  })

  it('names the field of a bad registration, and refuses read keys and staff below administrator', async () => {
    const key = await keyOf('write')
    const bad = await call('/webhooks', key, { method: 'POST', json: { url: 'ftp://example.org/hook', events: [] } })
    expect(bad.status).toBe(422)
    const problem = await bad.json() as { error: { issues: { field: string }[] } }
    expect(problem.error.issues.map((i) => i.field).sort()).toEqual(['events', 'url'])

    const read = await keyOf('read')
    expect((await call('/webhooks', read, { method: 'POST', json: { url: 'https://example.org/hook', events: '*' } })).status).toBe(403)
    expect((await call('/webhooks', read)).status).toBe(403)

    const { client } = await signedInClient(site.app, site.db, 'editor')
    const session = await site.db.selectFrom('sessions').select('csrfToken').executeTakeFirstOrThrow()
    const asEditor = await client.request('/api/v1/webhooks', {
      method: 'POST', body: JSON.stringify({ url: 'https://example.org/hook', events: '*' }),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
    })
    expect(asEditor.status).toBe(403)
    expect(await site.db.selectFrom('webhooks').selectAll().execute()).toEqual([])
  })
})
