import type { Feed, FeedItem } from './feed.js'
import { MEDIA_RSS_NS, mediaContent } from './media-rss.js'
import { element, textElement, xmlDocument, type Xml } from '../xml.js'

/**
 * Writes a feed as RSS 2.0, with the full body in `content:encoded`, bylines as `dc:creator` and
 * the hero picture as Media RSS `media:content`.
 *
 * Written here rather than with the `feed` package (6.0.0): its XML writer emits a second `]]>`
 * in a CDATA section unescaped and `<`, `&` raw in extension attributes (both ill-formed XML),
 * turns a literal `&amp;` in text into `&`, and cannot declare the `media` namespace. Escaping
 * every text node with one helper is simpler than working around that.
 * @example const xml = renderRss(toFeed({ settings, siteUrl, listing: '/', articles }))
 */
export function renderRss(feed: Feed): string {
  const channel = element('channel', {}, [
    textElement('title', feed.title),
    textElement('link', feed.homeUrl),
    textElement('description', feed.description),
    textElement('language', feed.language),
    textElement('lastBuildDate', feed.updated.toUTCString()),
    element('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }),
    ...feed.items.map(rssItem),
  ])
  return xmlDocument(element('rss', {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:media': MEDIA_RSS_NS,
  }, [channel]))
}

function rssItem(item: FeedItem): Xml {
  return element('item', {}, [
    textElement('title', item.title),
    textElement('link', item.url),
    textElement('guid', item.url, { isPermaLink: 'true' }),
    textElement('pubDate', item.published.toUTCString()),
    // RSS readers show the description as HTML, so the plain-text summary is escaped into HTML first.
    textElement('description', escapeHtml(item.summary)),
    textElement('content:encoded', item.html),
    ...item.authors.map((a) => textElement('dc:creator', a.name)),
    ...item.categories.map((name) => textElement('category', name)),
    ...(item.image ? [mediaContent(item.image)] : []),
  ])
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
