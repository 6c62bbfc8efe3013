import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { canOnSite } from '../../staff/permissions.js'
import { isRole } from '../../staff/roles.js'
import { inviteStaff, issuePasswordReset, staffForLink, updateStaff, type StaffError } from '../../staff/staff-accounts.js'
import { issueStaffToken, LIFETIME_MS } from '../../staff/staff-tokens.js'
import { findStaffMember, listStaff } from '../../staff/users.repo.js'
import { StaffLinkPage, StaffPage, type InviteValues } from '../../views/admin/staff-page.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden } from './forbidden.js'
import { formText } from './form-body.js'
import { pageContext } from './page-context.js'

/**
 * Carries a one-time link from the POST that made it to the page that shows it, once: the
 * database keeps only the token's hash, and a link in the URL would end up in logs and history.
 */
const LINK_COOKIE = 'masthead_staff_link'
const LINK_COOKIE_PATH = '/admin/staff/'

const NOTICES: Record<string, string> = {
  role: 'Role changed.',
  suspended: 'Suspended: they are signed out everywhere and cannot sign in.',
  unsuspended: 'Unsuspended: they can sign in again.',
}

/** `/admin/staff/`: the staff list, invitations, and (for administrators) roles, suspension and password links. */
export function staffRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  const render = async (c: Context<AdminEnv>, extra: { invite?: InviteValues; problems?: FieldProblem[]; notice?: string } = {}, status: 200 | 422 = 200) => {
    const page = { ...(await pageContext(c, deps)), staff: signedInStaff(c) }
    return c.html(<StaffPage page={page} members={await listStaff(db)} {...extra} />, status)
  }
  const showLinkOnce = (c: Context<AdminEnv>, purpose: 'invite' | 'reset', token: string) => {
    setCookie(c, LINK_COOKIE, `${purpose}.${token}`, { httpOnly: true, sameSite: 'Strict', secure: deps.secure, path: LINK_COOKIE_PATH, maxAge: 600 })
    return c.redirect('/admin/staff/link', 303)
  }
  const refusal = (c: Context<AdminEnv>, error: StaffError) => {
    switch (error.type) {
      case 'forbidden': return forbidden(c, deps, `Not allowed: ${error.message}.`)
      case 'not-found': return c.text('No such staff member.', 404)
      case 'invalid': return render(c, { problems: error.issues }, 422)
      case 'link-invalid': throw new Error('no link is involved here')
    }
  }

  app.get('/admin/staff/', async (c) => {
    if (!canOnSite(signedInStaff(c), 'staff.view')) return forbidden(c, deps, 'Only editors and administrators see the staff list.')
    return render(c, { notice: NOTICES[c.req.query('notice') ?? ''] })
  })

  app.post('/admin/staff/invite', async (c) => {
    const staff = signedInStaff(c)
    if (!canOnSite(staff, 'staff.invite')) return forbidden(c, deps, 'Your role cannot invite anyone.')
    const form = await formText(c)
    const invite = { name: form('name'), email: form('email'), role: form('role') }
    if (!isRole(invite.role)) return render(c, { invite, problems: [{ field: 'role', message: `Role: “${invite.role.slice(0, 30)}” is not a role` }] }, 422)
    // inviteStaff refuses a role above what this person may hand out: 403, not a form problem.
    const result = await inviteStaff(db, staff, { ...invite, role: invite.role }, clock.now())
    if (result.ok) return showLinkOnce(c, 'invite', result.value.token)
    if (result.error.type === 'invalid') return render(c, { invite, problems: result.error.issues }, 422)
    return refusal(c, result.error)
  })

  app.get('/admin/staff/link', async (c) => {
    if (!canOnSite(signedInStaff(c), 'staff.invite')) return forbidden(c, deps, 'Your role cannot invite anyone.')
    const [purpose, token = ''] = (getCookie(c, LINK_COOKIE) ?? '').split('.')
    deleteCookie(c, LINK_COOKIE, { path: LINK_COOKIE_PATH, secure: deps.secure })
    const page = await pageContext(c, deps)
    if (purpose !== 'invite' && purpose !== 'reset') return c.html(<StaffLinkPage page={page} />, 410)
    const member = await staffForLink(db, token, purpose, clock.now())
    if (!member) return c.html(<StaffLinkPage page={page} />, 410)
    const url = `${deps.siteUrl}/admin/${purpose}/${token}`
    return c.html(<StaffLinkPage page={page} link={{ url, purpose, name: member.name, email: member.email, hours: LIFETIME_MS[purpose] / 3600_000 }} />)
  })

  app.post('/admin/staff/:id/role', async (c) => {
    const staff = signedInStaff(c)
    if (!canOnSite(staff, 'staff.manage')) return forbidden(c, deps, 'Only administrators change roles.')
    const role = (await formText(c))('role')
    if (!isRole(role)) return render(c, { problems: [{ field: 'role', message: `Role: “${role.slice(0, 30)}” is not a role` }] }, 422)
    const result = await updateStaff(db, staff, c.req.param('id'), { role }, clock.now())
    return result.ok ? c.redirect('/admin/staff/?notice=role', 303) : refusal(c, result.error)
  })

  app.post('/admin/staff/:id/suspend', async (c) => {
    const staff = signedInStaff(c)
    if (!canOnSite(staff, 'staff.manage')) return forbidden(c, deps, 'Only administrators suspend staff.')
    const suspended = (await formText(c))('suspended') !== '0'
    const result = await updateStaff(db, staff, c.req.param('id'), { suspended }, clock.now())
    return result.ok ? c.redirect(`/admin/staff/?notice=${suspended ? 'suspended' : 'unsuspended'}`, 303) : refusal(c, result.error)
  })

  app.post('/admin/staff/:id/reset', async (c) => {
    if (!canOnSite(signedInStaff(c), 'staff.manage')) return forbidden(c, deps, 'Only administrators issue password links.')
    const member = await findStaffMember(db, c.req.param('id'))
    if (!member) return refusal(c, { type: 'not-found' })
    // Someone who never accepted their invitation gets a fresh one (the old link stops working).
    if (!member.hasPassword) return showLinkOnce(c, 'invite', await issueStaffToken(db, 'invite', member.id, clock.now()))
    const result = await issuePasswordReset(db, member.email, clock.now())
    return result.ok ? showLinkOnce(c, 'reset', result.value.token) : refusal(c, result.error)
  })
  return app
}
