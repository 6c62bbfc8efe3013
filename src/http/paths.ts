/**
 * Every public URL path the site makes, in one place. These are contracts: links in the wild
 * point at them, so add new ones rather than change these.
 */
const segment = (value: string) => encodeURIComponent(value)

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const
export type FeedFormat = (typeof FEED_FORMATS)[number]

/** What each feed format adds to the path of the listing it follows (`/`, `/section/world/`, …). */
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss/', atom: 'atom/', json: 'feed.json' }

export const paths = {
  home: (page = 1) => (page > 1 ? `/page/${page}/` : '/'),
  article: (slug: string) => `/${segment(slug)}/`,
  section: (slug: string, page = 1) => `/section/${segment(slug)}/${page > 1 ? `page/${page}/` : ''}`,
  tag: (slug: string, page = 1) => `/tag/${segment(slug)}/${page > 1 ? `page/${page}/` : ''}`,
  author: (slug: string, page = 1) => `/author/${segment(slug)}/${page > 1 ? `page/${page}/` : ''}`,
  media: (key: string) => `/media/${key}`,
  /** A feed of the listing at `listing`, e.g. `paths.feed('rss', paths.section('world'))` is `/section/world/rss/`. */
  feed: (format: FeedFormat, listing = '/') => `${listing}${FEED_FILES[format]}`,
  /** The search page; empty parameters are left out. */
  search: (params: Record<string, string | number | undefined> = {}) => {
    const query = new URLSearchParams()
    for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value))
    const search = query.toString()
    return search ? `/search/?${search}` : '/search/'
  },
  searchSuggest: '/search/suggest',
}

/**
 * Where a picture (or one of its copies) is: its original address for a remote picture,
 * otherwise under /media/, made absolute on the site.
 * @example pictureUrl('https://news.example', { key: 'pictures/a/original.jpg', remoteUrl: null })
 */
export const pictureUrl = (siteUrl: string, picture: { key: string; remoteUrl: string | null }): string =>
  picture.remoteUrl ?? absoluteUrl(siteUrl, paths.media(picture.key))

/** An absolute URL on the public site. */
export const absoluteUrl = (siteUrl: string, path: string): string => siteUrl + path
