import { err, ok, type Result } from '../../core/result.js'
import type { Db } from '../../storage/connect.js'
import { hashSecret, INTEGRATION_KEY_RE, isActive, type ApiKey, type IntegrationKeyKind } from './api-key.js'
import { findApiKeyByHash, setLastUsed } from './api-key.repo.js'

/** Keys used again within this long keep their recorded last use: no write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000

export type IntegrationKeyError = { type: 'missing-key' } | { type: 'unknown-key' }

export type IntegrationKey = ApiKey & { kind: IntegrationKeyKind }

/**
 * The active integration key (kind 'read' or 'write') a request presents, or why it is refused:
 * none given, or one malformed, unknown, revoked or of another kind (a Content API key opens
 * only the Content API), all "unknown". Records the time of use, at most once a minute per key.
 * @example const checked = await checkIntegrationKey(db, bearerToken, clock.now())
 */
export async function checkIntegrationKey(db: Db, secret: string | undefined, now: Date): Promise<Result<IntegrationKey, IntegrationKeyError>> {
  if (secret === undefined || secret === '') return err({ type: 'missing-key' })
  if (!INTEGRATION_KEY_RE.test(secret)) return err({ type: 'unknown-key' })
  const key = await findApiKeyByHash(db, hashSecret(secret))
  if (!key || !isIntegrationKey(key) || !isActive(key)) return err({ type: 'unknown-key' })
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await setLastUsed(db, key.id, now)
    return ok({ ...key, lastUsedAt: now })
  }
  return ok(key)
}

const isIntegrationKey = (key: ApiKey): key is IntegrationKey => key.kind === 'read' || key.kind === 'write'
