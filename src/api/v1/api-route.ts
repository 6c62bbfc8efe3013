import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { invalid, problem, toFieldIssues } from './api-problem.js'
import type { ApiEnv } from './api-caller.js'

type Schema = z.ZodType | undefined
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined

export interface RouteResponse {
  description: string
  /** The JSON body; none for 204. */
  schema?: z.ZodType
}

/**
 * One route of the write API: the single description that both mounts it on Hono and writes it
 * into the OpenAPI document, so the two cannot drift apart. Paths are in OpenAPI's form
 * (`/articles/{id}`), relative to /api/v1.
 */
export interface RouteDefinition<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined> {
  method: 'get' | 'post' | 'patch' | 'delete'
  path: string
  operationId: string
  summary: string
  tag: 'articles' | 'pictures' | 'sections' | 'tags' | 'webhooks' | 'meta'
  /** 'public': no key needed; 'read': any caller; 'write': a write key or a staff session with CSRF. */
  access: 'public' | 'read' | 'write'
  params?: P
  query?: Q
  /** A JSON body, validated; or 'multipart' for a file upload (read by the handler). */
  body?: B
  multipart?: { schema: z.ZodType }
  responses: Record<number, RouteResponse>
  handle: (c: Context<ApiEnv>, input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => Promise<Response>
}

/** A route with its input types forgotten, as the registry holds them. */
export type ApiRoute = RouteDefinition<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>

/**
 * Keeps a route's input types for its handler while it is written, then erases them for the list.
 * @example defineRoute({ method: 'get', path: '/tags', …, handle: async (c) => c.json(…) })
 */
export function defineRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  route: RouteDefinition<P, Q, B>,
): ApiRoute {
  return route as unknown as ApiRoute
}

/**
 * The Hono form of an OpenAPI path.
 * @example honoPath('/articles/{id}/publish') // '/articles/:id/publish'
 */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1')

/**
 * Mounts every route: URL parameters and the query string are parsed (400 naming the field),
 * a JSON body too (400 when it is not JSON, 422 naming each invalid field), and the caller's
 * scope checked (403 for a read-only key writing) before the handler runs.
 */
export function mountRoutes(app: Hono<ApiEnv>, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      if (route.access === 'write' && c.get('caller').scope !== 'write') {
        return problem(c, { type: 'forbidden', message: 'This API key may only read: writing needs a read-and-write key.' })
      }
      const params = parse(route.params, c.req.param())
      if (!params.ok) return problem(c, { ...invalid(params.issues), type: 'bad-request' })
      const query = parse(route.query, c.req.query())
      if (!query.ok) return problem(c, { ...invalid(query.issues), type: 'bad-request' })
      let body: { ok: true; value: unknown } | { ok: false; issues: { field: string; message: string }[] } = { ok: true, value: undefined }
      if (route.body) {
        let json: unknown
        try {
          json = await c.req.json()
        } catch {
          return problem(c, { type: 'bad-request', message: 'Send the body as JSON (Content-Type: application/json).' })
        }
        body = parse(route.body, json)
        if (!body.ok) return problem(c, invalid(body.issues))
      }
      return route.handle(c, { params: params.value, query: query.value, body: body.value } as never)
    })
  }
}

function parse(schema: z.ZodType | undefined, value: unknown) {
  if (!schema) return { ok: true as const, value: undefined }
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true as const, value: parsed.data } : { ok: false as const, issues: toFieldIssues(parsed.error) }
}
