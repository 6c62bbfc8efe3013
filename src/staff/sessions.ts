import type { Db } from '../storage/connect.js'
import { newSecretToken, tokenHash } from './secret-tokens.js'
import { toStaffMember } from './users.repo.js'
import type { StaffMember } from './staff-member.js'

/** A session ends after a week without use, and after 30 days whatever happens. */
export const IDLE_LIFETIME_MS = 7 * 24 * 3600_000
export const ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600_000
/** Between password and authenticator code. */
const PENDING_LIFETIME_MS = 10 * 60_000
/** The expiry moves forward at most this often, so reading pages does not mean writing rows. */
const TOUCH_INTERVAL_MS = 3600_000

export interface NewSession {
  /** For the cookie only: never stored, never logged. */
  token: string
  csrfToken: string
}

export interface ActiveSession {
  tokenHash: string
  csrfToken: string
  secondFactorPending: boolean
  staff: StaffMember
}

/**
 * Starts a session for a staff member. A fresh token every time: a token planted before
 * sign-in (session fixation) is never promoted.
 * @example const { token, csrfToken } = await startSession(db, user.id, { address, userAgent }, now)
 */
export async function startSession(
  db: Db, userId: string, { address = '', userAgent = '', secondFactorPending = false }: { address?: string; userAgent?: string; secondFactorPending?: boolean }, now: Date,
): Promise<NewSession> {
  const token = newSecretToken()
  const csrfToken = newSecretToken()
  const lifetime = secondFactorPending ? PENDING_LIFETIME_MS : IDLE_LIFETIME_MS
  await db.insertInto('sessions').values({
    tokenHash: tokenHash(token),
    userId,
    csrfToken,
    secondFactorPending: secondFactorPending ? 1 : 0,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetime).toISOString(),
    address: address.slice(0, 100),
    userAgent: userAgent.slice(0, 300),
  }).execute()
  return { token, csrfToken }
}

/**
 * The live session for a cookie's token, with its staff member; undefined when the token is
 * unknown, expired, or its account suspended. Slides the idle expiry forward, within the
 * absolute lifetime.
 */
export async function findActiveSession(db: Db, token: string | undefined, now: Date): Promise<ActiveSession | undefined> {
  if (!token || token.length > 100) return undefined
  const hash = tokenHash(token)
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.csrfToken', 'sessions.secondFactorPending', 'sessions.createdAt as sessionCreatedAt', 'sessions.lastSeenAt', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', hash)
    .executeTakeFirst()
  if (!row || row.expiresAt <= now.toISOString() || row.suspended === 1) return undefined
  if (!row.secondFactorPending && now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
    const absoluteEnd = new Date(row.sessionCreatedAt).getTime() + ABSOLUTE_LIFETIME_MS
    const expiresAt = new Date(Math.min(now.getTime() + IDLE_LIFETIME_MS, absoluteEnd)).toISOString()
    await db.updateTable('sessions').set({ lastSeenAt: now.toISOString(), expiresAt }).where('tokenHash', '=', hash).execute()
  }
  return { tokenHash: hash, csrfToken: row.csrfToken, secondFactorPending: row.secondFactorPending === 1, staff: toStaffMember(row) }
}

/** Ends one session (sign out). */
export async function endSession(db: Db, hash: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', hash).execute()
}

/** Ends every session of a staff member (sign out everywhere; a password reset; suspension). */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Forgets expired sessions. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now.toISOString()).execute()
}

/** One of a staff member's sessions, as their profile lists it. */
export interface SessionSummary {
  tokenHash: string
  createdAt: Date
  lastSeenAt: Date
  address: string
  userAgent: string
}

/**
 * A staff member's live sessions (not the half-finished second-factor ones), the most recently
 * used first. `lastSeenAt` moves at most hourly (see TOUCH_INTERVAL_MS).
 */
export async function listSessions(db: Db, userId: string, now: Date): Promise<SessionSummary[]> {
  const rows = await db.selectFrom('sessions').select(['tokenHash', 'createdAt', 'lastSeenAt', 'address', 'userAgent'])
    .where('userId', '=', userId).where('secondFactorPending', '=', 0).where('expiresAt', '>', now.toISOString())
    .orderBy('lastSeenAt', 'desc').orderBy('createdAt', 'desc').execute()
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), lastSeenAt: new Date(r.lastSeenAt) }))
}

/** Ends every session of a staff member but the one given (sign out everywhere else). */
export async function endOtherSessions(db: Db, userId: string, keepHash: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).where('tokenHash', '!=', keepHash).executeTakeFirst()
  return Number(result.numDeletedRows)
}
