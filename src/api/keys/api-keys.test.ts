import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { CONTENT_KEY_RE, hashSecret } from './api-key.js'
import { checkContentKey } from './check-content-key.js'
import { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const later = (ms: number) => new Date(now.getTime() + ms)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

async function newKey(name = 'Mobile app') {
  const created = await createApiKey(site.db, { name }, now)
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

describe('Content API keys', () => {
  it('creates a 26-hex key, returns its secret once and stores only its hash and prefix', async () => {
    const { key, secret } = await newKey('  Mobile app ')
    expect(secret).toMatch(CONTENT_KEY_RE)
    expect(key).toMatchObject({ name: 'Mobile app', kind: 'content', prefix: secret.slice(0, 6), revokedAt: null, lastUsedAt: null })
    const row = await site.db.selectFrom('apiKeys').selectAll().executeTakeFirstOrThrow()
    expect(row.keyHash).toBe(hashSecret(secret))
    expect(Object.values(row)).not.toContain(secret)
    expect((await newKey()).secret).not.toBe(secret)
  })

  it('refuses an empty name', async () => {
    expect(await createApiKey(site.db, { name: '   ' }, now)).toMatchObject({ ok: false, error: { type: 'invalid', field: 'name' } })
  })

  it('lists keys newest first, revoked ones included', async () => {
    const first = await newKey('First')
    const second = await createApiKey(site.db, { name: 'Second' }, later(1000))
    await revokeApiKey(site.db, first.key.id, later(2000))
    const keys = await listApiKeys(site.db)
    expect(keys.map((k) => [k.name, k.revokedAt?.toISOString() ?? null])).toEqual([['Second', null], ['First', later(2000).toISOString()]])
    expect(second.ok).toBe(true)
  })

  it('accepts an active key and records its use at most once a minute', async () => {
    const { key, secret } = await newKey()
    const used = await checkContentKey(site.db, secret, now)
    expect(used).toMatchObject({ ok: true, value: { id: key.id, lastUsedAt: now } })
    await checkContentKey(site.db, secret, later(30_000))
    expect((await listApiKeys(site.db))[0]?.lastUsedAt).toEqual(now)
    await checkContentKey(site.db, secret, later(61_000))
    expect((await listApiKeys(site.db))[0]?.lastUsedAt).toEqual(later(61_000))
  })

  it('refuses a missing, malformed, unknown or revoked key', async () => {
    const { key, secret } = await newKey()
    expect(await checkContentKey(site.db, undefined, now)).toEqual({ ok: false, error: { type: 'missing-key' } })
    expect(await checkContentKey(site.db, '', now)).toEqual({ ok: false, error: { type: 'missing-key' } })
    for (const bad of [secret.toUpperCase(), `${secret}0`, 'x'.repeat(26), 'a'.repeat(26), `${secret.slice(0, 25)}' or 1=1`]) {
      expect(await checkContentKey(site.db, bad, now), bad).toEqual({ ok: false, error: { type: 'unknown-key' } })
    }
    expect(await revokeApiKey(site.db, key.id, now)).toMatchObject({ ok: true, value: { revokedAt: now } })
    expect(await checkContentKey(site.db, secret, later(1))).toEqual({ ok: false, error: { type: 'unknown-key' } })
  })

  it('revokes once, and says so for an unknown id', async () => {
    const { key } = await newKey()
    await revokeApiKey(site.db, key.id, now)
    expect(await revokeApiKey(site.db, key.id, later(5))).toEqual({ ok: false, error: { type: 'already-revoked', revokedAt: now } })
    expect(await revokeApiKey(site.db, 'nope', now)).toEqual({ ok: false, error: { type: 'not-found' } })
  })
})
