import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSettings } from '../../content/settings/settings.repo.js'
import { ROLES } from '../../staff/roles.js'
import { signedInClient } from '../../../test/support/staff.js'
import { createTestSite } from '../../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const valid = {
  title: 'The Port Alder Ledger', description: 'Harbour news.', logoId: '', language: 'de', timeZone: 'Europe/Berlin',
  navigation: 'Hafen | /section/hafen/\nÜber uns | /about/',
  social_x: '@ledger', social_facebook: '', social_instagram: '', social_mastodon: '@ledger@mastodon.social',
  social_bluesky: '', social_linkedin: '', social_youtube: '', social_tiktok: '',
}

describe('/admin/settings/', () => {
  for (const role of ROLES) {
    const allowed = role === 'administrator'
    it(`${role}: view ${allowed ? 200 : 403}, save ${allowed ? 303 : 403}`, async () => {
      const { client } = await signedInClient(site.app, site.db, role)
      expect((await client.get('/admin/settings/')).status).toBe(allowed ? 200 : 403)
      await client.get('/admin/')
      const saved = await client.post('/admin/settings/', valid)
      expect(saved.status).toBe(allowed ? 303 : 403)
      expect((await readSettings(site.db)).title).toBe(allowed ? valid.title : 'Masthead')
      // The link is offered only to those the server lets in.
      expect((await (await client.get('/admin/')).text()).includes('href="/admin/settings/"')).toBe(allowed)
    })
  }

  it('refuses a save without the form token (403), changing nothing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    await client.get('/admin/settings/')
    expect((await client.post('/admin/settings/', { ...valid, _csrf: null })).status).toBe(403)
    expect((await readSettings(site.db)).title).toBe('Masthead')
  })

  it('names the field, and the line of a menu entry, of each problem (422), keeping what was typed', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    await client.get('/admin/settings/')
    const res = await client.post('/admin/settings/', {
      ...valid, title: '', language: 'Deutsch', timeZone: 'Europe/Atlantis', logoId: 'missing',
      navigation: 'Hafen | /section/hafen/\nBad | javascript:alert(1)', social_instagram: 'https://evil.example/x',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Site name: a name is required')
    expect(html).toContain('Language: “Deutsch” is not a language tag')
    expect(html).toContain('Time zone: “Europe/Atlantis” is not a time zone')
    expect(html).toContain('Logo: there is no picture with the id “missing”')
    expect(html).toContain('Navigation, line 2: “javascript:alert(1)” is not a path on this site')
    expect(html).toContain('Instagram: write it as')
    expect(html).toMatch(/<textarea id="navigation" name="navigation" aria-invalid="true"[^>]*>Hafen \| \/section\/hafen\/\nBad \| javascript:alert\(1\)<\/textarea>/)
    expect(html).toMatch(/<input id="social_instagram" name="social_instagram" type="text" value="https:\/\/evil.example\/x"[^>]*aria-invalid="true"/)
    expect((await readSettings(site.db)).title).toBe('Masthead')
  })

  it('shows the saved settings in the form and on the public home page at once', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    expect(await (await site.app.request('/')).text()).toContain('<html lang="en">')
    await client.get('/admin/settings/')
    const saved = await client.post('/admin/settings/', valid)
    expect(saved.headers.get('Location')).toBe('/admin/settings/?notice=saved')
    const form = await (await client.get('/admin/settings/?notice=saved')).text()
    expect(form).toContain('Settings saved.')
    expect(form).toContain('value="https://x.com/ledger"')
    expect(form).toMatch(/<option value="Europe\/Berlin" selected="">/)

    const home = await (await site.app.request('/')).text()
    expect(home).toContain('<html lang="de">')
    expect(home).toContain('<title>The Port Alder Ledger</title>')
    expect(home).toContain('<a href="/about/">Über uns</a>')
    expect(home).toContain('<a href="https://x.com/ledger" rel="me">X (Twitter)</a>')
    expect(home).toContain('<a href="https://mastodon.social/@ledger" rel="me">Mastodon</a>')
  })
})
