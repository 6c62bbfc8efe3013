import type { Context } from 'hono'
import { z } from 'zod'

/** One field a request got wrong: its path in the body, query or URL (`body.source`, `limit`), and why. */
export interface FieldIssue {
  field: string
  message: string
}

/** Every refusal's `error.type`, with the status it comes with. */
export const PROBLEM_STATUS = {
  'unauthorized': 401,
  'forbidden': 403,
  'not-found': 404,
  'conflict': 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'invalid': 422,
  'bad-request': 400,
  'internal': 500,
} as const
export type ProblemType = keyof typeof PROBLEM_STATUS

export interface Problem {
  type: ProblemType
  message: string
  issues?: FieldIssue[]
  /** Anything else the client can act on (a conflict's current version…). */
  details?: Record<string, unknown>
}

/** The body of every refusal from /api/v1/, as the OpenAPI document states it. */
export const ProblemJson = z.object({
  error: z.object({
    type: z.enum(Object.keys(PROBLEM_STATUS) as [ProblemType, ...ProblemType[]]),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).describe('A refusal: what went wrong and, for invalid input, which fields.')

/**
 * Answers a refusal in the write API's one error shape, `{ "error": { type, message, issues? } }`.
 * @example return problem(c, { type: 'not-found', message: 'No article has this id.' })
 */
export function problem(c: Context, p: Problem): Response {
  return c.json({ error: p }, PROBLEM_STATUS[p.type], { 'Cache-Control': 'no-store' })
}

/**
 * Names each zod issue's field: its path, prefixed for query strings and URL parameters only when
 * asked (`body.source`, `publishAt`).
 * @example toFieldIssues(parsed.error) // [{ field: 'headline', message: 'a headline is required' }]
 */
export function toFieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({ field: prefix + (i.path.map(String).join('.') || '(body)'), message: i.message }))
}

/** A refusal for invalid fields, naming the first in the message too. */
export function invalid(issues: FieldIssue[]): Problem {
  const first = issues[0]
  return { type: 'invalid', message: first ? `${first.field}: ${first.message}` : 'The request is invalid.', issues }
}
