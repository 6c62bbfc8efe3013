import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { IDLE_LIFETIME_MS } from '../../staff/sessions.js'

export const SESSION_COOKIE = 'masthead_session'

/** The session token the browser sent, if any. */
export const sessionTokenOf = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE)

/**
 * Sets the session cookie: httpOnly (no script reads it), SameSite=Lax (not sent with other
 * sites' form posts), Secure when the site is served over https. Its path is `/`, because the
 * write API (`/api/v1/`) accepts a staff session too.
 */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: IDLE_LIFETIME_MS / 1000 })
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
}
