import { diffWords } from 'diff'
import { renderBody } from '../body/render-body.js'
import type { Revision, RevisionContent } from './revision.js'

/** The fields of a revision a comparison reports, besides the body. */
export const COMPARED_FIELDS = [
  'headline', 'dek', 'slug', 'kind', 'status', 'publishedAt', 'bodyFormat', 'hero.pictureId', 'hero.alt', 'hero.caption', 'hero.credit',
  'sectionId', 'tagIds', 'authorIds', 'language', 'canonicalUrl',
] as const
export type ComparedField = (typeof COMPARED_FIELDS)[number]

/** A field's value as a page shows it: text, a list of ids, or nothing. Times are ISO strings. */
export type FieldValue = string | string[] | null

export interface FieldChange {
  field: ComparedField
  before: FieldValue
  after: FieldValue
}

/** A run of the body's visible text: in both versions, only in the later one, or only in the earlier one. */
export interface TextPart {
  change: 'same' | 'added' | 'removed'
  text: string
}

export interface RevisionComparison {
  from: { id: string; version: number }
  to: { id: string; version: number }
  /** Only the fields that differ, in the order of `COMPARED_FIELDS`. */
  fields: FieldChange[]
  body: {
    /** Whether the source differs at all (markup alone can change without the text changing). */
    sourceChanged: boolean
    /** Whether the visible text differs. */
    textChanged: boolean
    /** The later version's visible text with the earlier one's removed runs in between, in reading order. */
    parts: TextPart[]
  }
}

/**
 * Past this many inserted or removed words the diff stops looking for a shortest edit and shows
 * the whole text as replaced: a rewrite is not worth seconds of CPU to align word by word.
 */
const MAX_EDIT_LENGTH = 4000

/**
 * What changed from revision `a` to revision `b` (usually older to newer): each differing field,
 * and a word-level diff of the body's visible text that a page can render as insertions and
 * deletions (`<ins>`/`<del>`), whatever the body's format.
 * @example
 * const { fields, body } = compareRevisions(older, newer)
 * // fields: [{ field: 'headline', before: 'Tide tables', after: 'Tide tables, corrected' }]
 * // body.parts: [{ change: 'same', text: 'High water at ' }, { change: 'removed', text: '6' }, { change: 'added', text: '7' }, …]
 */
export function compareRevisions(a: Revision, b: Revision): RevisionComparison {
  const before = fieldValues(a.content)
  const after = fieldValues(b.content)
  const fields = COMPARED_FIELDS
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }))
  const sourceChanged = a.content.body.source !== b.content.body.source || a.content.body.format !== b.content.body.format
  const textA = sourceChanged ? visibleText(a.content) : ''
  const textB = sourceChanged ? visibleText(b.content) : ''
  const textChanged = textA !== textB
  const parts = !sourceChanged ? [{ change: 'same' as const, text: visibleText(b.content) }] : diffText(textA, textB)
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    fields,
    body: { sourceChanged, textChanged, parts: parts.filter((p) => p.text !== '') },
  }
}

/**
 * A word-level diff of two texts; whitespace is kept with the words around it.
 * @example diffText('High water at 6.', 'High water at 7.') // [same 'High water at ', removed '6', added '7', same '.']
 */
export function diffText(before: string, after: string): TextPart[] {
  if (before === after) return [{ change: 'same', text: after }]
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH })
  if (!changes) return [{ change: 'removed', text: before }, { change: 'added', text: after }]
  return changes.map((c) => ({ change: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))
}

function visibleText(content: RevisionContent): string {
  return renderBody(content.body.format, content.body.source).text
}

function fieldValues(c: RevisionContent): Record<ComparedField, FieldValue> {
  return {
    headline: c.headline,
    dek: c.dek,
    slug: c.slug,
    kind: c.kind,
    status: c.status,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    bodyFormat: c.body.format,
    'hero.pictureId': c.hero?.pictureId ?? null,
    'hero.alt': c.hero?.alt ?? null,
    'hero.caption': c.hero?.caption ?? null,
    'hero.credit': c.hero?.credit ?? null,
    sectionId: c.sectionId,
    tagIds: c.tagIds,
    authorIds: c.authorIds,
    language: c.language,
    canonicalUrl: c.canonicalUrl,
  }
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i])
  return a === b
}
