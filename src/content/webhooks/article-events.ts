import type { Db } from '../../storage/connect.js'
import { isPublic, type ArticleStatus, type ArticleSummary } from '../articles/article.js'
import { findArticleSummaries } from '../articles/article.repo.js'
import { emitEvent } from './emit-event.js'

/** An article as webhook payloads carry it: what a receiver needs to fetch or link it. */
export function toArticleEventData(article: ArticleSummary): Record<string, unknown> {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    kind: article.kind,
    status: article.status,
    language: article.language,
    section: article.section,
    tags: article.tags,
    authors: article.authors,
    created_at: article.createdAt.toISOString(),
    updated_at: article.updatedAt.toISOString(),
    published_at: article.publishedAt?.toISOString() ?? null,
  }
}

/** Just enough of an article's state, before and after a change, to name the event. */
export type PublicState = Pick<ArticleSummary, 'status' | 'publishedAt'>

/**
 * The event a change from `before` (undefined: a new article) to `after` makes, if any. Becoming
 * `published` while public is `article.published` (a due scheduled article is public before its
 * status says so, and is announced when its status turns: here, or by `publishDueArticles`);
 * leaving the site is `article.unpublished`; a change while public is `article.updated`. Changes
 * to drafts and future schedules tell nobody.
 * @example articleChangeEvent({ status: 'draft', publishedAt: null }, { status: 'published', publishedAt: now }, now) // 'article.published'
 */
export function articleChangeEvent(before: PublicState | undefined, after: PublicState, now: Date) {
  const was = before !== undefined && isPublic(before, now)
  const is = isPublic(after, now)
  if (was && !is) return 'article.unpublished' as const
  if (!is) return undefined
  if (after.status === 'published' && before?.status !== 'published') return 'article.published' as const
  return was ? 'article.updated' as const : undefined
}

/**
 * Queues the event (if any) for an article whose public state went from `before` to `after`,
 * reading its summary only when a webhook listens. Call it in the change's transaction.
 */
export async function emitArticleChange(
  db: Db, id: string, before: PublicState | undefined, after: { status: ArticleStatus | string; publishedAt: Date | null }, now: Date,
): Promise<void> {
  const event = articleChangeEvent(before, { status: after.status as ArticleStatus, publishedAt: after.publishedAt }, now)
  if (event) await emitArticleEvent(db, event, id, now)
}

/** Queues `event` with the article's current summary as data. */
export async function emitArticleEvent(
  db: Db, event: 'article.published' | 'article.updated' | 'article.unpublished', id: string, now: Date,
): Promise<void> {
  await emitEvent(db, event, async () => {
    const [article] = await findArticleSummaries(db, [id])
    return article ? toArticleEventData(article) : { id }
  }, now)
}
