import type { Compilable, QueryResult, Selectable } from 'kysely'
import { runCompiledOnce, runForIds } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import type { ArticleTable, MediaTable } from '../../storage/schema.js'
import type { BodyFormat } from '../body/render-body.js'
import { PictureVariants, type Picture } from '../media/picture.js'
import type { PersonRef, SectionRef, TagRef } from '../taxonomy.js'
import type { Article, ArticleKind, ArticleStatus, ArticleSummary, ReviewState } from './article.js'
import { listedCount, listedIds, listKeyOf, type ArticleScope } from './article-listings.js'

export type { ArticleScope } from './article-listings.js'

type ArticleRow = Selectable<ArticleTable>
type SummaryRow = Omit<ArticleRow, 'bodyFormat' | 'bodySource' | 'bodyHtml' | 'bodyText'>

const SUMMARY_COLUMNS = [
  'id', 'slug', 'headline', 'dek', 'wordCount', 'imageCount', 'readingMinutes', 'heroMediaId', 'heroAlt', 'heroCaption',
  'heroCredit', 'status', 'sectionId', 'language', 'canonicalUrl', 'sourceKey', 'createdAt', 'updatedAt', 'publishedAt', 'kind', 'featured',
  'version', 'ownerId', 'reviewState', 'reviewNote', 'trashedAt',
] as const satisfies readonly (keyof SummaryRow)[]

/**
 * A scheduled article is public once its time has come, even if no scheduler has run yet:
 * readers never depend on a background job being up.
 */
export const PUBLIC_STATUSES: ArticleStatus[] = ['published', 'scheduled']

export interface Page<T> {
  items: T[]
  total: number
  page: number
  perPage: number
  pages: number
}

/**
 * Published articles whose time has come, newest first, one page of them: read from the kept
 * lists (see article-listings.ts), so a page costs the same on page 1 and page 500, in a list of
 * ten articles or of a million.
 * @example const { items, pages } = await listPublicArticles(db, { kind: 'all' }, { page: 1, perPage: 12, now })
 */
export async function listPublicArticles(
  db: Db, scope: ArticleScope, { page, perPage, now }: { page: number; perPage: number; now: Date },
): Promise<Page<ArticleSummary>> {
  const key = listKeyOf(scope)
  const [total, ids] = await Promise.all([
    listedCount(db, key, now),
    listedIds(db, key, { limit: perPage, offset: (page - 1) * perPage, now }),
  ])
  const items = await findArticleSummaries(db, ids)
  return { items, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) }
}

/**
 * The newest public articles of a scope with their bodies, for feeds: one query for the page of
 * the list, one for the articles and four for their relations, however many there are.
 * @example const latest = await listPublicArticlesWithBodies(db, { kind: 'tag', tagId }, { limit: 20, now })
 */
export async function listPublicArticlesWithBodies(
  db: Db, scope: ArticleScope, { limit, now }: { limit: number; now: Date },
): Promise<Article[]> {
  const ids = await listedIds(db, listKeyOf(scope), { limit, offset: 0, now })
  if (ids.length === 0) return []
  const rows = await db.selectFrom('articles').selectAll().where('id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return withBodies(db, ids.flatMap((id) => byId.get(id) ?? []))
}

/** The article at `slug` if a reader may see it now. */
export async function findPublicArticleBySlug(db: Db, slug: string, now: Date): Promise<Article | undefined> {
  // Asked on every article page: compiled once (see runCompiledOnce), as are the queries of withRelations.
  const publishedBy = now.toISOString()
  const { rows: [row] } = await runCompiledOnce(db, 'public article by slug', [slug, ...PUBLIC_STATUSES, publishedBy], () => db.selectFrom('articles').selectAll()
    .where('slug', '=', slug).where('status', 'in', PUBLIC_STATUSES).where('publishedAt', '<=', publishedBy))
  return row ? (await withBodies(db, [row]))[0] : undefined
}

/** Any article by id, whatever its status. */
export async function findArticleById(db: Db, id: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await withBodies(db, [row]))[0] : undefined
}

/**
 * Summaries of the articles with these ids, in the order given; ids that match nothing are left out.
 * Says nothing about visibility: the caller has already chosen which articles to show.
 * @example const [first] = await findArticleSummaries(db, ['6744a1f0c3b2e19f8a7d5e21'])
 */
