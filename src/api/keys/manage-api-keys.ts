import { newId } from '../../core/ids.js'
import { err, ok, type Result } from '../../core/result.js'
import type { Db } from '../../storage/connect.js'
import { ApiKeyName, hashSecret, KEY_PREFIX_LENGTH, newContentSecret, newIntegrationSecret, type ApiKey, type ApiKeyKind } from './api-key.js'
import { findApiKeyById, insertApiKey, listApiKeyRows, setRevoked } from './api-key.repo.js'

export type CreateApiKeyError = { type: 'invalid'; field: 'name'; message: string }

/**
 * Creates an API key: a Content API key unless `kind` says 'read' or 'write' (an integration's
 * key for /api/v1/). The secret is in this answer and nowhere else: only its hash is
 * stored, so whoever creates a key must hand it on now.
 * @example const created = await createApiKey(db, { name: 'Mobile app' }, now) // created.value.secret: 26 hex digits
 */
export async function createApiKey(db: Db, input: { name: string; kind?: ApiKeyKind }, now: Date): Promise<Result<{ key: ApiKey; secret: string }, CreateApiKeyError>> {
  const name = ApiKeyName.safeParse(input.name)
  if (!name.success) return err({ type: 'invalid', field: 'name', message: name.error.issues[0]?.message ?? 'invalid name' })
  const kind = input.kind ?? 'content'
  const secret = kind === 'content' ? newContentSecret() : newIntegrationSecret()
  // The prefix shows as many random characters for both kinds, after integration keys' `mh_`.
  const prefixLength = KEY_PREFIX_LENGTH + (kind === 'content' ? 0 : 3)
  const key: ApiKey = {
    id: newId(now), name: name.data, kind, prefix: secret.slice(0, prefixLength),
    createdAt: now, revokedAt: null, lastUsedAt: null,
  }
  await insertApiKey(db, {
    id: key.id, name: key.name, kind: key.kind, keyPrefix: key.prefix, keyHash: hashSecret(secret), createdAt: now.toISOString(),
  })
  return ok({ key, secret })
}

/**
 * Every key, newest first, revoked ones included (with their revocation time).
 * @example for (const key of await listApiKeys(db)) console.log(key.name, key.prefix)
 */
export const listApiKeys = (db: Db): Promise<ApiKey[]> => listApiKeyRows(db)

export type RevokeApiKeyError = { type: 'not-found' } | { type: 'already-revoked'; revokedAt: Date }

/**
 * Revokes a key for good: requests with it are refused from now on. There is no un-revoke;
 * create a new key instead.
 * @example const revoked = await revokeApiKey(db, '6744a1f0c3b2e19f8a7d5e21', now)
 */
export async function revokeApiKey(db: Db, id: string, now: Date): Promise<Result<ApiKey, RevokeApiKeyError>> {
  const key = await findApiKeyById(db, id)
  if (!key) return err({ type: 'not-found' })
  if (key.revokedAt) return err({ type: 'already-revoked', revokedAt: key.revokedAt })
  await setRevoked(db, id, now)
  return ok({ ...key, revokedAt: now })
}
