import type { Context, MiddlewareHandler } from 'hono'

export interface SizeLimit {
  maxBytes: number
  /** The sentence a refused request gets, naming the limit. */
  message: string
}

/**
 * Refuses a request body larger than the limit its path has, with 413 and `{ "error" }` (an
 * HTML page for a plain form post). A Content-Length above the limit is refused before a byte
 * of the body is read; a body without one (chunked), or with one that understates it, is
 * counted as it arrives and refused the moment it passes the limit. Hono's own bodyLimit
 * trusts the header, which `app.request()` callers and other runtimes need not send truthfully.
 * The body is held in memory afterwards for the route, as parsing a form would do anyway.
 * `refuse` answers a request over the limit (by default JSON `{ error }` or a page, as the admin does).
 * @example app.use('/admin/*', requestSizeLimit(() => ({ maxBytes: 1024, message: 'Too large.' })))
 */
export function requestSizeLimit(
  limitFor: (c: Context) => SizeLimit, refuse: (c: Context, message: string) => Response = tooLarge,
): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body
    if (!body) return next()
    const limit = limitFor(c)
    const declared = Number(c.req.header('Content-Length'))
    // The rest of a refused body is left unread: the Node server drains it after answering,
    // so the browser sees the 413 rather than a connection reset.
    if (Number.isFinite(declared) && declared > limit.maxBytes) return refuse(c, limit.message)
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit.maxBytes) {
        reader.releaseLock()
        return refuse(c, limit.message)
      }
      chunks.push(value)
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) })
    return next()
  }
}

function tooLarge(c: Context, message: string) {
  const script = (c.req.header('Accept') ?? '').includes('application/json') || c.req.header('X-CSRF-Token') !== undefined
  if (script) return c.json({ error: message }, 413, { 'Cache-Control': 'no-store' })
  const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return c.html(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Too large</title><p>${escaped}</p><p><a href="">Go back</a> and choose a smaller file.</p></html>`,
    413, { 'Cache-Control': 'no-store' })
}
