import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTerm } from '../../content/manage-terms.js'
import { createWebhook, findWebhook, listDeliveries, listWebhooks } from '../../content/webhooks/manage-webhooks.js'
import { ROLES } from '../../staff/roles.js'
import { signedInClient, type AdminClient } from '../../../test/support/staff.js'
import { createTestSite } from '../../../test/support/test-site.js'

const BASE = '/admin/integrations/webhooks/'
let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

/** Posts the add form with several ticked events (the client's `post` takes each field once). */
function addWebhook(client: AdminClient, url: string, events: string[] | 'all', csrf = client.formToken) {
  const body = new URLSearchParams({ _csrf: csrf, url, scope: events === 'all' ? 'all' : 'chosen' })
  if (events !== 'all') for (const e of events) body.append('events', e)
  return client.request(BASE, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
}

describe('/admin/integrations/webhooks/', () => {
  for (const role of ROLES) {
    const allowed = role === 'administrator'
    it(`${role}: list ${allowed ? 200 : 403}, add ${allowed ? 303 : 403}, act on one ${allowed ? 303 : 403}`, async () => {
      const { client } = await signedInClient(site.app, site.db, role)
      const existing = await createWebhook(site.db, { url: 'https://receiver.test/a', events: '*' }, site.clock.now())
      if (!existing.ok) throw new Error('refused')
      expect((await client.get(BASE)).status).toBe(allowed ? 200 : 403)
      expect((await client.get(`${BASE}${existing.value.id}/`)).status).toBe(allowed ? 200 : 403)
      expect((await addWebhook(client, 'https://receiver.test/b', 'all')).status).toBe(allowed ? 303 : 403)
      expect((await client.post(`${BASE}${existing.value.id}/disable`)).status).toBe(allowed ? 303 : 403)
      expect((await client.post(`${BASE}${existing.value.id}/delete`)).status).toBe(allowed ? 303 : 403)
      expect((await listWebhooks(site.db)).map((w) => w.url)).toEqual(allowed ? ['https://receiver.test/b'] : ['https://receiver.test/a'])
      expect((await (await client.get('/admin/')).text()).includes(`href="${BASE}"`)).toBe(allowed)
    })
  }

  it('refuses every POST without the form token (403), changing nothing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const existing = await createWebhook(site.db, { url: 'https://receiver.test/a', events: '*' }, site.clock.now())
    if (!existing.ok) throw new Error('refused')
    await client.get(BASE)
    expect((await addWebhook(client, 'https://receiver.test/b', 'all', '')).status).toBe(403)
    for (const action of ['disable', 'ping', 'delete']) {
      expect((await client.post(`${BASE}${existing.value.id}/${action}`, { _csrf: null })).status).toBe(403)
    }
    expect(await listWebhooks(site.db)).toMatchObject([{ url: 'https://receiver.test/a', enabled: true }])
    expect(await listDeliveries(site.db, existing.value.id)).toEqual([])
  })

  it('adds a webhook for chosen events and shows its secret; refuses other schemes (422, naming the field)', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    await client.get(BASE)
    const refused = await addWebhook(client, 'ftp://receiver.test/hooks', ['tag.added'])
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('id="url-error"')
    const none = await addWebhook(client, 'https://receiver.test/hooks', [])
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('Choose at least one event.')

    const added = await addWebhook(client, 'https://receiver.test/hooks', ['tag.added', 'article.published'])
    expect(added.status).toBe(303)
    const [webhook] = await listWebhooks(site.db)
    expect(webhook).toMatchObject({ url: 'https://receiver.test/hooks', events: ['article.published', 'tag.added'], enabled: true })
    expect(webhook!.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    expect(added.headers.get('Location')).toBe(`${BASE}${webhook!.id}/?notice=created`)
    expect(await (await client.get(`${BASE}${webhook!.id}/?notice=created`)).text()).toContain(webhook!.secret)
  })

  it('turns a webhook off and on, sends a test ping and shows the delivery log', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'administrator')
    const created = await createWebhook(site.db, { url: 'https://receiver.test/a', events: ['tag.added'] }, site.clock.now())
    if (!created.ok) throw new Error('refused')
    const id = created.value.id
    await client.get(`${BASE}${id}/`)
    await client.post(`${BASE}${id}/disable`)
    expect(await findWebhook(site.db, id)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining(staff.name) })
    await createTerm(site.db, 'tags', { name: 'Boats', slug: '', description: '' }, site.clock.now())
    expect(await listDeliveries(site.db, id)).toEqual([])
    await client.post(`${BASE}${id}/enable`)
    await createTerm(site.db, 'tags', { name: 'Ships', slug: '', description: '' }, site.clock.now())
    expect((await client.post(`${BASE}${id}/ping`)).status).toBe(303)
    const deliveries = await listDeliveries(site.db, id)
    expect(deliveries.map((d) => d.event).sort()).toEqual(['ping', 'tag.added'])
    const page = await (await client.get(`${BASE}${id}/`)).text()
    for (const d of deliveries) expect(page).toContain(d.id)
    expect((await client.get(`${BASE}aaaaaaaaaaaaaaaaaaaaaaaa/`)).status).toBe(404)
  })
})
