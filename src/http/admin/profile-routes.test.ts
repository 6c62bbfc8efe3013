import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPersonBySlug } from '../../content/people/person.repo.js'
import { ROLES } from '../../staff/roles.js'
import { totpCodeAt } from '../../staff/second-factor.js'
import { findStaffMember } from '../../staff/users.repo.js'
import { AdminClient, addStaff, signedInClient, TEST_PASSWORD } from '../../../test/support/staff.js'
import { createTestSite } from '../../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

/** Expects the client's session to be gone: pages send it to sign in. */
async function expectSignedOut(client: AdminClient) {
  const res = await client.get('/admin/')
  expect(res.status).toBe(303)
  expect(res.headers.get('Location')).toMatch(/^\/admin\/sign-in/)
}

describe('/admin/profile/', () => {
  for (const role of ROLES) {
    it(`${role} sees and changes their own profile`, async () => {
      const { client, staff } = await signedInClient(site.app, site.db, role)
      const res = await client.get('/admin/profile/')
      expect(res.status).toBe(200)
      expect(await res.text()).toContain(`value="${staff.email}"`)
      expect((await client.post('/admin/profile/', { name: `${role} renamed`, email: staff.email })).status).toBe(303)
      expect((await findStaffMember(site.db, staff.id))?.name).toBe(`${role} renamed`)
    })
  }

  it('renames the byline with the account, and refuses an email that is someone else’s', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author', 'Mara Lind')
    await addStaff(site.db, 'editor', 'Eda Editor')
    await client.get('/admin/profile/')
    const saved = await client.post('/admin/profile/', { name: 'Mara Lind-Okafor', email: 'MARA@ledger.test' })
    expect(saved.headers.get('Location')).toBe('/admin/profile/?notice=saved')
    expect(await findStaffMember(site.db, staff.id)).toMatchObject({ name: 'Mara Lind-Okafor', email: 'mara@ledger.test' })
    expect((await findPersonBySlug(site.db, 'mara-lind'))?.name).toBe('Mara Lind-Okafor')

    const taken = await client.post('/admin/profile/', { name: 'Mara', email: 'eda.editor@news.test' })
    expect(taken.status).toBe(422)
    const html = await taken.text()
    expect(html).toContain('eda.editor@news.test belongs to another account')
    expect(html).toMatch(/<input id="email" name="email" type="email" value="eda.editor@news.test"[^>]*aria-invalid="true"/)
    const bad = await client.post('/admin/profile/', { name: '', email: 'nope' })
    expect(await bad.text()).toMatch(/a name is required[\s\S]*must be an email address|must be an email address[\s\S]*a name is required/)
    expect((await findStaffMember(site.db, staff.id))?.email).toBe('mara@ledger.test')
  })

  it('refuses every form without the CSRF token (403)', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/profile/')
    const none = { _csrf: null }
    for (const [path, fields] of [
      ['/admin/profile/', { name: 'X', email: staff.email }],
      ['/admin/profile/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long password' }],
      ['/admin/profile/second-factor', { secret: 'JBSWY3DPEHPK3PXP', code: '123456' }],
      ['/admin/profile/second-factor/off', { password: TEST_PASSWORD }],
      ['/admin/profile/sessions/end-others', {}],
      ['/admin/profile/sessions/end-all', {}],
    ] as const) {
      expect((await client.post(path, { ...none, ...fields })).status, path).toBe(403)
    }
    expect((await client.get('/admin/profile/')).status).toBe(200)
    expect((await findStaffMember(site.db, staff.id))?.name).toBe(staff.name)
  })
})

describe('password', () => {
  it('needs the current password, and ends the other sessions but not this one', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const elsewhere = new AdminClient(site.app)
    await elsewhere.signIn(staff.email)
    await client.get('/admin/profile/')
    const wrong = await client.post('/admin/profile/password', { currentPassword: 'not it at all', newPassword: 'a fine new password' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('the current password is not right')
    const short = await client.post('/admin/profile/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' })
    expect(await short.text()).toContain('at least 10 characters')
    const changed = await client.post('/admin/profile/password', { currentPassword: TEST_PASSWORD, newPassword: 'a fine new password' })
    expect(changed.headers.get('Location')).toBe('/admin/profile/?notice=password')
    expect((await client.get('/admin/profile/')).status).toBe(200)
    await expectSignedOut(elsewhere)
    await new AdminClient(site.app).signIn(staff.email, 'a fine new password')
  })
})

