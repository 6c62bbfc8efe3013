import { escapeXml } from '../xml.js'

export interface UrlEntry {
  loc: string
  lastmod?: Date | null
  images?: string[]
  news?: { publicationName: string; language: string; publishedAt: Date; title: string }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/**
 * A `<urlset>` with image and news entries where given.
 * @example urlset([{ loc: 'https://news.example/a/', lastmod: new Date() }])
 */
export function urlset(entries: UrlEntry[]): string {
  const hasImages = entries.some((e) => e.images?.length)
  const hasNews = entries.some((e) => e.news)
  const namespaces = `xmlns="${NS}"${hasImages ? ` xmlns:image="${IMAGE_NS}"` : ''}${hasNews ? ` xmlns:news="${NEWS_NS}"` : ''}`
  const parts = [XML_DECLARATION, `<urlset ${namespaces}>\n`]
  for (const entry of entries) {
    parts.push('<url><loc>', escapeXml(entry.loc), '</loc>')
    if (entry.lastmod) parts.push('<lastmod>', entry.lastmod.toISOString(), '</lastmod>')
    for (const image of entry.images ?? []) parts.push('<image:image><image:loc>', escapeXml(image), '</image:loc></image:image>')
    if (entry.news) {
      const n = entry.news
      parts.push(
        '<news:news><news:publication><news:name>', escapeXml(n.publicationName), '</news:name>',
        '<news:language>', escapeXml(n.language), '</news:language></news:publication>',
        '<news:publication_date>', n.publishedAt.toISOString(), '</news:publication_date>',
        '<news:title>', escapeXml(n.title), '</news:title></news:news>',
      )
    }
    parts.push('</url>\n')
  }
  parts.push('</urlset>\n')
  return parts.join('')
}

/** A `<sitemapindex>` naming each sitemap file. */
export function sitemapIndex(sitemaps: { loc: string; lastmod?: Date | null }[]): string {
  const items = sitemaps.map((s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod.toISOString()}</lastmod>` : ''}</sitemap>\n`)
  return `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${items.join('')}</sitemapindex>\n`
}

/**
 * The language code Google News expects: ISO 639 letters, except zh-cn and zh-tw.
 * @example newsLanguage('en-GB') // 'en'
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase()
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh') return 'zh-cn'
  if (lower === 'zh-tw' || lower === 'zh-hant') return 'zh-tw'
  return lower.split('-')[0]!
}
