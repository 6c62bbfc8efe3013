import type { FeedFormat } from '../../http/paths.js'
import type { Feed } from './feed.js'
import { renderAtom } from './atom-feed.js'
import { renderJsonFeed } from './json-feed.js'
import { renderRss } from './rss-feed.js'

interface FeedFormatInfo {
  /** The media type, without charset. */
  type: string
  /** How the format is named to readers, e.g. in the title of a `<link rel="alternate">`. */
  label: string
  render: (feed: Feed) => string
}

/** Every feed format the site serves: its media type, its name and its writer. */
export const FEED_FORMAT_INFO: Record<FeedFormat, FeedFormatInfo> = {
  rss: { type: 'application/rss+xml', label: 'RSS', render: renderRss },
  atom: { type: 'application/atom+xml', label: 'Atom', render: renderAtom },
  json: { type: 'application/feed+json', label: 'JSON Feed', render: renderJsonFeed },
}
