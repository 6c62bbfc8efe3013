import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invitableRoles, ROLES } from '../../staff/roles.js'
import { findStaffMember, findUserRowByEmail } from '../../staff/users.repo.js'
import { AdminClient, addStaff, signedInClient, TEST_PASSWORD } from '../../../test/support/staff.js'
import { createTestSite } from '../../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const linkIn = (html: string) => /id="staff-link" type="text" value="([^"]+)"/.exec(html)?.[1]

describe('who may do what on /admin/staff/', () => {
  for (const role of ROLES) {
    const sees = role === 'editor' || role === 'administrator'
    const manages = role === 'administrator'
    it(`${role}: view ${sees ? 200 : 403}; invites ${invitableRoles(role).join(', ') || 'nobody'}; ${manages ? 'manages' : 'cannot manage'} others`, async () => {
      const { client } = await signedInClient(site.app, site.db, role)
      const other = await addStaff(site.db, 'author', 'Other Person')
      expect((await client.get('/admin/staff/')).status).toBe(sees ? 200 : 403)
      await client.get('/admin/')

      for (const target of ROLES) {
        const res = await client.post('/admin/staff/invite', { name: `New ${target}`, email: `new.${target}@news.test`, role: target })
        const allowed = invitableRoles(role).includes(target)
        expect(res.status, `${role} inviting a ${target}`).toBe(allowed ? 303 : 403)
        expect(await findUserRowByEmail(site.db, `new.${target}@news.test`) !== undefined).toBe(allowed)
      }

      expect((await client.post(`/admin/staff/${other.id}/role`, { role: 'editor' })).status).toBe(manages ? 303 : 403)
      expect((await findStaffMember(site.db, other.id))?.role).toBe(manages ? 'editor' : 'author')
      expect((await client.post(`/admin/staff/${other.id}/reset`)).status).toBe(manages ? 303 : 403)
      expect((await client.post(`/admin/staff/${other.id}/suspend`, { suspended: '1' })).status).toBe(manages ? 303 : 403)
      expect((await findStaffMember(site.db, other.id))?.suspended).toBe(manages)
    })
  }

  it('an administrator cannot change their own role or suspend themselves', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'administrator')
    await client.get('/admin/staff/')
    const role = await client.post(`/admin/staff/${staff.id}/role`, { role: 'author' })
    expect(role.status).toBe(403)
    expect(await role.text()).toContain('you cannot change your own role or suspend yourself')
    expect((await client.post(`/admin/staff/${staff.id}/suspend`, { suspended: '1' })).status).toBe(403)
    expect(await findStaffMember(site.db, staff.id)).toMatchObject({ role: 'administrator', suspended: false })
    expect((await client.get('/admin/staff/')).status).toBe(200)
  })

  it('refuses every form without the CSRF token (403), changing nothing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const other = await addStaff(site.db, 'author', 'Other Person')
    await client.get('/admin/staff/')
    const none = { _csrf: null }
    expect((await client.post('/admin/staff/invite', { ...none, name: 'X', email: 'x@news.test', role: 'author' })).status).toBe(403)
    expect((await client.post(`/admin/staff/${other.id}/role`, { ...none, role: 'editor' })).status).toBe(403)
    expect((await client.post(`/admin/staff/${other.id}/suspend`, { ...none, suspended: '1' })).status).toBe(403)
    expect((await client.post(`/admin/staff/${other.id}/reset`, none)).status).toBe(403)
    expect(await findUserRowByEmail(site.db, 'x@news.test')).toBeUndefined()
    expect(await findStaffMember(site.db, other.id)).toMatchObject({ role: 'author', suspended: false })
  })
})

