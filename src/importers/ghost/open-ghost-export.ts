import fs from 'node:fs/promises'
import type { ImportSource, SourceItem } from '../import-record.js'
import { GhostNotes } from './ghost-notes.js'
import { toGhostItem } from './ghost-post-record.js'
import { indexGhostExport } from './index-ghost-export.js'
import { readGhostExport } from './read-ghost-export.js'

/**
 * A Ghost JSON export (Ghost 1 to 5) as an import source: posts and pages, with their authors,
 * tags (the primary one as the section), feature image and old URL.
 *
 * Memory: the file is read whole and parsed with JSON.parse. Ghost's own export is a single
 * JSON document, so it has no record boundaries to stream by; the posts' HTML is most of it and
 * is needed anyway. An export of a few hundred MB needs a few times that in memory. Records are
 * still yielded one at a time, so the writes behind them stay incremental.
 * @example const source = await openGhostExport('my-site.ghost.2024-01-01.json')
 */
export async function openGhostExport(file: string): Promise<ImportSource> {
  const text = await fs.readFile(file, 'utf8')
  const notes = new GhostNotes()
  let read = 0
  let total = 0
  async function* items(): AsyncGenerator<SourceItem> {
    const parsed = readGhostExport(text.replace(/^\uFEFF/, ''), file)
    if (!parsed.ok) {
      yield { problem: parsed.error, fatal: true }
      return
    }
    const { data } = parsed.value
    const index = indexGhostExport(data)
    total = data.posts.length
    for (const [position, raw] of data.posts.entries()) {
      read = position + 1
      yield toGhostItem(raw, position, { file, index, notes })
    }
  }
  return { format: 'ghost-json', items: items(), notes: () => notes.lines(), fraction: () => (total ? read / total : 0) }
}
