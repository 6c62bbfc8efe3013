import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signature a delivery carries in `X-Masthead-Signature`: HMAC-SHA256 with the webhook's
 * secret over the timestamp (unix seconds, as sent in `X-Masthead-Timestamp`), a dot and the
 * exact body bytes. Signing the timestamp lets receivers refuse old deliveries replayed.
 * @example signDelivery('whsec_…', 1767225600, '{"id":"…"}') // 'sha256=5f1c…'
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/**
 * Checks a signature as a receiver should: in constant time, and only for a timestamp within
 * `toleranceSeconds` of `now`. Used by the tests; docs/webhooks.md shows the same for receivers.
 * @example isValidSignature(secret, headers['x-masthead-timestamp'], rawBody, headers['x-masthead-signature'], new Date())
 */
export function isValidSignature(
  secret: string, timestamp: string, body: string, signature: string, now: Date, toleranceSeconds = 300,
): boolean {
  const seconds = Number(timestamp)
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return false
  const expected = Buffer.from(signDelivery(secret, seconds, body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