describe('the staff list', () => {
  it('shows each member’s role, status and second factor', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor', 'Eda Editor')
    await addStaff(site.db, 'author', 'Ana Author')
    await client.get('/admin/staff/')
    await client.post('/admin/staff/invite', { name: 'Ivo Invited', email: 'ivo@news.test', role: 'contributor' })
    const html = await (await client.get('/admin/staff/')).text()
    const row = (name: string) => new RegExp(`<tr><td>${name}[\\s\\S]*?</tr>`).exec(html)?.[0] ?? ''
    expect(row('Ana Author')).toMatch(/Author<\/td>.*Active.*<td>Off<\/td>/s)
    expect(row('Ivo Invited')).toMatch(/Contributor<\/td>.*Invited/s)
    expect(row('Eda Editor')).toContain('(you)')
    // An editor invites, but does not manage.
    expect(html).toContain('action="/admin/staff/invite"')
    expect(html).not.toContain('/role"')
    expect(html).toMatch(/<select id="role" name="role"[^>]*>(?:(?!<\/select>).)*value="editor"/s)
    expect(html).not.toMatch(/<select id="role" name="role"[^>]*>(?:(?!<\/select>).)*value="administrator"/s)
  })

  it('names the field of a problem with an invitation (422)', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator', 'Ada Admin')
    await client.get('/admin/staff/')
    const bad = await client.post('/admin/staff/invite', { name: '', email: 'not-an-email', role: 'author' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('must be an email address')
    expect(html).toContain('a name is required')
    expect(html).toMatch(/<input id="email" name="email" type="email" value="not-an-email"[^>]*aria-invalid="true"/)
    const taken = await client.post('/admin/staff/invite', { name: 'Twin', email: 'ada.admin@news.test', role: 'author' })
    expect(taken.status).toBe(422)
    expect(await taken.text()).toContain('ada.admin@news.test already has an account')
    expect((await client.post('/admin/staff/invite', { name: 'X', email: 'x@news.test', role: 'owner' })).status).toBe(422)
  })
})

describe('one-time links', () => {
  it('shows the invitation link once, says no email is sent, and the link lets the new person in', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/staff/')
    const invited = await client.post('/admin/staff/invite', { name: 'Nia Reporter', email: 'nia@news.test', role: 'author' })
    expect(invited.headers.get('Location')).toBe('/admin/staff/link')
    expect(invited.headers.get('Location')).not.toMatch(/token|invite\//)
    const shown = await client.get('/admin/staff/link')
    expect(shown.status).toBe(200)
    const html = await shown.text()
    expect(html).toContain('Masthead does not send email')
    const link = linkIn(html)!
    expect(link).toMatch(/^http:\/\/news\.test\/admin\/invite\/[\w-]{43}$/)
    expect((await client.get('/admin/staff/link')).status).toBe(410)

    const nia = new AdminClient(site.app)
    const path = new URL(link).pathname
    expect((await nia.get(path)).status).toBe(200)
    expect((await nia.post(path, { password: TEST_PASSWORD })).status).toBe(303)
    await nia.signIn('nia@news.test')
    expect((await findStaffMember(site.db, (await findUserRowByEmail(site.db, 'nia@news.test'))!.id))?.role).toBe('author')
  })

  it('gives an administrator a password reset link that replaces the password', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const other = await addStaff(site.db, 'author', 'Forgetful Person')
    await client.get('/admin/staff/')
    expect((await client.post(`/admin/staff/${other.id}/reset`)).headers.get('Location')).toBe('/admin/staff/link')
    const link = linkIn(await (await client.get('/admin/staff/link')).text())!
    expect(link).toMatch(/\/admin\/reset\//)
    const person = new AdminClient(site.app)
    await person.get(new URL(link).pathname)
    expect((await person.post(new URL(link).pathname, { password: 'a brand new password' })).status).toBe(303)
    await person.signIn(other.email, 'a brand new password')
  })
})

describe('suspension', () => {
  it('ends the suspended person’s sessions and keeps them from signing in; unsuspending lets them back', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const { client: theirs, staff: them } = await signedInClient(site.app, site.db, 'author', 'Sus Pended')
    expect((await theirs.get('/admin/')).status).toBe(200)
    await client.get('/admin/staff/')
    const res = await client.post(`/admin/staff/${them.id}/suspend`, { suspended: '1' })
    expect(res.headers.get('Location')).toBe('/admin/staff/?notice=suspended')
    const after = await theirs.get('/admin/')
    expect(after.status).toBe(303)
    expect(after.headers.get('Location')).toMatch(/^\/admin\/sign-in/)
    const again = new AdminClient(site.app)
    await again.get('/admin/sign-in')
    expect((await again.post('/admin/sign-in', { email: them.email, password: TEST_PASSWORD })).status).toBe(401)
    expect(await (await client.get('/admin/staff/')).text()).toMatch(/Sus Pended[\s\S]*?Suspended/)

    await client.post(`/admin/staff/${them.id}/suspend`, { suspended: '0' })
    await new AdminClient(site.app).signIn(them.email)
  })
})
