import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'

/**
 * 'content': the public, read-only Content API (`?key=`). 'read' and 'write': integrations using
 * the write API at /api/v1/ (`Authorization: Bearer …`), reading only, or reading and writing.
 */
export const API_KEY_KINDS = ['content', 'read', 'write'] as const
export type ApiKeyKind = (typeof API_KEY_KINDS)[number]
export type IntegrationKeyKind = Exclude<ApiKeyKind, 'content'>

export const API_KEY_KIND_LABELS: Record<ApiKeyKind, string> = {
  content: 'Content API (public, read-only)',
  read: 'Integration, read only',
  write: 'Integration, read and write',
}

/** A key as lists show it: never its secret, which exists only in the answer that created it. */
export interface ApiKey {
  id: string
  name: string
  kind: ApiKeyKind
  /** The first characters of the secret, to tell keys apart. */
  prefix: string
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
}

/** Ghost's shape for Content API keys, which its clients check before sending: 26 hex digits. */
export const CONTENT_KEY_RE = /^[0-9a-f]{26}$/

/** Integration keys: `mh_` and 40 hex digits (160 random bits), so they are told apart from Content API keys at a glance. */
export const INTEGRATION_KEY_RE = /^mh_[0-9a-f]{40}$/

/**
 * A fresh integration secret.
 * @example newIntegrationSecret() // 'mh_3f9c…' (43 characters)
 */
export function newIntegrationSecret(): string {
  return `mh_${randomBytes(20).toString('hex')}`
}

/** How many characters of the secret are kept in the clear for lists; 80 bits stay secret. */
export const KEY_PREFIX_LENGTH = 6

export const ApiKeyName = z.string().trim().min(1, 'a name is required').max(191, 'the name is longer than 191 characters')

/**
 * A fresh Content API secret: 13 random bytes as 26 lowercase hex digits.
 * @example newContentSecret() // '8f3a0c1d9e7b6a5f4e3d2c1b0a'
 */
export function newContentSecret(): string {
  return randomBytes(13).toString('hex')
}

/**
 * What is stored for a secret and looked up on each request: its SHA-256 in hex. The secret is
 * random and long, so a fast hash suffices (no password stretching needed).
 * @example hashSecret('8f3a0c1d9e7b6a5f4e3d2c1b0a').length // 64
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Whether the key may be used now. */
export const isActive = (key: Pick<ApiKey, 'revokedAt'>): boolean => key.revokedAt === null
