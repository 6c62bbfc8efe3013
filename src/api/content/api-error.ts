import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { assertNever } from '../../core/result.js'
import { CACHE } from '../../http/cache-control.js'

/** Every way a Content API request can fail, each with Ghost's error type and status code. */
export type ApiError =
  | { type: 'unauthorized'; message: string; context?: string }
  | { type: 'not-found'; message: string }
  | { type: 'bad-request'; message: string; context?: string; property?: string }
  | { type: 'validation'; message: string; property: string }
  | { type: 'internal' }

/** One entry of Ghost's `errors` array, every key present as Ghost sends it. */
export interface GhostError {
  message: string
  context: string | null
  type: string
  details: null
  property: string | null
  help: string | null
  code: null
  id: string
  ghostErrorCode: null
}

/**
 * Ghost's status code and error body for an error: `{ errors: [{ message, type, … }] }`, which
 * Ghost's clients read (`@tryghost/content-api` throws an Error named after `type`).
 * @example toGhostError({ type: 'not-found', message: 'Post not found.' }) // { status: 404, body: { errors: [{ type: 'NotFoundError', … }] } }
 */
export function toGhostError(error: ApiError): { status: 400 | 401 | 404 | 422 | 500; body: { errors: GhostError[] } } {
  const entry = (type: string, message: string, extra: { context?: string | undefined; property?: string | undefined } = {}): { errors: GhostError[] } => ({
    errors: [{
      message, context: extra.context ?? null, type, details: null, property: extra.property ?? null,
      help: null, code: null, id: randomUUID(), ghostErrorCode: null,
    }],
  })
  switch (error.type) {
    case 'unauthorized': return { status: 401, body: entry('UnauthorizedError', error.message, { context: error.context }) }
    case 'not-found': return { status: 404, body: entry('NotFoundError', error.message) }
    case 'bad-request': return { status: 400, body: entry('BadRequestError', error.message, { context: error.context, property: error.property }) }
    case 'validation': return { status: 422, body: entry('ValidationError', error.message, { property: error.property }) }
    case 'internal': return { status: 500, body: entry('InternalServerError', 'The server has encountered an error.') }
    default: return assertNever(error)
  }
}

/** Answers a request with the error, never to be stored by a cache. */
export function errorResponse(c: Context, error: ApiError): Response {
  const { status, body } = toGhostError(error)
  return c.json(body, status, { 'Cache-Control': CACHE.none })
}
