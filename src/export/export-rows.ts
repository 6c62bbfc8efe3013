import type { Insertable, Selectable } from 'kysely'
import { PictureVariants } from '../content/media/picture.js'
import type {
  ArticleCorrectionTable, ArticleRevisionTable, ArticleTable, MediaTable, PersonTable, RedirectTable, SectionTable, TagTable,
} from '../storage/schema.js'
import type {
  ExportArticle, ExportCorrection, ExportMedia, ExportPerson, ExportRedirect, ExportRevision, ExportSection, ExportTag,
} from './export-format.js'

/*
 * One mapper each way per table: rows become export records with every column, and records
 * become rows again unchanged. Exact restore depends on these being inverses.
 */

/** @example toExportSection(row) // { id, slug, name, description, position, created_at } */
export const toExportSection = (r: Selectable<SectionTable>): ExportSection =>
  ({ id: r.id, slug: r.slug, name: r.name, description: r.description, position: r.position, created_at: r.createdAt })

export const fromExportSection = (s: ExportSection): Insertable<SectionTable> =>
  ({ id: s.id, slug: s.slug, name: s.name, description: s.description, position: s.position, createdAt: s.created_at })

/** @example toExportTag(row) // { id, slug, name, description, created_at } */
export const toExportTag = (r: Selectable<TagTable>): ExportTag =>
  ({ id: r.id, slug: r.slug, name: r.name, description: r.description, created_at: r.createdAt })

export const fromExportTag = (t: ExportTag): Insertable<TagTable> =>
  ({ id: t.id, slug: t.slug, name: t.name, description: t.description, createdAt: t.created_at })

/** @example toExportPerson(row) // { id, slug, name, bio, created_at } */
export const toExportPerson = (r: Selectable<PersonTable>): ExportPerson =>
  ({ id: r.id, slug: r.slug, name: r.name, bio: r.bio, created_at: r.createdAt })

export const fromExportPerson = (p: ExportPerson): Insertable<PersonTable> =>
  ({ id: p.id, slug: p.slug, name: p.name, bio: p.bio, createdAt: p.created_at })

/** @example toExportMedia(row).variants // [{ width: 800, height: 450, format: 'webp', key: 'pictures/…/800.webp' }] */
export const toExportMedia = (r: Selectable<MediaTable>): ExportMedia => ({
  id: r.id, storage_key: r.storageKey, mime_type: r.mimeType, width: r.width, height: r.height, bytes: r.bytes, sha256: r.sha256,
  variants: PictureVariants.parse(JSON.parse(r.variants)), alt: r.alt, created_at: r.createdAt, remote_url: r.remoteUrl,
  original_name: r.originalName, caption: r.caption, credit: r.credit,
})

export const fromExportMedia = (m: ExportMedia): Insertable<MediaTable> => ({
  id: m.id, storageKey: m.storage_key, mimeType: m.mime_type, width: m.width, height: m.height, bytes: m.bytes, sha256: m.sha256,
  variants: JSON.stringify(m.variants), alt: m.alt, createdAt: m.created_at, remoteUrl: m.remote_url,
  originalName: m.original_name, caption: m.caption, credit: m.credit,
})

/**
 * An article row with its tag and author ids, in their order.
 * @example toExportArticle(row, ['tag id'], ['person id']).body.format // 'markdown'
 */
export const toExportArticle = (r: Selectable<ArticleTable>, tagIds: string[], authorIds: string[]): ExportArticle => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as ExportArticle['kind'],
  status: r.status as ExportArticle['status'],
  featured: r.featured === 1,
  headline: r.headline,
  dek: r.dek,
  body: { format: r.bodyFormat as ExportArticle['body']['format'], source: r.bodySource, html: r.bodyHtml, text: r.bodyText },
  word_count: r.wordCount,
  image_count: r.imageCount,
  reading_minutes: r.readingMinutes,
  hero_media_id: r.heroMediaId,
  hero_alt: r.heroAlt,
  hero_caption: r.heroCaption,
  hero_credit: r.heroCredit,
  section_id: r.sectionId,
  tag_ids: tagIds,
  author_ids: authorIds,
  language: r.language,
  canonical_url: r.canonicalUrl,
  source_key: r.sourceKey,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
  published_at: r.publishedAt,
  version: r.version,
})

