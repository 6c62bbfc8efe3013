import { Secret, TOTP } from 'otpauth'

/** Codes from the step before and after are accepted too: phones' clocks drift. */
const WINDOW = 1

function totpFor(secret: string, label = '', issuer = 'Masthead'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
}

/** A new random secret (160 bits, base32) for an authenticator app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/**
 * The `otpauth://` URI an authenticator app reads (typed in, or from a QR code).
 * @example totpUri(secret, 'mara@example.org', 'Port Alder Ledger')
 */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString()
}

/** Whether `code` is the current code (or the one either side of it) for `secret`. */
export function checkTotp(secret: string, code: string, now: Date): boolean {
  const digits = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(digits)) return false
  return totpFor(secret).validate({ token: digits, timestamp: now.getTime(), window: WINDOW }) !== null
}

/** The code an authenticator shows at `now` (for tests and set-up checks). */
export function totpCodeAt(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() })
}
