import { z } from 'zod'
import { err, ok, type Result } from '../../core/result.js'
import type { BodyFormat } from '../body/render-body.js'
import { BODY_FORMATS } from '../body/render-body.js'
import { checkDocSource } from '../body/check-doc-source.js'
import type { Picture } from '../media/picture.js'
import type { PersonRef, SectionRef, TagRef } from '../taxonomy.js'

export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

/** A post is news (listed, in feeds); a page stands alone (About, Contact, Corrections policy). */
export const ARTICLE_KINDS = ['post', 'page'] as const
export type ArticleKind = (typeof ARTICLE_KINDS)[number]

/** Where a draft is in review: waiting in the queue, or sent back with a note. */
export type ReviewState = 'submitted' | 'returned'

/** Who owns an article and where it is in the newsroom's workflow (admin only, never public). */
export interface ArticleWorkflow {
  /** The staff member who created it; null for imported articles. */
  ownerId: string | null
  reviewState: ReviewState | null
  reviewNote: string
  /** When it went to the trash (it is then a draft), or null. */
  trashedAt: Date | null
}

export interface Hero {
  picture: Picture
  alt: string
  caption: string
  credit: string
}

/** An article as lists show it: everything but the body. */
export interface ArticleSummary {
  id: string
  slug: string
  headline: string
  dek: string
  wordCount: number
  readingMinutes: number
  hero: Hero | null
  status: ArticleStatus
  kind: ArticleKind
  /** Singled out by the editors (Ghost's `featured`). */
  featured: boolean
  section: SectionRef | null
  tags: TagRef[]
  authors: PersonRef[]
  language: string
  canonicalUrl: string | null
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  /** Counts saves from 1; an edit names the version it started from (see `updateArticle`). */
  version: number
  workflow: ArticleWorkflow
}

export interface Article extends ArticleSummary {
  body: { format: BodyFormat; source: string; html: string }
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** What a caller gives to create or update an article; parsed at every boundary. */
export const ArticleInput = z.object({
  headline: z.string().trim().min(1, 'a headline is required').max(300, 'the headline is longer than 300 characters'),
  dek: z.string().trim().max(1000).default(''),
  slug: z.string().trim().min(1).max(191).optional(),
  body: z.object({
    format: z.enum(BODY_FORMATS),
    source: z.string().max(5_000_000, 'the body is longer than 5,000,000 characters'),
  }).superRefine(checkDocSource),
  hero: z.object({
    pictureId: z.string().min(1),
    alt: z.string().trim().max(1000).default(''),
    caption: z.string().trim().max(2000).default(''),
    credit: z.string().trim().max(300).default(''),
  }).nullable().default(null),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  kind: z.enum(ARTICLE_KINDS).default('post'),
  publishedAt: z.coerce.date().nullable().default(null),
  sectionId: z.string().nullable().default(null),
  tagIds: z.array(z.string()).default([]),
  authorIds: z.array(z.string()).default([]),
  language: z.string().regex(LANGUAGE_TAG, 'must be a language tag such as "en" or "pt-BR"').default('en'),
  canonicalUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
  sourceKey: z.string().min(1).max(500).nullable().default(null),
})
export type ArticleInput = z.input<typeof ArticleInput>
export type ValidArticleInput = z.output<typeof ArticleInput>

/**
 * Whether a reader may see the article now: published or scheduled, and its publication time
 * has come (a due scheduled article is public before any job marks it published).
 * @example isPublic(article, new Date())
 */
export function isPublic(article: Pick<ArticleSummary, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status !== 'draft' && article.publishedAt !== null && article.publishedAt <= now
}

/** Why a publication time cannot be stored: an issue with the `publishedAt` field. */
export interface PublicationIssue {
  type: 'invalid'
  issues: [{ field: 'publishedAt'; message: string }]
}

/**
 * The status and publication time to store for input replacing `existing` (if any). A new
 * schedule must lie in the future; but an editor saving a scheduled article whose time came while
 * they worked (so it is already public) keeps its time, and the article is stored as published.
 * A published article without a time is stamped `now`, or keeps the time it had.
 * @example choosePublication({ status: 'published', publishedAt: null }, undefined, now) // ok({ status: 'published', publishedAt: now })
 */
export function choosePublication(
  input: Pick<ValidArticleInput, 'status' | 'publishedAt'>,
  existing: Pick<ArticleSummary, 'status' | 'publishedAt'> | undefined,
  now: Date,
  { allowPastSchedule = false }: { allowPastSchedule?: boolean } = {},
): Result<{ status: ArticleStatus; publishedAt: Date | null }, PublicationIssue> {
  if (input.status === 'draft') return ok({ status: 'draft', publishedAt: input.publishedAt })
  const publishedAt = input.publishedAt ?? existing?.publishedAt ?? now
  if (input.status === 'published' || allowPastSchedule) return ok({ status: input.status, publishedAt })
  const invalid = (message: string) => err<PublicationIssue>({ type: 'invalid', issues: [{ field: 'publishedAt', message }] })
  if (!input.publishedAt) return invalid('a scheduled article needs a publication time')
  if (input.publishedAt > now) return ok({ status: 'scheduled', publishedAt })
  const keepsItsTime = existing !== undefined && existing.status !== 'draft' && existing.publishedAt?.getTime() === input.publishedAt.getTime()
  return keepsItsTime ? ok({ status: 'published', publishedAt }) : invalid('a scheduled publication time must be in the future')
}
