import type { Feed, FeedItem } from './feed.js'

/**
 * Writes a feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The `feed` package
 * writes version 1 only (a single `author`, no `language`), so this is plain JSON built here.
 * @example const json = renderJsonFeed(toFeed({ settings, siteUrl, listing: '/', articles }))
 */
export function renderJsonFeed(feed: Feed): string {
  return `${JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    items: feed.items.map(jsonItem),
  }, null, 2)}\n`
}

function jsonItem(item: FeedItem) {
  return {
    id: item.url,
    url: item.url,
    title: item.title,
    content_html: item.html,
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    ...(item.authors.length ? { authors: item.authors } : {}),
    ...(item.categories.length ? { tags: item.categories } : {}),
    language: item.language,
  }
}
