import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { silentLog } from '../../core/log.js'
import { issueSetupToken, enableSecondFactor, proposeSecondFactor } from '../../staff/staff-accounts.js'
import { totpCodeAt } from '../../staff/second-factor.js'
import { countUsers, findUserRowByEmail } from '../../staff/users.repo.js'
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS } from '../../staff/throttle.js'
import { AdminClient, addStaff, TEST_PASSWORD } from '../../../test/support/staff.js'
import { createTestSite, dumpDatabase } from '../../../test/support/test-site.js'
import { ADMIN_CSP } from './admin-app.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('first administrator', () => {
  it('is created once through the set-up link, and signed in', async () => {
    const token = (await issueSetupToken(site.db, site.clock.now()))!
    const client = new AdminClient(site.app)
    const form = await client.get(`/admin/setup?token=${token}`)
    expect(form.status).toBe(200)
    const created = await client.post('/admin/setup', { token, name: 'Ada Okafor', email: 'Ada@News.test', password: 'tide tables at noon' })
    expect(created.status).toBe(303)
    expect(created.headers.get('Location')).toBe('/admin/')
    const cookie = created.headers.getSetCookie().find((c) => c.startsWith('masthead_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const home = await client.get('/admin/')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Sign out (Ada Okafor)')
    expect((await findUserRowByEmail(site.db, 'ada@news.test'))?.role).toBe('administrator')

    const again = await new AdminClient(site.app).get(`/admin/setup?token=${token}`)
    expect(again.status).toBe(410)
  })

  it('refuses a made-up token and a weak password, creating nobody', async () => {
    await issueSetupToken(site.db, site.clock.now())
    const client = new AdminClient(site.app)
    await client.get('/admin/setup?token=x')
    const bogus = await client.post('/admin/setup', { token: 'not-the-token', name: 'Eve', email: 'eve@news.test', password: 'long enough password' })
    expect(bogus.status).toBe(410)
    const token = (await issueSetupToken(site.db, site.clock.now()))!
    const weak = await client.post('/admin/setup', { token, name: 'Ada', email: 'ada@news.test', password: 'short' })
    expect(weak.status).toBe(422)
    expect(await weak.text()).toContain('at least 10 characters')
    expect(await countUsers(site.db)).toBe(0)
  })
})