describe('two-factor sign-in', () => {
  it('is set up with the shown key and a code, then asked for at sign-in, and turned off with the password', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    const setup = await client.get('/admin/profile/second-factor')
    const html = await setup.text()
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(html)![1]!
    expect(html).toContain(secret.replace(/(.{4})(?=.)/g, '$1 '))
    expect(html).toContain(`otpauth://totp/Masthead:${encodeURIComponent(staff.email)}?`)
    expect(/<svg [^>]*role="img"[^>]*><rect [^>]*><\/rect><path d="M\d/.test(html)).toBe(true)
    expect(html.includes('style=')).toBe(false)

    const wrong = await client.post('/admin/profile/second-factor', { secret, code: '000000' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('that code does not match')
    expect((await findStaffMember(site.db, staff.id))?.hasSecondFactor).toBe(false)
    const on = await client.post('/admin/profile/second-factor', { secret, code: totpCodeAt(secret, site.clock.now()) })
    expect(on.headers.get('Location')).toBe('/admin/profile/?notice=second-factor-on')
    expect((await findStaffMember(site.db, staff.id))?.hasSecondFactor).toBe(true)

    const later = new AdminClient(site.app)
    await later.get('/admin/sign-in')
    const signIn = await later.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD })
    expect(signIn.headers.get('Location')).toBe('/admin/second-factor')

    await client.get('/admin/profile/')
    const badOff = await client.post('/admin/profile/second-factor/off', { password: 'wrong password here' })
    expect(badOff.status).toBe(422)
    expect(await badOff.text()).toContain('the password is not right')
    expect((await client.post('/admin/profile/second-factor/off', { password: TEST_PASSWORD })).status).toBe(303)
    expect((await findStaffMember(site.db, staff.id))?.hasSecondFactor).toBe(false)
  })

  it('starts over with a new key when the key sent back is not one', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/profile/second-factor')
    const res = await client.post('/admin/profile/second-factor', { secret: 'not base32!', code: '123456' })
    expect(res.status).toBe(422)
    expect(await res.text()).toMatch(/name="secret" value="[A-Z2-7]{32}"/)
  })
})

describe('sessions', () => {
  it('lists where one is signed in, marking this one', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'contributor')
    const phone = new AdminClient(site.app)
    await phone.get('/admin/sign-in')
    await phone.post('/admin/sign-in', { email: staff.email, password: TEST_PASSWORD }, { 'User-Agent': 'PhoneBrowser/2.0' })
    const html = await (await client.get('/admin/profile/')).text()
    expect(html.match(/<tr><td><time/g)).toHaveLength(2)
    expect(html).toContain('PhoneBrowser/2.0')
    expect(html.match(/This one/g)).toHaveLength(1)
  })

  it('“Sign out everywhere else” ends the other sessions and keeps this one', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    const other = new AdminClient(site.app)
    await other.signIn(staff.email)
    await client.get('/admin/profile/')
    const res = await client.post('/admin/profile/sessions/end-others')
    expect(res.headers.get('Location')).toBe('/admin/profile/?notice=signed-out-elsewhere')
    await expectSignedOut(other)
    expect((await client.get('/admin/profile/')).status).toBe(200)
  })

  it('“Sign out everywhere” ends every session, this one too', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'administrator')
    const other = new AdminClient(site.app)
    await other.signIn(staff.email)
    await client.get('/admin/profile/')
    const res = await client.post('/admin/profile/sessions/end-all')
    expect(res.headers.get('Location')).toBe('/admin/sign-in?notice=signed-out-everywhere')
    expect(client.cookie('masthead_session')).toBeUndefined()
    await expectSignedOut(other)
    await expectSignedOut(client)
    expect(await (await client.get('/admin/sign-in?notice=signed-out-everywhere')).text()).toContain('You have signed out everywhere')
  })
})
