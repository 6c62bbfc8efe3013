import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signedInClient } from '../../test/support/staff.js'
import { createTestSite } from '../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('the newsroom, loaded on first use', () => {
  it('answers an unknown admin address with the site’s own 404 page, signed in or not', async () => {
    const away = await site.app.request('/admin/no-such-screen/')
    expect(away.status).toBe(303)
    expect(away.headers.get('location')).toMatch(/^\/admin\/sign-in/)
    const { client } = await signedInClient(site.app, site.db, 'editor')
    const missing = await client.get('/admin/no-such-screen/')
    expect(missing.status).toBe(404)
    const page = await missing.text()
    expect(page).toBe(await (await site.app.request('/no-such-article/')).text())
    expect(missing.headers.get('cache-control')).toContain('no-store')
  })

  it('answers the admin and the write API at their own addresses, and nothing else below them', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    expect((await client.get('/admin/')).status).toBe(200)
    expect((await site.app.request('/api/v1/openapi.json')).status).toBe(200)
    // The write API's own answers (JSON), not the site's pages.
    const unknown = await site.app.request('/api/v1/no-such-route')
    expect(unknown.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/)
    expect(await unknown.json()).toMatchObject({ error: { type: expect.any(String) } })
    // A page whose slug merely starts like the newsroom's addresses is the site's.
    expect((await site.app.request('/administration/')).status).toBe(404)
  })
})