describe('CSRF', () => {
  it('refuses state-changing requests without the right token (403), changing nothing', async () => {
    const staff = await addStaff(site.db, 'editor')
    const client = new AdminClient(site.app)
    await client.get('/admin/sign-in')
    const before = await dumpDatabase(site.db)
    expect((await client.post('/admin/sign-in', { _csrf: null, email: staff.email, password: TEST_PASSWORD })).status).toBe(403)
    expect((await client.post('/admin/sign-in', { _csrf: 'forged', email: staff.email, password: TEST_PASSWORD })).status).toBe(403)
    expect(await dumpDatabase(site.db)).toEqual(before)
    // Signed in, the session's own token is needed: the pre-sign-in one no longer works.
    const preSignIn = client.formToken
    await client.signIn(staff.email)
    expect(client.formToken).not.toBe(preSignIn)
    expect((await client.post('/admin/sign-out', { _csrf: preSignIn })).status).toBe(403)
    expect((await client.get('/admin/')).status).toBe(200)
  })

  it('refuses a request from another origin even with a token', async () => {
    const staff = await addStaff(site.db, 'editor')
    const client = new AdminClient(site.app)
    await client.signIn(staff.email)
    const response = await client.post('/admin/sign-out', {}, { Origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect((await client.get('/admin/')).status).toBe(200)
  })
})

describe('sign-in', () => {
  it('signs in, issues a new session token (no fixation), and signs out', async () => {
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(site.app)
    client.setCookie('masthead_session', 'planted-by-attacker')
    await client.signIn(staff.email)
    expect(client.cookie('masthead_session')).not.toBe('planted-by-attacker')
    expect((await client.get('/admin/')).status).toBe(200)
    const out = await client.post('/admin/sign-out')
    expect(out.headers.get('Location')).toBe('/admin/sign-in?notice=signed-out')
    const after = await client.get('/admin/')
    expect(after.status).toBe(303)
    expect(after.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin%2F')
  })

  it('says a wrong password or an unknown email the same way', async () => {
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(site.app)
    await client.get('/admin/sign-in')
    const wrong = await client.post('/admin/sign-in', { email: staff.email, password: 'not the password' })
    const unknown = await client.post('/admin/sign-in', { email: 'nobody@news.test', password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const message = 'That email and password do not match an account.'
    expect(await wrong.text()).toContain(message)
    expect(await unknown.text()).toContain(message)
  })

  it(`throttles an account after ${MAX_FAILURES_PER_ACCOUNT} failures, with a clear message, until the window passes`, async () => {
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(site.app)
    await client.get('/admin/sign-in')
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await client.post('/admin/sign-in', { email: staff.email, password: `guess ${i}` })).status).toBe(401)
    }
    const throttled = await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(await throttled.text()).toContain('Too many failed sign-ins for this account. Try again in 15 minutes.')
    site.clock.advance(THROTTLE_WINDOW_MS + 1000)
    expect((await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })).status).toBe(303)
  })

  it(`throttles an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(site.app)
    await client.get('/admin/sign-in')
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await client.post('/admin/sign-in', { email: `someone${i}@news.test`, password: 'guess' })
    }
    const throttled = await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })
    expect(throttled.status).toBe(429)
    expect(await throttled.text()).toContain('from your network address')
  })

  it('counts addresses from X-Forwarded-For only behind a trusted proxy', async () => {
    const app = createApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: 'http://news.test', trustProxy: true })
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(app)
    await client.get('/admin/sign-in')
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await client.post('/admin/sign-in', { email: `someone${i}@news.test`, password: 'guess' }, { 'X-Forwarded-For': '203.0.113.7' })
    }
    expect((await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(429)
    expect((await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(303)
  })

  it('sends a signed-in person back to where they were going, but never off the admin', async () => {
    const staff = await addStaff(site.db, 'editor')
    for (const [next, expected] of [['/admin/review/', '/admin/review/'], ['//evil.example/', '/admin/'], ['https://evil.example/', '/admin/']]) {
      const client = new AdminClient(site.app)
      await client.get('/admin/sign-in')
      const response = await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD, next: next! })
      expect(response.headers.get('Location')).toBe(expected)
    }
  })

  it('ends a session after a week unused', async () => {
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(site.app)
    await client.signIn(staff.email)
    site.clock.advance(6 * 24 * 3600_000)
    expect((await client.get('/admin/')).status).toBe(200)
    site.clock.advance(6 * 24 * 3600_000) // used a day ago: the week starts again
    expect((await client.get('/admin/')).status).toBe(200)
    site.clock.advance(8 * 24 * 3600_000)
    expect((await client.get('/admin/')).status).toBe(303)
  })

  it('marks the cookie Secure when the site is served over https', async () => {
    const app = createApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: 'https://news.test' })
    const staff = await addStaff(site.db, 'author')
    const client = new AdminClient(app, 'https://news.test')
    await client.get('/admin/sign-in')
    const response = await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })
    expect(response.headers.getSetCookie().find((c) => c.startsWith('masthead_session='))).toMatch(/Secure/)
  })
})

describe('second factor', () => {
  it('asks for the authenticator code after the password, and only then lets in', async () => {
    const staff = await addStaff(site.db, 'editor')
    const secret = proposeSecondFactor()
    expect((await enableSecondFactor(site.db, staff.id, secret, totpCodeAt(secret, site.clock.now()), site.clock.now())).ok).toBe(true)
    const client = new AdminClient(site.app)
    await client.get('/admin/sign-in')
    const password = await client.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })
    expect(password.headers.get('Location')).toBe('/admin/second-factor')
    expect((await client.get('/admin/')).headers.get('Location')).toBe('/admin/second-factor')
    await client.get('/admin/second-factor')
    expect((await client.post('/admin/second-factor', { code: '000000' })).status).toBe(401)
    const halfToken = client.cookie('masthead_session')
    const done = await client.post('/admin/second-factor', { code: totpCodeAt(secret, site.clock.now()) })
    expect(done.headers.get('Location')).toBe('/admin/')
    expect(client.cookie('masthead_session')).not.toBe(halfToken)
    expect((await client.get('/admin/')).status).toBe(200)
  })
})

describe('admin responses', () => {
  it('are never cached and carry the strict policy', async () => {
    const response = await new AdminClient(site.app).get('/admin/sign-in')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Content-Security-Policy')).toBe(ADMIN_CSP)
    expect(ADMIN_CSP).not.toContain('unsafe-inline')
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('links only to what the role may use', async () => {
    const contributor = await addStaff(site.db, 'contributor')
    const client = new AdminClient(site.app)
    await client.signIn(contributor.email)
    const html = await (await client.get('/admin/')).text()
    expect(html).not.toContain('href="/admin/staff/"')
    expect(html).not.toContain('href="/admin/settings/"')
    expect((await client.get('/admin/review/')).status).toBe(403)
  })
})
