import fs from 'node:fs/promises'
import path from 'node:path'
import { slugify } from '../../content/articles/slug.js'
import type { ImportRecord, ImportSource, SourceItem } from '../import-record.js'
import { RecordSpool } from '../record-spool.js'
import { canReadInWorker, openWxrInWorker } from './open-wxr-in-worker.js'
import { readWxr, type WxrChannel } from './read-wxr.js'
import { heroOf, thumbnailNotSeenYet, toAttachment, type WxrAttachment } from './wxr-attachments.js'
import { newTally, tallyNotes } from './wxr-notes.js'
import { toSourceItem, type WxrContext } from './wxr-record.js'

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** From this size on, the file is read on a worker thread (see `openWxrInWorker`); below it, starting one costs more than it saves. */
const WORKER_FROM_BYTES = 8 * 1024 * 1024

/**
 * A WordPress export (WXR 1.1/1.2) as an import source, streamed (see `readWxrHere`). A large
 * file is read on a worker thread, so that parsing it and writing its articles share two cores;
 * `thread` forces either way.
 * @example const source = await openWxr('export.xml'); for await (const item of source.items) …
 */
export async function openWxr(file: string, { thread = 'auto' }: { thread?: 'auto' | 'worker' | 'here' } = {}): Promise<ImportSource> {
  const { size } = await fs.stat(file)
  const onWorker = thread === 'worker' || (thread === 'auto' && size >= WORKER_FROM_BYTES)
  return onWorker && canReadInWorker() ? openWxrInWorker(file) : readWxrHere(file)
}

/**
 * A WordPress export read in this thread, in one pass: posts and pages are yielded as they come.
 * A featured picture is an attachment, which an export may list after the post that uses it
 * (WordPress lists items by id, and a picture is usually uploaded after its post is created),
 * so a post whose picture has not been seen yet is set aside on disk (`RecordSpool`), already
 * turned into a record (its slug given out in file order), and yielded after the last item,
 * with its picture. Memory holds one item, the attachments' short strings and the slugs given
 * out, never the document or its articles.
 */
export async function readWxrHere(file: string): Promise<ImportSource> {
  const { size } = await fs.stat(file)
  const tally = newTally()
  const later = new RecordSpool<{ record: ImportRecord; thumbnailId: string }>()
  let read = 0
  let shown = 0

  async function* items(): AsyncGenerator<SourceItem> {
    try {
      const attachments = new Map<string, WxrAttachment>()
      const channel: WxrChannel = { authors: new Map() }
      let context: WxrContext | undefined
      for await (const event of readWxr(file, channel, { withContent: true, onBytes: (n) => { read = n } })) {
        if (event.type === 'malformed') {
          yield malformed(file, event)
          return
        }
        const found = toAttachment(event.item)
        if (found) attachments.set(found.id, found.attachment)
        // The channel's site, language and authors come before its first item.
        context ??= {
          file, siteKey: siteKey(channel, file), language: language(channel.language), attachments, slugs: new Set(), terms: new Map(), tally,
          authors: channel.authors, authorsBySlug: new Map([...channel.authors].map(([login, name]) => [slugify(login), name])),
        }
        const thumbnailId = thumbnailNotSeenYet(event.item, attachments)
        const item = toSourceItem(event.item, context, { pictureLater: thumbnailId !== undefined })
        if (item && thumbnailId !== undefined && 'record' in item) later.push({ record: item.record, thumbnailId })
        else if (item) yield item
      }
      read = size
      for (const { record, thumbnailId } of later.drain()) {
        const hero = heroOf(thumbnailId, attachments)
        if (!hero) tally.missingPictures++
        yield { record: { ...record, hero: hero ?? null } }
      }
    } finally {
      later.dispose()
    }
  }

  return {
    format: 'wxr',
    items: items(),
    notes: () => tallyNotes(tally),
    // The file, then the posts set aside; never going back as more are set aside.
    fraction: () => (shown = Math.max(shown, size + later.bytes === 0 ? 1 : Math.min(1, (read + later.bytesRead) / (size + later.bytes)))),
  }
}

function malformed(file: string, event: { line: number; message: string }): SourceItem {
  return { problem: { file, line: event.line, message: `the XML is malformed or cut off: ${event.message}` }, fatal: true }
}

/**
 * `wxr:<host>`. The blog's own address comes first: `wp:base_site_url` is `https://wordpress.com/`
 * for every WordPress.com blog, so it would mix up two blogs' post ids.
 */
function siteKey(channel: WxrChannel, file: string): string {
  for (const url of [channel.link, channel.baseBlogUrl, channel.baseSiteUrl]) {
    if (url && URL.canParse(url)) {
      const host = new URL(url).host
      if (host) return `wxr:${host}`
    }
  }
  return `wxr:${path.basename(file)}`
}

/** The channel's `en-US`, with the primary subtag lowercased; 'en' when it is missing or not a language tag. */
function language(value: string | undefined): string {
  const tag = (value ?? '').trim().replace(/_/g, '-').replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase())
  return LANGUAGE_TAG.test(tag) ? tag : 'en'
}
