import fs from 'node:fs/promises'
import { slugify } from '../../content/articles/slug.js'
import { paragraphsToHtml } from '../../content/body/render-body.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import type { ImportSource, SourceItem } from '../import-record.js'
import { parseTextCapture } from './parse-text-capture.js'

/**
 * A text capture as an import source: one published article with a drawn placeholder picture
 * carrying the capture's alt text. Its key is its headline's slug, so re-importing updates it.
 */
export async function openTextCapture(file: string): Promise<ImportSource> {
  const text = await fs.readFile(file, 'utf8')
  async function* items(): AsyncGenerator<SourceItem> {
    const parsed = parseTextCapture(text, file)
    if (!parsed.ok) {
      yield { problem: parsed.error, fatal: true }
      return
    }
    const capture = parsed.value
    yield {
      record: {
        sourceKey: `text:${slugify(capture.headline)}`,
        location: `"${capture.headline}"`,
        kind: 'post',
        headline: capture.headline,
        bodyHtml: paragraphsToHtml(capture.paragraphs),
        status: 'published',
        hero: { alt: capture.pictureAlt, bytes: () => placeholderPicture(capture.headline) },
      },
    }
  }
  return { format: 'text-capture', items: items(), notes: () => [] }
}
