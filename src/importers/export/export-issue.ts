import type { z } from 'zod'
import type { ImportProblem } from '../import-problem.js'

const RECORD_NAMES: Record<string, string> = {
  sections: 'section', tags: 'tag', people: 'person', media: 'picture', articles: 'article', redirects: 'redirect',
  corrections: 'correction', revisions: 'revision',
}

/**
 * Turns a zod issue in site.json into a problem naming the record and the field:
 * `site.json, article 3 (id 6744…), field "headline": is missing`.
 * @example describeIssue('site.json', raw, issue) // { file, record: 'article 3 (id 6744a1f0…)', field: 'headline', message: 'is missing' }
 */
export function describeIssue(file: string, raw: unknown, issue: z.core.$ZodIssue): ImportProblem {
  const path = issue.path.map(String)
  const [list, index, ...field] = path
  const inRecord = list !== undefined && list in RECORD_NAMES && index !== undefined && /^\d+$/.test(index)
  const value = valueAt(raw, issue.path)
  const message = issue.code === 'invalid_type' && value === undefined ? 'is missing' : issue.message
  if (!inRecord) return { file, field: path.join('.') || '(file)', message }
  const record = valueAt(raw, [list, Number(index)]) as { id?: unknown; from_path?: unknown } | undefined
  const key = typeof record?.id === 'string' ? ` (id ${record.id})` : typeof record?.from_path === 'string' ? ` (${record.from_path})` : ''
  return { file, record: `${RECORD_NAMES[list]} ${Number(index) + 1}${key}`, field: field.join('.') || '(record)', message }
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
