import type { Feed, FeedItem } from './feed.js'
import { MEDIA_RSS_NS, mediaContent } from './media-rss.js'
import { element, textElement, xmlDocument, type Xml } from '../xml.js'

/**
 * Writes a feed as Atom 1.0 (RFC 4287). Titles and summaries are plain text, the body is
 * `type="html"`; the site is the feed's author, which entries without a byline inherit.
 * Written by hand for the same reasons as `renderRss`.
 * @example const xml = renderAtom(toFeed({ settings, siteUrl, listing: '/', articles }))
 */
export function renderAtom(feed: Feed): string {
  return xmlDocument(element('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': MEDIA_RSS_NS, 'xml:lang': feed.language }, [
    textElement('id', feed.urls.atom),
    textElement('title', feed.title, { type: 'text' }),
    textElement('subtitle', feed.description, { type: 'text' }),
    textElement('updated', feed.updated.toISOString()),
    element('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    element('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
    element('author', {}, [textElement('name', feed.site.name), textElement('uri', feed.site.url)]),
    ...feed.items.map(atomEntry),
  ]))
}

function atomEntry(item: FeedItem): Xml {
  return element('entry', { 'xml:lang': item.language }, [
    textElement('id', item.url),
    textElement('title', item.title, { type: 'text' }),
    element('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    textElement('published', item.published.toISOString()),
    textElement('updated', item.updated.toISOString()),
    ...item.authors.map((a) => element('author', {}, [textElement('name', a.name), textElement('uri', a.url)])),
    ...item.categories.map((name) => element('category', { term: name })),
    textElement('summary', item.summary, { type: 'text' }),
    textElement('content', item.html, { type: 'html' }),
    ...(item.image ? [mediaContent(item.image)] : []),
  ])
}
