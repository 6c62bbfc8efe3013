import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { hastToDoc } from './hast-to-doc.js'
import { renderBody, type BodyFormat } from './render-body.js'
import { sameReading } from './same-reading.js'

const parseHtml = unified().use(rehypeParse, { fragment: true })

/**
 * The body as the rich editor opens it: a `doc` body as it is; a Markdown or HTML body as the
 * editor's document when that reads exactly the same once rendered (see `sameReading`), else
 * as it is, for a plain textarea, so that saving never loses a table, a code block or struck text.
 * @example toEditableBody('markdown', 'Hello *there*') // { format: 'doc', source: '{"type":"doc",…}' }
 * @example toEditableBody('markdown', '| a |\n|---|\n| 1 |').format // 'markdown'
 */
export function toEditableBody(format: BodyFormat, source: string): { format: BodyFormat; source: string } {
  if (format === 'doc') return { format, source }
  const original = renderBody(format, source).html
  const doc = hastToDoc(parseHtml.parse(original) as Root)
  if (!doc) return { format, source }
  const converted = JSON.stringify(doc)
  return sameReading(original, renderBody('doc', converted).html) ? { format: 'doc', source: converted } : { format, source }
}
