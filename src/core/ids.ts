import { randomFillSync } from 'node:crypto'

/**
 * A 24-hex-digit id in the shape Ghost uses (4 bytes of seconds, then 8 random bytes),
 * so ids sort roughly by creation time and Ghost-compatible clients accept them.
 * @example newId() // '6744a1f0c3b2e19f8a7d5e21'
 */
export function newId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, '0').slice(-8)
  return seconds + randomHex8()
}

export const ID_RE = /^[0-9a-f]{24}$/

/**
 * Random bytes come from the system in blocks (one call per 512 ids rather than per id: an
 * import makes 100,000); each block is used once, 8 bytes at a time.
 */
const pool = Buffer.alloc(4096)
let used = pool.length

function randomHex8(): string {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  used += 8
  return pool.toString('hex', used - 8, used)
}
