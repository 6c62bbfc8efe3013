import { err, ok, type Result } from '../core/result.js'
import type { Db } from '../storage/connect.js'
import { DUMMY_HASH, verifyPassword } from './passwords.js'
import { checkTotp } from './second-factor.js'
import { endSession, startSession, type NewSession } from './sessions.js'
import { clearAccountFailures, recordSignInFailure, signInThrottle, type Throttled } from './throttle.js'
import { findUserRowById, findUserRowByEmail, normaliseEmail } from './users.repo.js'

export interface SignInAttempt {
  email: string
  password: string
  /** The client's network address, for throttling. */
  address: string
  userAgent: string
}

export type SignInError =
  | { type: 'throttled'; throttled: Throttled }
  /** One answer for an unknown email, a wrong password and a suspended account: no hint which. */
  | { type: 'wrong-credentials' }

export interface SignedIn extends NewSession {
  /** The password was right; the authenticator code is still to come. */
  secondFactorPending: boolean
}

/**
 * Checks a password sign-in, throttled per account and per address, and starts a session.
 * Unknown accounts cost as much time as known ones.
 * @example const result = await signIn(db, { email, password, address: '203.0.113.9', userAgent }, now)
 */
export async function signIn(db: Db, attempt: SignInAttempt, now: Date): Promise<Result<SignedIn, SignInError>> {
  const email = normaliseEmail(attempt.email)
  const throttled = await signInThrottle(db, email, attempt.address, now)
  if (throttled) return err({ type: 'throttled', throttled })
  const user = await findUserRowByEmail(db, email)
  const passwordMatches = await verifyPassword(attempt.password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !user.passwordHash || !passwordMatches || user.suspended === 1) {
    await recordSignInFailure(db, email, attempt.address, now)
    return err({ type: 'wrong-credentials' })
  }
  await clearAccountFailures(db, email)
  const secondFactorPending = user.totpSecret !== null
  const session = await startSession(db, user.id, { address: attempt.address, userAgent: attempt.userAgent, secondFactorPending }, now)
  return ok({ ...session, secondFactorPending })
}

/**
 * Completes a sign-in with the authenticator code: the half-signed-in session is replaced by a
 * full one under a new token. Wrong codes count as failed sign-ins.
 */
export async function completeSecondFactor(
  db: Db, pending: { tokenHash: string; userId: string }, code: string, attempt: { address: string; userAgent: string }, now: Date,
): Promise<Result<NewSession, SignInError>> {
  const user = await findUserRowById(db, pending.userId)
  if (!user?.totpSecret) return err({ type: 'wrong-credentials' })
  const throttled = await signInThrottle(db, user.email, attempt.address, now)
  if (throttled) return err({ type: 'throttled', throttled })
  if (!checkTotp(user.totpSecret, code, now)) {
    await recordSignInFailure(db, user.email, attempt.address, now)
    return err({ type: 'wrong-credentials' })
  }
  await endSession(db, pending.tokenHash)
  await clearAccountFailures(db, user.email)
  return ok(await startSession(db, user.id, attempt, now))
}
