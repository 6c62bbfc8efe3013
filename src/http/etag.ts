import { createHash } from 'node:crypto'

/**
 * A strong ETag for some bytes: 27 characters of their SHA-256 in base64url.
 * @example etagOf(new TextEncoder().encode('hello')) // '"LPJNul-wow4m6DsqxbninhsWHlwfp0J"'
 */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`
}
