import { z } from 'zod'
import { ARTICLE_STATUSES, ArticleInput, type Article, type ArticleSummary } from '../../content/articles/article.js'

/** An article's content as the API accepts it: the article input without its publication state (a workflow action). */
export const ArticleCreateBody = ArticleInput.omit({ status: true, publishedAt: true, sourceKey: true })
  .describe('A new draft. Without authorIds, a staff member writes under their own byline; an integration under none.')

/** A change to an article: any content fields, and the version the change was based on. */
export const ArticleUpdateBody = z.object({
  baseVersion: z.number().int().min(1).describe('The version the change is based on (`version` when the article was read); another save since then is a 409 conflict.'),
  headline: ArticleInput.shape.headline.optional(),
  dek: z.string().trim().max(1000).optional(),
  slug: ArticleInput.shape.slug,
  body: ArticleInput.shape.body.optional(),
  hero: ArticleInput.shape.hero.unwrap().nullable().optional(),
  sectionId: z.string().nullable().optional(),
  tagIds: z.array(z.string()).optional(),
  authorIds: z.array(z.string()).optional(),
}).describe('Fields left out keep their stored values.')

export const ScheduleBody = z.object({
  publishAt: z.iso.datetime({ offset: true, message: 'give a date and time such as 2026-07-01T06:00:00Z' })
    .describe('When to publish (ISO 8601, with a time zone offset or Z); must be in the future.'),
  confirmNoAlt: z.boolean().default(false).describe('Schedule even though the hero picture has no alt text.'),
})

export const PublishBody = z.object({
  confirmNoAlt: z.boolean().default(false).describe('Publish even though the hero picture has no alt text.'),
})

export const IdParams = z.object({ id: z.string().min(1).max(100) })

export const ArticleListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  section: z.string().max(191).optional().describe("A section's slug."),
  tag: z.string().max(191).optional().describe("A tag's slug."),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

const Ref = z.object({ id: z.string(), slug: z.string(), name: z.string() })

export const ArticleSummaryJson = z.object({
  id: z.string(),
  slug: z.string(),
  headline: z.string(),
  dek: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  kind: z.enum(['post', 'page']),
  featured: z.boolean(),
  section: Ref.nullable(),
  tags: z.array(Ref),
  authors: z.array(Ref),
  hero: z.object({ pictureId: z.string(), alt: z.string(), caption: z.string(), credit: z.string() }).nullable(),
  language: z.string(),
  canonicalUrl: z.string().nullable(),
  wordCount: z.number().int(),
  readingMinutes: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  review: z.enum(['submitted', 'returned']).nullable(),
})

export const ArticleJson = ArticleSummaryJson.extend({
  body: z.object({ format: z.string(), source: z.string(), html: z.string() }),
})

export const ArticleListJson = z.object({
  articles: z.array(ArticleSummaryJson),
  meta: z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int(), pages: z.number().int() }),
})

export const ArticleResponse = z.object({ article: ArticleJson })
export const ArticleSummaryResponse = z.object({ article: ArticleSummaryJson })

/** @example toArticleSummaryJson(summary).publishedAt // '2026-06-01T12:00:00.000Z' or null */
export function toArticleSummaryJson(a: ArticleSummary): z.infer<typeof ArticleSummaryJson> {
  return {
    id: a.id, slug: a.slug, headline: a.headline, dek: a.dek, status: a.status, kind: a.kind, featured: a.featured,
    section: a.section && { id: a.section.id, slug: a.section.slug, name: a.section.name },
    tags: a.tags.map(({ id, slug, name }) => ({ id, slug, name })),
    authors: a.authors.map(({ id, slug, name }) => ({ id, slug, name })),
    hero: a.hero && { pictureId: a.hero.picture.id, alt: a.hero.alt, caption: a.hero.caption, credit: a.hero.credit },
    language: a.language, canonicalUrl: a.canonicalUrl, wordCount: a.wordCount, readingMinutes: a.readingMinutes,
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), publishedAt: a.publishedAt?.toISOString() ?? null,
    version: a.version, review: a.workflow.reviewState,
  }
}

/** @example toArticleJson(article).body.html */
export function toArticleJson(a: Article): z.infer<typeof ArticleJson> {
  return { ...toArticleSummaryJson(a), body: { format: a.body.format, source: a.body.source, html: a.body.html } }
}
