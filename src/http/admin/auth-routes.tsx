import { Hono, type Context } from 'hono'
import { completeSecondFactor, signIn, type SignInError } from '../../staff/sign-in.js'
import { endSession, startSession } from '../../staff/sessions.js'
import { setPasswordWithLink, setUpFirstAdministrator, staffForLink } from '../../staff/staff-accounts.js'
import { countUsers } from '../../staff/users.repo.js'
import { LinkInvalidPage, SecondFactorPage, SetPasswordPage, SetupPage, SignInPage } from '../../views/admin/auth-pages.js'
import type { AdminDeps } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'
import { clientAddress } from './client-address.js'
import { pageContext, safeNext } from './page-context.js'
import { clearSessionCookie, setSessionCookie } from './session-cookie.js'

const NOTICES: Record<string, string> = {
  'signed-out': 'You have signed out.',
  'signed-out-everywhere': 'You have signed out everywhere: on every device and browser.',
  'password-set': 'Your password is saved. Sign in with it now.',
}

const field = (body: Record<string, unknown>, name: string): string => {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/**
 * Signing in and out, the second factor, the first administrator's set-up, and the one-time
 * links for invitations and password resets: everything reachable without a session.
 */
export function authRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps
  const attemptFrom = (c: Context<AdminEnv>) => ({ address: clientAddress(c, deps.trustProxy), userAgent: c.req.header('User-Agent') ?? '' })

  app.get('/admin/sign-in', async (c) => {
    const session = c.get('session')
    if (session && !session.secondFactorPending) return c.redirect(safeNext(c.req.query('next')), 303)
    const notice = NOTICES[c.req.query('notice') ?? '']
    return c.html(<SignInPage page={await pageContext(c, deps)} next={c.req.query('next') ?? ''} notice={notice} />)
  })

  app.post('/admin/sign-in', async (c) => {
    const body = await c.req.parseBody()
    const email = field(body, 'email')
    const next = field(body, 'next')
    const now = clock.now()
    const result = await signIn(db, { email, password: field(body, 'password'), ...attemptFrom(c) }, now)
    if (!result.ok) {
      const { status, message, headers } = refusal(result.error, now)
      return c.html(<SignInPage page={await pageContext(c, deps)} email={email} next={next} message={message} />, status, headers)
    }
    setSessionCookie(c, result.value.token, deps.secure)
    if (result.value.secondFactorPending) return c.redirect('/admin/second-factor', 303)
    return c.redirect(safeNext(next), 303)
  })

  app.get('/admin/second-factor', async (c) => {
    if (!c.get('session')?.secondFactorPending) return c.redirect('/admin/sign-in', 303)
    return c.html(<SecondFactorPage page={await pageContext(c, deps)} />)
  })

  app.post('/admin/second-factor', async (c) => {
    const session = c.get('session')
    if (!session?.secondFactorPending) return c.redirect('/admin/sign-in', 303)
    const body = await c.req.parseBody()
    const now = clock.now()
    const result = await completeSecondFactor(db, { tokenHash: session.tokenHash, userId: session.staff.id }, field(body, 'code'), attemptFrom(c), now)
    if (!result.ok) {
      const { status, message, headers } = refusal(result.error, now, 'That code is not right. Try the one your app shows now.')
      return c.html(<SecondFactorPage page={await pageContext(c, deps)} message={message} />, status, headers)
    }
    setSessionCookie(c, result.value.token, deps.secure)
    return c.redirect('/admin/', 303)
  })

  app.post('/admin/sign-out', async (c) => {
    const session = c.get('session')
    if (session) await endSession(db, session.tokenHash)
    clearSessionCookie(c, deps.secure)
    return c.redirect('/admin/sign-in?notice=signed-out', 303)
  })

  app.get('/admin/setup', async (c) => {
    const page = await pageContext(c, deps)
    if ((await countUsers(db)) > 0) return c.html(<LinkInvalidPage page={page} />, 410)
    return c.html(<SetupPage page={page} token={c.req.query('token') ?? ''} />)
  })

  app.post('/admin/setup', async (c) => {
    const body = await c.req.parseBody()
    const token = field(body, 'token')
    const values = { email: field(body, 'email'), name: field(body, 'name') }
    const now = clock.now()
    const result = await setUpFirstAdministrator(db, token, { ...values, password: field(body, 'password') }, now)
    if (!result.ok) {
      const page = await pageContext(c, deps)
      if (result.error.type === 'invalid') return c.html(<SetupPage page={page} token={token} values={values} problems={result.error.issues} />, 422)
      return c.html(<LinkInvalidPage page={page} />, 410)
    }
    const session = await startSession(db, result.value.id, attemptFrom(c), now)
    setSessionCookie(c, session.token, deps.secure)
    return c.redirect('/admin/', 303)
  })

  for (const purpose of ['invite', 'reset'] as const) {
    app.get(`/admin/${purpose}/:token`, async (c) => {
      const page = await pageContext(c, deps)
      const staff = await staffForLink(db, c.req.param('token'), purpose, clock.now())
      if (!staff) return c.html(<LinkInvalidPage page={page} />, 410)
      return c.html(<SetPasswordPage page={page} action={c.req.path} name={staff.name} email={staff.email} purpose={purpose} />)
    })
    app.post(`/admin/${purpose}/:token`, async (c) => {
      const token = c.req.param('token')
      const body = await c.req.parseBody()
      const now = clock.now()
      const result = await setPasswordWithLink(db, token, purpose, field(body, 'password'), now)
      if (result.ok) return c.redirect('/admin/sign-in?notice=password-set', 303)
      const page = await pageContext(c, deps)
      const staff = await staffForLink(db, token, purpose, now)
      if (result.error.type !== 'invalid' || !staff) return c.html(<LinkInvalidPage page={page} />, 410)
      return c.html(<SetPasswordPage page={page} action={c.req.path} name={staff.name} email={staff.email} purpose={purpose} problems={result.error.issues} />, 422)
    })
  }
  return app
}

/** The status and words for a refused sign-in. */
function refusal(error: SignInError, now: Date, wrongMessage = 'That email and password do not match an account.'): { status: 401 | 429; message: string; headers: Record<string, string> } {
  if (error.type === 'wrong-credentials') return { status: 401, message: wrongMessage, headers: { 'Cache-Control': 'no-store' } }
  const seconds = Math.max(1, Math.ceil((error.throttled.retryAt.getTime() - now.getTime()) / 1000))
  const minutes = Math.ceil(seconds / 60)
  const who = error.throttled.scope === 'account' ? 'for this account' : 'from your network address'
  return {
    status: 429,
    message: `Too many failed sign-ins ${who}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' },
  }
}
