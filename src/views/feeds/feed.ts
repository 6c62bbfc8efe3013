import type { Article } from '../../content/articles/article.js'
import type { SiteSettings } from '../../content/settings/settings.repo.js'
import { absoluteUrl, FEED_FORMATS, paths, pictureUrl, type FeedFormat } from '../../http/paths.js'
import { excerpt } from '../excerpt.js'

/**
 * One feed, independent of its format: what the RSS, Atom and JSON Feed writers print. Every
 * URL is absolute, every text is plain (the writers escape it), `html` is sanitised body HTML.
 */
export interface Feed {
  title: string
  description: string
  language: string
  /** The newsroom: the Atom feed's author. */
  site: { name: string; url: string }
  /** The page the feed follows: the front page, or a section, tag or author page. */
  homeUrl: string
  urls: Record<FeedFormat, string>
  /** The newest `updated` of the items; the epoch for an empty feed, so the output stays deterministic. */
  updated: Date
  items: FeedItem[]
}

export interface FeedItem {
  /** The article's permalink; slugs never change once published, so it also serves as the item's id. */
  url: string
  title: string
  /** The dek, or the opening of the body text when there is none. */
  summary: string
  html: string
  published: Date
  updated: Date
  language: string
  authors: { name: string; url: string }[]
  /** The section's name, then the tags' names. */
  categories: string[]
  image: FeedImage | null
}

export interface FeedImage {
  url: string
  type: string
  width: number
  height: number
  alt: string
}

export interface FeedSource {
  settings: SiteSettings
  siteUrl: string
  /** Set for a section, tag or author feed; the site feed has none. */
  scope?: { name: string; description: string }
  /** Path of the listing page the feed follows, e.g. `/section/world/`. */
  listing: string
  /** Public articles, newest first. */
  articles: Article[]
}

/**
 * Gathers what a feed shows from the site settings, its scope and its articles.
 * @example const feed = toFeed({ settings, siteUrl, scope: { name: 'World', description: '' }, listing: paths.section('world'), articles })
 */
export function toFeed({ settings, siteUrl, scope, listing, articles }: FeedSource): Feed {
  const items = articles.map((article) => toFeedItem(article, siteUrl))
  const newest = Math.max(0, ...items.map((item) => item.updated.getTime()))
  return {
    title: scope ? `${settings.title} – ${scope.name}` : settings.title,
    description: scope
      ? scope.description || `The latest articles of ${scope.name} from ${settings.title}.`
      : settings.description,
    language: settings.language,
    site: { name: settings.title, url: absoluteUrl(siteUrl, paths.home()) },
    homeUrl: absoluteUrl(siteUrl, listing),
    urls: Object.fromEntries(FEED_FORMATS.map((f) => [f, absoluteUrl(siteUrl, paths.feed(f, listing))])) as Record<FeedFormat, string>,
    updated: new Date(newest),
    items,
  }
}

function toFeedItem(article: Article, siteUrl: string): FeedItem {
  const hero = article.hero
  return {
    url: absoluteUrl(siteUrl, paths.article(article.slug)),
    title: article.headline,
    summary: article.dek || excerpt(article.body.html),
    html: article.body.html,
    // Public articles always have a publication time; createdAt only keeps the type honest.
    published: article.publishedAt ?? article.createdAt,
    updated: article.updatedAt,
    language: article.language,
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(siteUrl, paths.author(a.slug)) })),
    categories: [...(article.section ? [article.section.name] : []), ...article.tags.map((t) => t.name)],
    image: hero && {
      url: pictureUrl(siteUrl, hero.picture),
      type: hero.picture.mimeType,
      width: hero.picture.width,
      height: hero.picture.height,
      alt: hero.alt,
    },
  }
}
