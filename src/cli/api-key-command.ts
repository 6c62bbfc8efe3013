import type { Config } from '../config.js'
import { assertNever } from '../core/result.js'
import { API_KEY_KINDS, type ApiKey, type ApiKeyKind } from '../api/keys/api-key.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../api/keys/manage-api-keys.js'
import { openSite } from '../site.js'

export const API_KEY_USAGE = 'masthead api-key add --name NAME [--kind content|read|write] | api-key list | api-key revoke ID'

/**
 * `masthead api-key add --name NAME` (prints the new key, once), `masthead api-key list` and
 * `masthead api-key revoke ID`: API keys, as the admin's Integrations page manages them.
 */
export async function apiKeyCommand(config: Config, args: string[], { name, kind = 'content' }: { name?: string; kind?: string }): Promise<number> {
  const [action, ...rest] = args
  const usage = (message: string) => {
    process.stderr.write(`masthead api-key: ${message}\nUsage: ${API_KEY_USAGE}\n`)
    return 2
  }
  if (action === 'add' && (rest.length || name === undefined)) return usage('add takes --name NAME and nothing else')
  if (action === 'list' && rest.length) return usage('list takes no arguments')
  if (action === 'revoke' && rest.length !== 1) return usage('revoke takes one key id')
  if (action !== 'add' && action !== 'list' && action !== 'revoke') return usage(action ? `unknown action "${action}"` : 'name an action')
  if (!isKind(kind)) return usage(`--kind is one of ${API_KEY_KINDS.join(', ')}`)

  const site = await openSite(config)
  try {
    const now = new Date()
    switch (action) {
      case 'add': {
        const created = await createApiKey(site.db, { name: name!, kind }, now)
        if (!created.ok) return usage(`${created.error.field}: ${created.error.message}`)
        const { key, secret } = created.value
        const content = key.kind === 'content'
        console.log(`Created ${content ? 'Content API' : `${key.kind} integration`} key "${key.name}" (id ${key.id}).`)
        console.log(secret)
        console.log(content
          ? `Copy it now: Masthead keeps only its hash and cannot show it again. Clients send it as ?key=${secret.slice(0, 6)}… to ${config.siteUrl}/ghost/api/content/`
          : `Copy it now: Masthead keeps only its hash and cannot show it again. Clients send it as "Authorization: Bearer ${secret.slice(0, 9)}…" to ${config.siteUrl}/api/v1/`)
        return 0
      }
      case 'list': {
        const keys = await listApiKeys(site.db)
        if (keys.length === 0) console.log('No API keys yet: create one with `masthead api-key add --name NAME`.')
        for (const key of keys) console.log(describeKey(key))
        return 0
      }
      case 'revoke': {
        const revoked = await revokeApiKey(site.db, rest[0]!, now)
        if (revoked.ok) {
          console.log(`Revoked key ${revoked.value.id} ("${revoked.value.name}"): requests with it are refused from now on.`)
          return 0
        }
        switch (revoked.error.type) {
          case 'not-found': process.stderr.write(`masthead api-key: there is no key with id ${rest[0]}\n`); return 1
          case 'already-revoked': process.stderr.write(`masthead api-key: key ${rest[0]} was already revoked on ${revoked.error.revokedAt.toISOString()}\n`); return 1
          default: return assertNever(revoked.error)
        }
      }
    }
  } finally {
    await site.close()
  }
}

/** One line per key: id, prefix, state, name, times. */
function describeKey(key: ApiKey): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'
  const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used'
  return `${key.id}  ${key.prefix}…  ${key.kind}  ${state}  created ${key.createdAt.toISOString()}  ${used}  ${key.name}`
}

const isKind = (value: string): value is ApiKeyKind => (API_KEY_KINDS as readonly string[]).includes(value)
