import fs from 'node:fs/promises'
import path from 'node:path'
import { slugify } from '../../content/articles/slug.js'
import type { ImportSource, SourceItem } from '../import-record.js'
import { readWxr, type WxrChannel } from './read-wxr.js'
import { toAttachment, type WxrAttachment } from './wxr-attachments.js'
import { newTally, tallyNotes } from './wxr-notes.js'
import { toSourceItem, type WxrContext } from './wxr-record.js'

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/**
 * A WordPress export (WXR 1.1/1.2) as an import source, streamed in two passes over the file.
 * Featured pictures are attachments, which an export may list after the posts that use them,
 * so the first pass collects only the attachments (id → address, alt text, caption, size) and
 * the second yields the posts and pages one by one. Memory holds one item, the attachments'
 * short strings and the slugs given out, never the document or its articles.
 * @example const source = await openWxr('export.xml'); for await (const item of source.items) …
 */
export async function openWxr(file: string): Promise<ImportSource> {
  const { size } = await fs.stat(file)
  const read = [0, 0]
  const tally = newTally()

  async function* items(): AsyncGenerator<SourceItem> {
    const attachments = new Map<string, WxrAttachment>()
    for await (const event of readWxr(file, { authors: new Map() }, { withContent: false, onBytes: (n) => { read[0] = n } })) {
      if (event.type === 'malformed') {
        yield malformed(file, event)
        return
      }
      const found = toAttachment(event.item)
      if (found) attachments.set(found.id, found.attachment)
    }
    read[0] = size
    const channel: WxrChannel = { authors: new Map() }
    let context: WxrContext | undefined
    for await (const event of readWxr(file, channel, { withContent: true, onBytes: (n) => { read[1] = n } })) {
      if (event.type === 'malformed') {
        yield malformed(file, event)
        return
      }
      // The channel's site, language and authors come before its first item.
      context ??= {
        file, siteKey: siteKey(channel, file), language: language(channel.language), attachments, slugs: new Set(), terms: new Map(), tally,
        authors: channel.authors, authorsBySlug: new Map([...channel.authors].map(([login, name]) => [slugify(login), name])),
      }
      const item = toSourceItem(event.item, context)
      if (item) yield item
    }
  }

  return {
    format: 'wxr',
    items: items(),
    notes: () => tallyNotes(tally),
    fraction: () => (size === 0 ? 1 : Math.min(1, (read[0]! + read[1]!) / (2 * size))),
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
