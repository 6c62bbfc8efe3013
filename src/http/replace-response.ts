import type { Context } from 'hono'

/**
 * Puts a whole new response in place. Assigning `c.res` directly would copy every header of
 * the old response onto the new one (Hono merges them), undoing a changed ETag or length.
 */
export function replaceResponse(c: Context, response: Response): void {
  c.res = undefined
  c.res = response
}
