import type { Article } from '../../content/articles/article.js'
import type { Correction } from '../../content/corrections/correction.js'
import { absoluteUrl, paths, pictureUrl } from '../../http/paths.js'
import type { SiteView } from '../site-view.js'
import { JsonLd } from './json-ld.js'
import { publisherJsonLd } from './publisher.js'
import { sharePicture } from './share-picture.js'

/** Google shows at most 110 characters of a NewsArticle headline. */
export const JSON_LD_HEADLINE_MAX = 110

/**
 * Cuts text to at most `max` characters at a word boundary, adding an ellipsis when cut.
 * @example clip('A long headline here', 12) // 'A long…'
 */
export function clip(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const cut = chars.slice(0, max - 1).join('')
  const endsAtWord = /\s/.test(chars[max - 1]!)
  const space = cut.lastIndexOf(' ')
  return `${(endsAtWord || space <= max / 2 ? cut : cut.slice(0, space)).replace(/[\s,;:.–—-]+$/u, '')}…`
}

/**
 * When the article last changed for readers: its last save, or a later correction or update note.
 * @example lastModified(article, notes).toISOString()
 */
export function lastModified(article: Pick<Article, 'updatedAt'>, notes: Correction[]): Date {
  return new Date(Math.max(article.updatedAt.getTime(), ...notes.map((n) => n.notedAt.getTime())))
}

/**
 * The schema.org NewsArticle for an article page. Corrections become `CorrectionComment`s;
 * update notes are not corrections, and only move `dateModified`.
 */
export function newsArticleJsonLd(article: Article, site: SiteView, canonical: string, description: string, notes: Correction[] = []): Record<string, unknown> {
  const picture = article.hero && sharePicture(article.hero.picture)
  const corrections = notes.filter((n) => n.kind === 'correction')
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: clip(article.headline, JSON_LD_HEADLINE_MAX),
    description,
    ...(picture && {
      image: [{ '@type': 'ImageObject', url: pictureUrl(site.siteUrl, picture), ...(picture.width > 0 && { width: picture.width, height: picture.height }) }],
    }),
    ...(article.publishedAt && { datePublished: article.publishedAt.toISOString() }),
    dateModified: lastModified(article, notes).toISOString(),
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(site.siteUrl, paths.author(a.slug)) })),
    publisher: publisherJsonLd(site),
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(article.section && { articleSection: article.section.name }),
    ...(article.tags.length > 0 && { keywords: article.tags.map((t) => t.name) }),
    inLanguage: article.language,
    wordCount: article.wordCount,
    ...(corrections.length > 0 && {
      correction: corrections.map((n) => ({ '@type': 'CorrectionComment', text: n.text, datePublished: n.notedAt.toISOString() })),
    }),
  }
}

/** Canonical link target, OpenGraph, Twitter card and JSON-LD for an article page's head. */
export function ArticleMetadata({ article, notes = [], site, canonical, description }: {
  article: Article; notes?: Correction[]; site: SiteView; canonical: string; description: string
}) {
  const picture = article.hero && sharePicture(article.hero.picture)
  const shareUrl = picture && pictureUrl(site.siteUrl, picture)
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={site.settings.title} />
      <meta property="og:title" content={article.headline} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={article.language.replace('-', '_')} />
      {picture && shareUrl && (
        <>
          <meta property="og:image" content={shareUrl} />
          <meta property="og:image:type" content={picture.type} />
          {picture.width > 0 && <meta property="og:image:width" content={String(picture.width)} />}
          {picture.height > 0 && <meta property="og:image:height" content={String(picture.height)} />}
          {article.hero?.alt && <meta property="og:image:alt" content={article.hero.alt} />}
        </>
      )}
      {article.publishedAt && <meta property="article:published_time" content={article.publishedAt.toISOString()} />}
      <meta property="article:modified_time" content={lastModified(article, notes).toISOString()} />
      {article.section && <meta property="article:section" content={article.section.name} />}
      {article.tags.map((t) => <meta property="article:tag" content={t.name} />)}
      {article.authors.map((a) => <meta property="article:author" content={absoluteUrl(site.siteUrl, paths.author(a.slug))} />)}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={article.headline} />
      <meta name="twitter:description" content={description} />
      {shareUrl && <meta name="twitter:image" content={shareUrl} />}
      {shareUrl && article.hero?.alt && <meta name="twitter:image:alt" content={article.hero.alt} />}
      <JsonLd data={newsArticleJsonLd(article, site, canonical, description, notes)} />
    </>
  )
}