export async function findArticleSummaries(db: Db, ids: string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return []
  const { rows } = await runForIds(db, `article summaries × ${ids.length}`, ids, () => db.selectFrom('articles as a')
    .select(SUMMARY_COLUMNS.map((c) => `a.${c}` as const)).where('a.id', 'in', ids))
  const byId = new Map((await withRelations(db, rows)).map((s) => [s.id, s]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function findArticleIdBySourceKey(db: Db, sourceKey: string): Promise<string | undefined> {
  return (await db.selectFrom('articles').select('id').where('sourceKey', '=', sourceKey).executeTakeFirst())?.id
}

export async function isSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  // Asked for every article written (an import writes 100,000): compiled once.
  const { rows } = exceptId
    ? await runCompiledOnce(db, 'slug taken except', [slug, exceptId], () => db.selectFrom('articles').select('id').where('slug', '=', slug).where('id', '!=', exceptId))
    : await runCompiledOnce(db, 'slug taken', [slug], () => db.selectFrom('articles').select('id').where('slug', '=', slug))
  return rows.length > 0
}

export async function countArticles(db: Db): Promise<number> {
  return Number((await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
}

async function withBodies(db: Db, rows: ArticleRow[]): Promise<Article[]> {
  const summaries = await withRelations(db, rows)
  return summaries.map((summary, i) => {
    const row = rows[i]!
    return { ...summary, body: { format: row.bodyFormat as BodyFormat, source: row.bodySource, html: row.bodyHtml } }
  })
}

/** Loads sections, tags, authors and hero pictures for many articles in four queries, not 4×N. */
async function withRelations(db: Db, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const sectionIds = unique(rows.map((r) => r.sectionId))
  const mediaIds = unique(rows.map((r) => r.heroMediaId))
  // Four queries per page of a list or per article: each compiled once per number of ids (see runCompiledOnce).
  const rowsOf = <R>(result: Promise<{ rows: R[] }>): Promise<R[]> => result.then((r) => r.rows)
  const [sections, tags, authors, media] = await Promise.all([
    sectionIds.length ? rowsOf(runForIds(db, `sections by id × ${sectionIds.length}`, sectionIds, () => db.selectFrom('sections')
      .select(['id', 'slug', 'name']).where('id', 'in', sectionIds))) : [],
    rowsOf(runForIds(db, `tags of articles × ${ids.length}`, ids, () => db.selectFrom('articleTags as at').innerJoin('tags as t', 't.id', 'at.tagId')
      .select(['at.articleId', 't.id', 't.slug', 't.name']).where('at.articleId', 'in', ids).orderBy('at.position'))),
    rowsOf(runForIds(db, `authors of articles × ${ids.length}`, ids, () => db.selectFrom('articleAuthors as aa').innerJoin('people as p', 'p.id', 'aa.personId')
      .select(['aa.articleId', 'p.id', 'p.slug', 'p.name']).where('aa.articleId', 'in', ids).orderBy('aa.position'))),
    mediaIds.length ? rowsOf(runForIds(db, `media by id × ${mediaIds.length}`, mediaIds, () => db.selectFrom('media').selectAll().where('id', 'in', mediaIds))) : [],
  ])
  const sectionById = new Map(sections.map((s) => [s.id, s]))
  const pictureById = new Map(media.map((m) => [m.id, toPicture(m)]))
  const tagsByArticle = groupBy(tags, (t) => t.articleId, ({ id, slug, name }): TagRef => ({ id, slug, name }))
  const authorsByArticle = groupBy(authors, (a) => a.articleId, ({ id, slug, name }): PersonRef => ({ id, slug, name }))
  return rows.map((row) => toSummary(row, {
    section: row.sectionId ? sectionById.get(row.sectionId) ?? null : null,
    picture: row.heroMediaId ? pictureById.get(row.heroMediaId) ?? null : null,
    tags: tagsByArticle.get(row.id) ?? [],
    authors: authorsByArticle.get(row.id) ?? [],
  }))
}

function toSummary(
  row: SummaryRow,
  related: { section: SectionRef | null; picture: Picture | null; tags: TagRef[]; authors: PersonRef[] },
): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    wordCount: row.wordCount,
    readingMinutes: row.readingMinutes,
    hero: related.picture
      ? { picture: related.picture, alt: row.heroAlt, caption: row.heroCaption, credit: row.heroCredit }
      : null,
    status: row.status as ArticleStatus,
    kind: row.kind as ArticleKind,
    featured: row.featured === 1,
    section: related.section,
    tags: related.tags,
    authors: related.authors,
    language: row.language,
    canonicalUrl: row.canonicalUrl,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    version: row.version,
    workflow: {
      ownerId: row.ownerId,
      reviewState: row.reviewState as ReviewState | null,
      reviewNote: row.reviewNote,
      trashedAt: row.trashedAt ? new Date(row.trashedAt) : null,
    },
  }
}

export function toPicture(row: Pick<Selectable<MediaTable>, 'id' | 'storageKey' | 'mimeType' | 'width' | 'height' | 'variants' | 'alt' | 'remoteUrl'>): Picture {
  return {
    id: row.id,
    key: row.storageKey,
    mimeType: row.mimeType,
    width: row.width,
    height: row.height,
    variants: PictureVariants.parse(JSON.parse(row.variants)),
    alt: row.alt,
    remoteUrl: row.remoteUrl,
  }
}


function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))]
}

function groupBy<T, K, V>(items: T[], key: (item: T) => K, map: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>()
  for (const item of items) {
    const list = groups.get(key(item)) ?? []
    list.push(map(item))
    groups.set(key(item), list)
  }
  return groups
}
