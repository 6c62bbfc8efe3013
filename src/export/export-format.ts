import { z } from 'zod'
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../content/articles/article.js'
import { CORRECTION_KINDS, CORRECTION_TEXT_MAX } from '../content/corrections/correction.js'
import { BODY_FORMATS } from '../content/body/render-body.js'
import { checkDocSource } from '../content/body/check-doc-source.js'
import { PictureVariants } from '../content/media/picture.js'
import { isValidFileKey } from '../storage/files/file-store.js'

/**
 * The version this Masthead writes, and the newest it reads. New optional fields keep the
 * version; an incompatible change raises it, and importers keep reading every older version.
 * The format is documented field by field in docs/export-format.md.
 */
export const EXPORT_VERSION = 1

/** The file inside an export folder or tar that holds everything but the media bytes. */
export const SITE_JSON = 'site.json'
/** The folder beside site.json holding the stored picture files, by their storage keys. */
export const MEDIA_FOLDER = 'media'

const IsoTime = z.iso.datetime({ message: 'must be an ISO-8601 UTC time such as 2026-06-01T12:00:00.000Z' })
  // Times compare as text (ADR 0001): keep exactly the shape Date.toISOString() writes.
  .refine((t) => new Date(t).toISOString() === t, 'must be written as Date.toISOString() does (…:00.000Z)')
const Id = z.string().min(1).max(64)
// Slugs are taken as the database held them: an export must restore whatever the site had.
const Slug = z.string().min(1).max(191)
const FileKey = z.string().refine(isValidFileKey, 'must be a relative storage key such as pictures/<id>/original.jpg')
const Count = z.number().int().min(0)

export const ExportHeader = z.object({
  version: z.number().int().min(1).max(EXPORT_VERSION, `this Masthead reads export versions up to ${EXPORT_VERSION}: upgrade Masthead to import it`),
  exported_at: IsoTime,
  generator: z.string(),
})

export const ExportSection = z.object({
  id: Id, slug: Slug, name: z.string().min(1), description: z.string(), position: z.number().int(), created_at: IsoTime,
})
export const ExportTag = z.object({ id: Id, slug: Slug, name: z.string().min(1), description: z.string(), created_at: IsoTime })
export const ExportPerson = z.object({ id: Id, slug: Slug, name: z.string().min(1), bio: z.string(), created_at: IsoTime })

export const ExportMedia = z.object({
  id: Id,
  storage_key: FileKey,
  mime_type: z.string().min(1),
  width: Count,
  height: Count,
  bytes: Count,
  sha256: z.string().regex(/^([0-9a-f]{64})?$/, 'must be 64 lower-case hex digits, or empty'),
  variants: PictureVariants.refine((vs) => vs.every((v) => isValidFileKey(v.key)), 'every variant key must be a relative storage key'),
  alt: z.string(),
  created_at: IsoTime,
  remote_url: z.url({ protocol: /^https?$/ }).nullable(),
  // Added without a version change: exports written before the media library lack them.
  original_name: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
})

export const ExportArticle = z.object({
  id: Id,
  slug: Slug,
  kind: z.enum(ARTICLE_KINDS),
  status: z.enum(ARTICLE_STATUSES),
  /** Added after version 1 without raising it: older exports have no featured articles. */
  featured: z.boolean().optional(),
  headline: z.string().min(1, 'a headline is required'),
  dek: z.string(),
  body: z.object({
    format: z.enum(BODY_FORMATS),
    source: z.string(),
    /** Optional in the format: when left out, the body is rendered from its source on import. */
    html: z.string().optional(),
    text: z.string().optional(),
  }).superRefine(checkDocSource),
  word_count: Count.optional(),
  image_count: Count.optional(),
  reading_minutes: z.number().int().min(1).optional(),
  hero_media_id: Id.nullable(),
  hero_alt: z.string(),
  hero_caption: z.string(),
  hero_credit: z.string(),
  section_id: Id.nullable(),
  tag_ids: z.array(Id),
  author_ids: z.array(Id),
  language: z.string().min(1),
  canonical_url: z.string().nullable(),
  source_key: z.string().min(1).nullable(),
  created_at: IsoTime,
  updated_at: IsoTime,
  published_at: IsoTime.nullable(),
  /** Optional in the format (exports before revisions had none): 1 when left out. */
  version: z.number().int().min(1).optional(),
})

export const ExportRedirect = z.object({ from_path: z.string().startsWith('/'), article_id: Id, created_at: IsoTime })

export const ExportCorrection = z.object({
  id: Id,
  article_id: Id,
  kind: z.enum(CORRECTION_KINDS),
  text: z.string().min(1).max(CORRECTION_TEXT_MAX),
  noted_at: IsoTime,
  created_by: z.string().nullable(),
})

/** One saved state of an article. Its section, tag, author and picture ids may name records deleted since. */
export const ExportRevision = z.object({
  id: Id,
  article_id: Id,
  version: z.number().int().min(1),
  saved_at: IsoTime,
  saved_by: z.string().nullable(),
  restored_from: z.number().int().min(1).nullable(),
  headline: z.string().min(1),
  dek: z.string(),
  slug: Slug,
  kind: z.enum(ARTICLE_KINDS),
  status: z.enum(ARTICLE_STATUSES),
  published_at: IsoTime.nullable(),
  body: z.object({ format: z.enum(BODY_FORMATS), source: z.string() }),
  word_count: Count,
  hero_media_id: Id.nullable(),
  hero_alt: z.string(),
  hero_caption: z.string(),
  hero_credit: z.string(),
  section_id: Id.nullable(),
  tag_ids: z.array(Id),
  author_ids: z.array(Id),
  language: z.string().min(1),
  canonical_url: z.string().nullable(),
})

/** A whole site.json. Unknown fields are ignored, so newer optional fields do not break older readers. */
export const ExportFile = z.object({
  masthead_export: ExportHeader,
  settings: z.record(z.string(), z.string()),
  sections: z.array(ExportSection),
  tags: z.array(ExportTag),
  people: z.array(ExportPerson),
  media: z.array(ExportMedia),
  articles: z.array(ExportArticle),
  redirects: z.array(ExportRedirect),
  // Added after version 1 was released, so optional: an older export has none.
  corrections: z.array(ExportCorrection).default([]),
  revisions: z.array(ExportRevision).default([]),
})

export type ExportHeader = z.infer<typeof ExportHeader>
export type ExportSection = z.infer<typeof ExportSection>
export type ExportTag = z.infer<typeof ExportTag>
export type ExportPerson = z.infer<typeof ExportPerson>
export type ExportMedia = z.infer<typeof ExportMedia>
export type ExportArticle = z.infer<typeof ExportArticle>
export type ExportRedirect = z.infer<typeof ExportRedirect>
export type ExportCorrection = z.infer<typeof ExportCorrection>
export type ExportRevision = z.infer<typeof ExportRevision>
export type ExportFile = z.infer<typeof ExportFile>

/**
 * Settings that are bookkeeping of one database rather than content: not exported, and set
 * afresh by a restore (the last-change time becomes the restore's time).
 */
export const LOCAL_SETTINGS = ['content_changed_at', 'content_version'] as const
