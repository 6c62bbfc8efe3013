import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { timingSafeEqual } from 'node:crypto'
import { newSecretToken } from '../../staff/secret-tokens.js'
import type { AdminEnv } from './admin-env.js'

/** The cookie that carries the form token before anyone has signed in (sign-in, set-up, links). */
export const FORM_COOKIE = 'masthead_form'
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'X-CSRF-Token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery protection for every state-changing request:
 * - signed in, the token is the session's own (stored with it in the database);
 * - signed out, it is a random cookie matched by a hidden field (double submit), so even the
 *   sign-in form cannot be posted from another site (login CSRF);
 * - a request whose Origin header names another site is refused whatever it carries.
 * The token comes in the `_csrf` form field or the `X-CSRF-Token` header (scripts).
 * Runs after the session is loaded.
 */
export function csrfProtection({ siteUrl, secure }: { siteUrl: string; secure: boolean }): MiddlewareHandler<AdminEnv> {
  const siteOrigin = new URL(siteUrl).origin
  return async (c, next) => {
    const session = c.get('session')
    let expected = session?.csrfToken ?? getCookie(c, FORM_COOKIE)
    if (!session && !expected) {
      expected = newSecretToken()
      setCookie(c, FORM_COOKIE, expected, { httpOnly: true, sameSite: 'Lax', secure, path: '/admin' })
    }
    c.set('formToken', expected!)
    if (SAFE_METHODS.has(c.req.method)) return next()

    const origin = c.req.header('Origin')
    if (origin && origin !== siteOrigin && origin !== new URL(c.req.url).origin) return refuse(c, 'the request came from another site')
    const sent = c.req.header(CSRF_HEADER) ?? (await formField(c))
    if (!sent || !expected || !sameToken(sent, expected)) return refuse(c, 'the form has expired or did not come from this site')
    return next()
  }
}

async function formField(c: Context): Promise<string | undefined> {
  const type = c.req.header('Content-Type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined
  const body = await c.req.parseBody()
  const value = body[CSRF_FIELD]
  return typeof value === 'string' ? value : undefined
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function refuse(c: Context, reason: string) {
  const wantsJson = (c.req.header('Accept') ?? '').includes('application/json') || c.req.header(CSRF_HEADER) !== undefined
  const message = `Refused: ${reason}. Reload the page and try again.`
  return wantsJson
    ? c.json({ error: message }, 403, { 'Cache-Control': 'no-store' })
    : c.html(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Refused</title><p>${message}</p><p><a href="">Reload</a></p></html>`, 403, { 'Cache-Control': 'no-store' })
}
