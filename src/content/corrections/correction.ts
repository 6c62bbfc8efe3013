import { z } from 'zod'

/**
 * A correction owns up to an error in what was published; an update adds what happened since.
 * Only corrections are schema.org `CorrectionComment`s.
 */
export const CORRECTION_KINDS = ['correction', 'update'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

export const CORRECTION_TEXT_MAX = 2000

/** A note as an editor gives it: plain text, shown escaped, never as HTML. */
export const CorrectionInput = z.object({
  kind: z.enum(CORRECTION_KINDS),
  text: z.string().trim()
    .min(1, 'the text of the note is required')
    .max(CORRECTION_TEXT_MAX, `the note is longer than ${CORRECTION_TEXT_MAX} characters`),
})
export type CorrectionInput = z.input<typeof CorrectionInput>

/** A public correction or update note under an article. */
export interface Correction {
  id: string
  articleId: string
  kind: CorrectionKind
  text: string
  notedAt: Date
  /** The user who added it, or null for the system or an import. */
  createdBy: string | null
}
