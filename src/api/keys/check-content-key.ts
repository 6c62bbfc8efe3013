import { err, ok, type Result } from '../../core/result.js'
import type { Db } from '../../storage/connect.js'
import { CONTENT_KEY_RE, hashSecret, isActive, type ApiKey } from './api-key.js'
import { findApiKeyByHash, setLastUsed } from './api-key.repo.js'

/** Keys used again within this long keep their recorded last use: no write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000

export type ContentKeyError = { type: 'missing-key' } | { type: 'unknown-key' }

/**
 * The active Content API key a request presents, or why it is refused: none given, or one that
 * is malformed, unknown or revoked (all three "unknown", so a caller learns nothing about which).
 * Records the time of use, at most once a minute per key.
 * @example const checked = await checkContentKey(db, c.req.query('key'), clock.now())
 */
export async function checkContentKey(db: Db, secret: string | undefined, now: Date): Promise<Result<ApiKey, ContentKeyError>> {
  if (secret === undefined || secret === '') return err({ type: 'missing-key' })
  if (!CONTENT_KEY_RE.test(secret)) return err({ type: 'unknown-key' })
  const key = await findApiKeyByHash(db, hashSecret(secret))
  if (!key || key.kind !== 'content' || !isActive(key)) return err({ type: 'unknown-key' })
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await setLastUsed(db, key.id, now)
    return ok({ ...key, lastUsedAt: now })
  }
  return ok(key)
}
