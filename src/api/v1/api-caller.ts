import type { MiddlewareHandler } from 'hono'
import { timingSafeEqual } from 'node:crypto'
import { checkIntegrationKey } from '../keys/check-integration-key.js'
import type { Creator } from '../../content/articles/create-article.js'
import { findActiveSession } from '../../staff/sessions.js'
import type { Clock } from '../../core/clock.js'
import type { Db } from '../../storage/connect.js'
import { sessionTokenOf } from '../../http/admin/session-cookie.js'
import { CSRF_HEADER } from '../../http/admin/csrf.js'
import { problem } from './api-problem.js'

/**
 * Who is calling the write API. An integration key acts as an editor (every article, sections
 * and tags, pictures; never staff, settings or integrations), under the integration's name; a
 * staff session acts as that staff member, with their own role's rights.
 */
export interface ApiCaller {
  /** For permission checks and use cases: an integration's id is `integration:<key id>`. */
  actor: Creator
  /** The staff account uploads are recorded under; null for an integration. */
  userId: string | null
  name: string
  /** A 'read' key may only read; a 'write' key and a staff session may also write. */
  scope: 'read' | 'write'
  via: 'key' | 'session'
}

export type ApiEnv = { Variables: { caller: ApiCaller } }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Identifies the caller, refusing with 401 when no one is: an `Authorization: Bearer <key>`
 * header with an active 'read' or 'write' key, else a staff session cookie. A session writes only
 * with its CSRF token in `X-CSRF-Token` (403 without): the cookie alone would let any site a
 * staff member visits post here in their name. A bad key is refused even when a session cookie
 * comes with it, so a client never silently acts as someone else.
 */
export function identifyCaller({ db, clock }: { db: Db; clock: Clock }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const now = clock.now()
    const authorization = c.req.header('Authorization')
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
      const key = await checkIntegrationKey(db, bearer, now)
      if (!key.ok) {
        const message = key.error.type === 'missing-key' ? 'Send an API key as "Authorization: Bearer <key>".' : 'Unknown or revoked API key.'
        return problem(c, { type: 'unauthorized', message })
      }
      const id = `integration:${key.value.id}`
      c.set('caller', { actor: { id, role: 'editor', personId: null, ownerId: null }, userId: null, name: key.value.name, scope: key.value.kind, via: 'key' })
      return next()
    }
    const session = await findActiveSession(db, sessionTokenOf(c), now)
    if (!session || session.secondFactorPending) {
      return problem(c, { type: 'unauthorized', message: 'Send an API key as "Authorization: Bearer <key>", or sign in to the admin.' })
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER)
      if (!sent || !sameToken(sent, session.csrfToken)) {
        return problem(c, { type: 'forbidden', message: `Signed in with a session, send the session's CSRF token in the ${CSRF_HEADER} header.` })
      }
    }
    const { staff } = session
    c.set('caller', { actor: { id: staff.id, role: staff.role, personId: staff.personId }, userId: staff.id, name: staff.name, scope: 'write', via: 'session' })
    return next()
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
