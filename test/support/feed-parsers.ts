import Parser from 'rss-parser'

/**
 * Feed readers for tests: rss-parser (xml2js, strict) for RSS and Atom, with the extension fields
 * our feeds carry kept as parsed XML; JSON.parse for JSON Feed. Ill-formed XML fails the parse.
 */

/** An element as xml2js gives it: `_` text, `$` attributes, children as arrays. */
export interface XmlNode {
  _?: string
  $?: Record<string, string>
  [child: string]: unknown
}
type Nodes = (XmlNode | string)[] | undefined

interface RssExtra {
  language?: string
  lastBuildDate?: string
}
interface RssItemExtra {
  'content:encoded'?: string
  creators?: string[]
  guidNode?: Nodes
  media?: XmlNode[]
}
const rssParser = new Parser<RssExtra, RssItemExtra>({
  customFields: {
    feed: ['language', 'lastBuildDate'],
    item: [['dc:creator', 'creators', { keepArray: true }], ['guid', 'guidNode', { keepArray: true }], ['media:content', 'media', { keepArray: true }]],
  },
})

interface AtomExtra {
  id?: string
  subtitle?: string
  updated?: string
  author?: XmlNode
}
interface AtomEntryExtra {
  /** rss-parser reads it itself, but does not type it. */
  id?: string
  published?: string
  updated?: string
  links?: XmlNode[]
  authors?: XmlNode[]
  categoryNodes?: XmlNode[]
  contentNode?: XmlNode[]
  media?: XmlNode[]
}
const atomParser = new Parser<AtomExtra, AtomEntryExtra>({
  customFields: {
    // rss-parser itself reads the feed's alternate link as `link` and its self link as `feedUrl`.
    feed: ['id', 'subtitle', 'updated', 'author'],
    item: ['published', 'updated', ['link', 'links', { keepArray: true }], ['author', 'authors', { keepArray: true }],
      ['category', 'categoryNodes', { keepArray: true }], ['content', 'contentNode', { keepArray: true }], ['media:content', 'media', { keepArray: true }]],
  },
})

/** Parses RSS, and checks it really is RSS 2.0 rather than whatever rss-parser could make of it. */
export async function parseRss(xml: string) {
  if (!/^<\?xml[^>]*\?>\s*<rss version="2.0"/.test(xml)) throw new Error('not an RSS 2.0 document')
  return rssParser.parseString(xml)
}

/** Parses Atom, and checks the root is an Atom feed. */
export async function parseAtom(xml: string) {
  if (!/^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/.test(xml)) throw new Error('not an Atom document')
  return atomParser.parseString(xml)
}

export interface JsonFeed {
  version: string
  title: string
  home_page_url: string
  feed_url: string
  description: string
  language: string
  items: JsonFeedItem[]
}
export interface JsonFeedItem {
  id: string
  url: string
  title: string
  content_html: string
  summary: string
  image?: string
  date_published: string
  date_modified: string
  authors?: { name: string; url: string }[]
  tags?: string[]
  language: string
}

export function parseJsonFeed(text: string): JsonFeed {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || !('items' in value) || !Array.isArray(value.items)) throw new Error('not a JSON Feed')
  return value as JsonFeed
}

/** The text of the first child `name` of an xml2js node. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const child = (node?.[name] as Nodes)?.[0]
  return typeof child === 'string' ? child : child?._
}
