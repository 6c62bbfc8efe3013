import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { signedInClient } from '../../../test/support/staff.js'
import { ROLES } from '../../staff/roles.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('/admin/integrations/', () => {
  it('is for administrators only', async () => {
    for (const role of ROLES.filter((r) => r !== 'administrator')) {
      const { client } = await signedInClient(site.app, site.db, role, `${role} one`)
      expect((await client.get('/admin/integrations/')).status, role).toBe(403)
      await client.get('/admin/')
      expect((await client.post('/admin/integrations/', { name: 'Sneaky', kind: 'write' })).status, role).toBe(403)
    }
    expect(await site.db.selectFrom('apiKeys').select('id').execute()).toEqual([])
  })

  it('creates a key shown once, lists it, and revokes it so the API refuses it', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    expect((await client.get('/admin/integrations/')).status).toBe(200)
    const created = await client.post('/admin/integrations/', { name: 'Wire desk', kind: 'write' })
    expect(created.status).toBe(201)
    const secret = /<code id="new-key">(mh_[0-9a-f]{40})<\/code>/.exec(await created.text())?.[1]
    expect(secret).toBeDefined()
    const api = () => site.app.request(`${TEST_SITE_URL}/api/v1/articles`, { headers: { Authorization: `Bearer ${secret}` } })
    expect((await api()).status).toBe(200)

    const list = await (await client.get('/admin/integrations/')).text()
    expect(list).toContain('Wire desk')
    expect(list).toContain(`${secret!.slice(0, 9)}…`)
    expect(list).not.toContain(secret)

    const key = await site.db.selectFrom('apiKeys').select(['id', 'kind']).executeTakeFirstOrThrow()
    expect(key.kind).toBe('write')
    expect((await client.post(`/admin/integrations/${key.id}/revoke`, { _csrf: null })).status).toBe(403)
    const revoked = await client.post(`/admin/integrations/${key.id}/revoke`)
    expect(revoked.status).toBe(303)
    expect((await api()).status).toBe(401)
    expect(await (await client.get('/admin/integrations/')).text()).toContain('Revoked')
  })

  it('names the field when the name is missing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    await client.get('/admin/integrations/')
    const res = await client.post('/admin/integrations/', { name: ' ', kind: 'read' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Name: a name is required')
  })
})
