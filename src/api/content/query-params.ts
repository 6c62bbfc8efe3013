import { z } from 'zod'
import { err, ok, type Result } from '../../core/result.js'
import type { ApiError } from './api-error.js'

export const DEFAULT_LIMIT = 15
export const MAX_LIMIT = 100
const MAX_PAGE = 1_000_000

/** What a browse or read request asks for besides its filter and order, parsed. */
export interface OutputParams {
  /** Only these fields of each object, when given (unknown names are ignored, as Ghost does). */
  fields: string[] | undefined
  /** Related objects to add: `tags`, `authors` for posts; `count.posts` for tags and authors. */
  include: string[]
  /** Body formats for posts: `html` (the default), `plaintext`. */
  formats: string[]
}

export interface BrowseParams extends OutputParams {
  limit: number | 'all'
  page: number
  filter?: string | undefined
  order?: string | undefined
}

/** A comma-separated list, as Ghost's client sends arrays (`include=tags,authors`). */
const List = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))

const Limit = z.union([
  z.literal('all'),
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1)).transform((n) => Math.min(n, MAX_LIMIT)),
])
const Page = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE))

const Output = z.object({
  fields: List.optional(),
  include: List.default([]),
  formats: List.default(['html']),
})

const Browse = Output.extend({
  limit: Limit.default(DEFAULT_LIMIT),
  page: Page.default(1),
  filter: z.string().optional(),
  order: z.string().optional(),
})

/**
 * The parameters of a browse request: `limit` (1–100, larger asks get 100, or `all`), `page`,
 * `filter`, `order`, `fields`, `include` and `formats`. A malformed limit or page is Ghost's 422.
 * @example parseBrowseParams({ limit: '2', page: '2', include: 'tags,authors' }) // ok: { limit: 2, page: 2, include: ['tags', 'authors'], … }
 */
export function parseBrowseParams(query: Record<string, string>): Result<BrowseParams, ApiError> {
  const parsed = Browse.safeParse(query)
  if (parsed.success) return ok({ ...parsed.data, fields: parsed.data.fields?.length ? parsed.data.fields : undefined })
  return err(toValidationError(parsed.error))
}

/** The parameters of a read request: `fields`, `include` and `formats`. */
export function parseOutputParams(query: Record<string, string>): Result<OutputParams, ApiError> {
  const parsed = Output.safeParse(query)
  if (parsed.success) return ok({ ...parsed.data, fields: parsed.data.fields?.length ? parsed.data.fields : undefined })
  return err(toValidationError(parsed.error))
}

function toValidationError(error: z.ZodError): ApiError {
  const property = String(error.issues[0]?.path[0] ?? 'query')
  const expected = property === 'limit' ? 'a number from 1, or "all"' : property === 'page' ? `a number from 1 to ${MAX_PAGE}` : 'one value'
  return { type: 'validation', message: `Validation error: ${property} must be ${expected}.`, property }
}
