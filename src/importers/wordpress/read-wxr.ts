import fs from 'node:fs'
import { SaxesParser, type SaxesTagNS } from 'saxes'

/** What the channel says before its items: the site, its language and its authors. */
export interface WxrChannel {
  link?: string
  language?: string
  baseSiteUrl?: string
  baseBlogUrl?: string
  /** Author login → display name. */
  authors: Map<string, string>
}

/** One `<item>`: its simple fields by qualified name (`title`, `wp:post_id`…), terms, postmeta, comment count. */
export interface WxrItem {
  line: number
  fields: Map<string, string>
  categories: { domain: string; nicename: string; name: string }[]
  meta: Map<string, string>
  comments: number
}

export type WxrEvent =
  | { type: 'item'; item: WxrItem }
  | { type: 'malformed'; line: number; message: string }

export interface ReadWxrOptions {
  /** Keep `content:encoded`; a pass that only needs attachments leaves the bodies unread. */
  withContent: boolean
  /** Told the file's bytes read so far after every chunk. */
  onBytes?: (bytes: number) => void
}

const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/, 'wp'],
  [/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/, 'excerpt'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, 'dc'],
]
const ITEM_FIELDS = new Set(['title', 'link', 'dc:creator', 'content:encoded', 'excerpt:encoded', 'wp:post_id', 'wp:post_date',
  'wp:post_date_gmt', 'wp:post_modified_gmt', 'wp:post_name', 'wp:status', 'wp:post_type', 'wp:post_password', 'wp:is_sticky',
  'wp:attachment_url', 'guid'])
const CHANNEL_FIELDS: Record<string, keyof Omit<WxrChannel, 'authors'>> = {
  'link': 'link', 'language': 'language', 'wp:base_site_url': 'baseSiteUrl', 'wp:base_blog_url': 'baseBlogUrl',
}

/**
 * Streams a WXR file through a SAX parser and yields each `<item>` as soon as it closes, so only
 * one item (and one chunk of the file) is held at a time. The file is read only as fast as the
 * items are taken: the generator waits at each yield, and the stream is not read meanwhile.
 * Elements are matched by namespace URI, so `http://` and `https://` WXR namespaces both work.
 * @example for await (const event of readWxr('export.xml', channel, { withContent: true })) …
 */
export async function* readWxr(file: string, channel: WxrChannel, options: ReadWxrOptions): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true })
  const ready: WxrItem[] = []
  const stack: string[] = []
  let item: WxrItem | undefined
  let text: string[] | undefined
  let category: { domain: string; nicename: string } | undefined
  let meta: { key: string; value: string } | undefined
  let author: { login: string; name: string } | undefined
  const capture = (on: boolean) => { text = on ? [] : undefined }
  const taken = () => { const value = text?.join('') ?? ''; text = undefined; return value }

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = qualifiedName(tag)
    const parent = stack[stack.length - 1]
    stack.push(name)
    if (name === 'item' && parent === 'channel') {
      item = { line: parser.line, fields: new Map(), categories: [], meta: new Map(), comments: 0 }
    } else if (item) {
      if (parent === 'item') {
        if (name === 'category') category = { domain: tag.attributes.domain?.value ?? '', nicename: tag.attributes.nicename?.value ?? '' }
        else if (name === 'wp:postmeta') meta = { key: '', value: '' }
        else if (name === 'wp:comment') item.comments++
        capture(name === 'category' || (ITEM_FIELDS.has(name) && (options.withContent || name !== 'content:encoded')))
      } else if (parent === 'wp:postmeta' && meta) capture(name === 'wp:meta_key' || name === 'wp:meta_value')
    } else if (parent === 'channel') {
      if (name === 'wp:author') author = { login: '', name: '' }
      capture(name in CHANNEL_FIELDS)
    } else if (parent === 'wp:author' && author) capture(name === 'wp:author_login' || name === 'wp:author_display_name')
  })
  // The first well-formedness error stops the parse: the file cannot be trusted past it.
  parser.on('error', (error) => { throw new MalformedXml(parser.line, error.message.replace(/^\d+:\d+: /, '')) })
  parser.on('text', (t) => text?.push(t))
  parser.on('cdata', (t) => text?.push(t))
  parser.on('closetag', () => {
    const name = stack.pop()!
    const parent = stack[stack.length - 1]
    if (item && name === 'item' && parent === 'channel') {
      ready.push(item)
      item = undefined
    } else if (item && parent === 'item') {
      if (name === 'category' && category) item.categories.push({ ...category, name: taken().trim() })
      else if (name === 'wp:postmeta' && meta) item.meta.set(meta.key, meta.value)
      else if (text) item.fields.set(name, taken())
    } else if (meta && parent === 'wp:postmeta') {
      if (name === 'wp:meta_key') meta.key = taken().trim()
      else if (name === 'wp:meta_value') meta.value = taken()
    } else if (parent === 'channel' && name in CHANNEL_FIELDS) {
      channel[CHANNEL_FIELDS[name]!] = taken().trim()
    } else if (parent === 'channel' && name === 'wp:author' && author?.login) {
      channel.authors.set(author.login, author.name || author.login)
    } else if (author && parent === 'wp:author') {
      if (name === 'wp:author_login') author.login = taken().trim()
      else if (name === 'wp:author_display_name') author.name = taken().trim()
    }
  })

  // 256 KiB chunks: fewer reads, and still only a few items waiting at a time.
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  try {
    // Iterating the stream pulls one chunk at a time: while a yielded item is being written,
    // nothing more is read (backpressure), and leaving the loop early closes the file.
    for await (const chunk of stream) {
      parser.write(chunk as string)
      options.onBytes?.(stream.bytesRead)
      for (const done of ready.splice(0)) yield { type: 'item', item: done }
    }
    parser.close()
    for (const done of ready.splice(0)) yield { type: 'item', item: done }
  } catch (error) {
    if (!(error instanceof MalformedXml)) throw error
    yield { type: 'malformed', line: error.line, message: error.message }
  } finally {
    stream.destroy()
  }
}

/** `wp:post_id` whatever prefix the file chose; RSS elements keep their bare name. */
function qualifiedName(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local
  const known = NAMESPACES.find(([pattern]) => pattern.test(tag.uri))
  return known ? `${known[1]}:${tag.local}` : `{${tag.uri}}${tag.local}`
}

class MalformedXml extends Error {
  constructor(readonly line: number, message: string) {
    super(message)
  }
}
