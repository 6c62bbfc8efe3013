import { absoluteUrl, FEED_FORMATS, paths } from '../http/paths.js'
import { FEED_FORMAT_INFO } from './feeds/feed-formats.js'
import type { SiteView } from './site-view.js'

/** A feed as a page announces it in its head, with `<link rel="alternate">`. */
export interface FeedLink {
  title: string
  type: string
  href: string
}

/**
 * The RSS, Atom and JSON feeds of a listing page, titled after `name`.
 * @example feedLinks(site, 'Masthead – World', paths.section('world'))
 * // [{ title: 'Masthead – World (RSS)', type: 'application/rss+xml', href: 'https://news.test/section/world/rss/' }, …]
 */
export function feedLinks(site: SiteView, name: string, listing: string = paths.home()): FeedLink[] {
  return FEED_FORMATS.map((format) => ({
    title: `${name} (${FEED_FORMAT_INFO[format].label})`,
    type: FEED_FORMAT_INFO[format].type,
    href: absoluteUrl(site.siteUrl, paths.feed(format, listing)),
  }))
}
