import type { z } from 'zod'
import { parseDoc } from './body-doc.js'
import type { BodyFormat } from './render-body.js'

/**
 * A zod refinement for a body `{ format, source }`: a `doc` source that is not a document is an
 * issue on `source` saying what is wrong. Every schema that takes a body in uses it, so a broken
 * document is refused where it enters, never rendered.
 * @example z.object({ format: z.enum(BODY_FORMATS), source: z.string() }).superRefine(checkDocSource)
 */
export function checkDocSource(body: { format: BodyFormat; source: string }, ctx: z.RefinementCtx): void {
  if (body.format !== 'doc') return
  const parsed = parseDoc(body.source)
  if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['source'], message: `not an editor document: ${parsed.error}` })
}