/** What rendering the body gives; a restore computes it rather than trusting the file's HTML. */
export interface RenderedFields {
  html: string
  text: string
  wordCount: number
  imageCount: number
  readingMinutes: number
}

export const fromExportArticle = (a: ExportArticle, body: RenderedFields): Insertable<ArticleTable> => ({
  id: a.id,
  slug: a.slug,
  kind: a.kind,
  status: a.status,
  featured: a.featured ? 1 : 0,
  headline: a.headline,
  dek: a.dek,
  bodyFormat: a.body.format,
  bodySource: a.body.source,
  bodyHtml: body.html,
  bodyText: body.text,
  wordCount: body.wordCount,
  imageCount: body.imageCount,
  readingMinutes: body.readingMinutes,
  heroMediaId: a.hero_media_id,
  heroAlt: a.hero_alt,
  heroCaption: a.hero_caption,
  heroCredit: a.hero_credit,
  sectionId: a.section_id,
  language: a.language,
  canonicalUrl: a.canonical_url,
  sourceKey: a.source_key,
  createdAt: a.created_at,
  updatedAt: a.updated_at,
  publishedAt: a.published_at,
  version: a.version ?? 1,
})

/** @example toExportRedirect(row) // { from_path: '/?p=12', article_id, created_at } */
export const toExportRedirect = (r: Selectable<RedirectTable>): ExportRedirect =>
  ({ from_path: r.fromPath, article_id: r.articleId, created_at: r.createdAt })

export const fromExportRedirect = (r: ExportRedirect): Insertable<RedirectTable> =>
  ({ fromPath: r.from_path, articleId: r.article_id, createdAt: r.created_at })

/** @example toExportCorrection(row) // { id, article_id, kind: 'correction', text, noted_at, created_by } */
export const toExportCorrection = (r: Selectable<ArticleCorrectionTable>): ExportCorrection => ({
  id: r.id, article_id: r.articleId, kind: r.kind as ExportCorrection['kind'], text: r.text, noted_at: r.notedAt, created_by: r.createdBy,
})

export const fromExportCorrection = (c: ExportCorrection): Insertable<ArticleCorrectionTable> => ({
  id: c.id, articleId: c.article_id, kind: c.kind, text: c.text, notedAt: c.noted_at, createdBy: c.created_by,
})

/** @example toExportRevision(row).tag_ids // ['tag id', …], parsed from the row's JSON */
export const toExportRevision = (r: Selectable<ArticleRevisionTable>): ExportRevision => ({
  id: r.id,
  article_id: r.articleId,
  version: r.version,
  saved_at: r.savedAt,
  saved_by: r.savedBy,
  restored_from: r.restoredFrom,
  headline: r.headline,
  dek: r.dek,
  slug: r.slug,
  kind: r.kind as ExportRevision['kind'],
  status: r.status as ExportRevision['status'],
  published_at: r.publishedAt,
  body: { format: r.bodyFormat as ExportRevision['body']['format'], source: r.bodySource },
  word_count: r.wordCount,
  hero_media_id: r.heroMediaId,
  hero_alt: r.heroAlt,
  hero_caption: r.heroCaption,
  hero_credit: r.heroCredit,
  section_id: r.sectionId,
  tag_ids: JSON.parse(r.tagIds) as string[],
  author_ids: JSON.parse(r.authorIds) as string[],
  language: r.language,
  canonical_url: r.canonicalUrl,
})

export const fromExportRevision = (r: ExportRevision): Insertable<ArticleRevisionTable> => ({
  id: r.id,
  articleId: r.article_id,
  version: r.version,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
  restoredFrom: r.restored_from,
  headline: r.headline,
  dek: r.dek,
  slug: r.slug,
  kind: r.kind,
  status: r.status,
  publishedAt: r.published_at,
  bodyFormat: r.body.format,
  bodySource: r.body.source,
  wordCount: r.word_count,
  heroMediaId: r.hero_media_id,
  heroAlt: r.hero_alt,
  heroCaption: r.hero_caption,
  heroCredit: r.hero_credit,
  sectionId: r.section_id,
  tagIds: JSON.stringify(r.tag_ids),
  authorIds: JSON.stringify(r.author_ids),
  language: r.language,
  canonicalUrl: r.canonical_url,
})
