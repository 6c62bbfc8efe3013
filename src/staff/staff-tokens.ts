import type { Db } from '../storage/connect.js'
import { newSecretToken, tokenHash } from './secret-tokens.js'

/** What a one-time link is for. */
export type StaffTokenPurpose = 'setup' | 'invite' | 'reset'

/** How long each kind of link works. */
export const LIFETIME_MS: Record<StaffTokenPurpose, number> = {
  setup: 24 * 3600_000,
  invite: 7 * 24 * 3600_000,
  reset: 2 * 3600_000,
}

/**
 * Issues a one-time link token: the database keeps only its hash. A new reset token for an
 * account replaces any earlier one.
 * @example const token = await issueStaffToken(db, 'invite', user.id, now)
 */
export async function issueStaffToken(db: Db, purpose: StaffTokenPurpose, userId: string | null, now: Date): Promise<string> {
  if (userId && purpose !== 'setup') {
    await db.deleteFrom('staffTokens').where('userId', '=', userId).where('purpose', 'in', ['invite', 'reset']).where('usedAt', 'is', null).execute()
  }
  const token = newSecretToken()
  await db.insertInto('staffTokens').values({
    tokenHash: tokenHash(token),
    purpose,
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]).toISOString(),
    usedAt: null,
  }).execute()
  return token
}

export interface ValidStaffToken {
  tokenHash: string
  purpose: StaffTokenPurpose
  userId: string | null
}

/** The token if it exists, is for `purpose`, unused and unexpired. */
export async function findValidStaffToken(db: Db, token: string, purpose: StaffTokenPurpose, now: Date): Promise<ValidStaffToken | undefined> {
  if (!token || token.length > 100) return undefined
  const row = await db.selectFrom('staffTokens').select(['tokenHash', 'purpose', 'userId'])
    .where('tokenHash', '=', tokenHash(token))
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst()
  return row && { ...row, purpose }
}

/**
 * Marks the token used; false if someone used it first (two tabs, a replayed link), so
 * exactly one redemption succeeds.
 */
export async function consumeStaffToken(db: Db, hash: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('staffTokens').set({ usedAt: now.toISOString() })
    .where('tokenHash', '=', hash).where('usedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
