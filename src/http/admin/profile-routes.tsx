import { Hono, type Context } from 'hono'
import { readSettings } from '../../content/settings/settings.repo.js'
import { turnOffSecondFactor, updateOwnProfile } from '../../staff/own-profile.js'
import { totpUri } from '../../staff/second-factor.js'
import { endAllSessions, endOtherSessions, listSessions } from '../../staff/sessions.js'
import { changeOwnPassword, enableSecondFactor, proposeSecondFactor, type StaffError } from '../../staff/staff-accounts.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import { ProfilePage, SecondFactorSetupPage } from '../../views/admin/profile-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { formText } from './form-body.js'
import { pageContext } from './page-context.js'
import { clearSessionCookie } from './session-cookie.js'

const NOTICES: Record<string, string> = {
  saved: 'Your name and email are saved.',
  password: 'Your password is changed. Your other sessions have ended.',
  'second-factor-on': 'Two-factor sign-in is on. Next time you sign in, have your authenticator app ready.',
  'second-factor-off': 'Two-factor sign-in is off.',
  'signed-out-elsewhere': 'You are signed out everywhere else.',
}

/** `/admin/profile/`: every signed-in person's own account, whatever their role. */
export function profileRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps
  const sessionHash = (c: Context<AdminEnv>) => c.get('session')!.tokenHash

  const render = async (c: Context<AdminEnv>, extra: { values?: { name: string; email: string }; problems?: FieldProblem[]; notice?: string | undefined } = {}, status: 200 | 422 = 200) => {
    const me = signedInStaff(c)
    const sessions = await listSessions(db, me.id, clock.now())
    return c.html(
      <ProfilePage page={await pageContext(c, deps)} me={me} values={extra.values ?? { name: me.name, email: me.email }}
        sessions={sessions} currentSessionHash={sessionHash(c)} problems={extra.problems} notice={extra.notice} />,
      status,
    )
  }
  /** A use case's refusal: form problems re-render the page; the account vanishing mid-request is a 404. */
  const refused = (c: Context<AdminEnv>, error: StaffError, values?: { name: string; email: string }) =>
    error.type === 'invalid' ? render(c, { problems: error.issues, ...(values && { values }) }, 422) : c.text('Your account was not found.', 404)
  const setupPage = async (c: Context<AdminEnv>, secret: string, problems?: FieldProblem[]) => {
    const { title } = await readSettings(db)
    const uri = totpUri(secret, signedInStaff(c).email, title)
    return c.html(<SecondFactorSetupPage page={await pageContext(c, deps)} secret={secret} uri={uri} problems={problems} />, problems ? 422 : 200)
  }

  app.get('/admin/profile/', (c) => render(c, { notice: NOTICES[c.req.query('notice') ?? ''] }))

  app.post('/admin/profile/', async (c) => {
    const form = await formText(c)
    const values = { name: form('name'), email: form('email') }
    const result = await updateOwnProfile(db, signedInStaff(c).id, values, clock.now())
    return result.ok ? c.redirect('/admin/profile/?notice=saved', 303) : refused(c, result.error, values)
  })

  app.post('/admin/profile/password', async (c) => {
    const form = await formText(c)
    const result = await changeOwnPassword(db, signedInStaff(c).id, form('currentPassword'), form('newPassword'), sessionHash(c), clock.now())
    return result.ok ? c.redirect('/admin/profile/?notice=password', 303) : refused(c, result.error)
  })

  // A fresh key on every visit: nothing is stored until a code from the app proves it was added.
  app.get('/admin/profile/second-factor', async (c) => {
    if (signedInStaff(c).hasSecondFactor) return c.redirect('/admin/profile/#second-factor', 303)
    return setupPage(c, proposeSecondFactor())
  })

  app.post('/admin/profile/second-factor', async (c) => {
    const me = signedInStaff(c)
    if (me.hasSecondFactor) return c.redirect('/admin/profile/#second-factor', 303)
    const form = await formText(c)
    const secret = form('secret')
    const result = await enableSecondFactor(db, me.id, secret, form('code'), clock.now())
    if (result.ok) return c.redirect('/admin/profile/?notice=second-factor-on', 303)
    if (result.error.type !== 'invalid') return refused(c, result.error)
    // A tampered key cannot be shown again: start over with a new one.
    if (result.error.issues.some((i) => i.field === 'secret')) return setupPage(c, proposeSecondFactor(), result.error.issues)
    return setupPage(c, secret, result.error.issues)
  })

  app.post('/admin/profile/second-factor/off', async (c) => {
    const result = await turnOffSecondFactor(db, signedInStaff(c).id, (await formText(c))('password'), clock.now())
    return result.ok ? c.redirect('/admin/profile/?notice=second-factor-off', 303) : refused(c, result.error)
  })

  app.post('/admin/profile/sessions/end-others', async (c) => {
    await endOtherSessions(db, signedInStaff(c).id, sessionHash(c))
    return c.redirect('/admin/profile/?notice=signed-out-elsewhere', 303)
  })

  app.post('/admin/profile/sessions/end-all', async (c) => {
    await endAllSessions(db, signedInStaff(c).id)
    clearSessionCookie(c, deps.secure)
    return c.redirect('/admin/sign-in?notice=signed-out-everywhere', 303)
  })
  return app
}
