import type { Db } from '../storage/connect.js'

/** Failed sign-ins counted over this window. */
export const THROTTLE_WINDOW_MS = 15 * 60_000
/** Failures allowed per account, and per network address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 20

export const accountScope = (email: string) => `account:${email}`
export const addressScope = (address: string) => `address:${address}`

export interface Throttled {
  scope: 'account' | 'address'
  /** When the oldest counted failure leaves the window. */
  retryAt: Date
}

/**
 * Whether sign-in is refused for now, for this account or this address. Failures are rows in
 * the database, so every app process sharing it counts the same ones.
 * @example const throttled = await signInThrottle(db, 'mara@example.org', '203.0.113.9', now)
 */
export async function signInThrottle(db: Db, email: string, address: string, now: Date): Promise<Throttled | undefined> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString()
  const check = async (scope: string, limit: number) => {
    const rows = await db.selectFrom('signInFailures').select('failedAt')
      .where('scope', '=', scope).where('failedAt', '>', since)
      .orderBy('failedAt', 'desc').limit(limit).execute()
    if (rows.length < limit) return undefined
    return new Date(new Date(rows[rows.length - 1]!.failedAt).getTime() + THROTTLE_WINDOW_MS)
  }
  const byAccount = await check(accountScope(email), MAX_FAILURES_PER_ACCOUNT)
  if (byAccount) return { scope: 'account', retryAt: byAccount }
  const byAddress = await check(addressScope(address), MAX_FAILURES_PER_ADDRESS)
  if (byAddress) return { scope: 'address', retryAt: byAddress }
  return undefined
}

/** Counts a failed sign-in against the account and the address, and forgets old failures. */
export async function recordSignInFailure(db: Db, email: string, address: string, now: Date): Promise<void> {
  const failedAt = now.toISOString()
  await db.insertInto('signInFailures').values([{ scope: accountScope(email), failedAt }, { scope: addressScope(address), failedAt }]).execute()
  await db.deleteFrom('signInFailures').where('failedAt', '<', new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString()).execute()
}

/** A successful sign-in clears the account's count (not the address's: one good password must not unlock guessing others). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('signInFailures').where('scope', '=', accountScope(email)).execute()
}
