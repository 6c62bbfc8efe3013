import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../storage/connect.js'
import { dialectOf } from '../../storage/connect.js'
import { PUBLIC_STATUSES, type Page } from '../articles/article.repo.js'
import type { SectionRef } from '../taxonomy.js'
import { runForIds } from '../../storage/compiled-once.js'
import { toHighlightParts, type HighlightPart } from './highlight-parts.js'
import { changeMarkerReader } from '../site-changes.js'
import { markHit } from './mark-hit.js'
import { filterConditions, type SearchFilters } from './search-filters.js'
import type { SearchQuery } from './search-query.js'
import { searchPostgres } from './search.postgres.js'

export type { SearchFilters } from './search-filters.js'

/** What a search result shows of an article: no tags, authors or picture, so none are read. */
export interface SearchedArticle {
  id: string
  slug: string
  headline: string
  dek: string
  section: SectionRef | null
  publishedAt: Date | null
}

export interface SearchHit {
  article: SearchedArticle
  headline: HighlightPart[]
  /** The best passage of the body (or the dek, when only it matched), matches highlighted. */
  snippet: HighlightPart[]
}

/**
 * How many matches are ranked by relevance (see docs/adr, "search ranks the newest matches"):
 * the newest `recent` word matches, and the newest `headlines` matches with every term in the
 * headline, however old. The other word matches follow them, newest first.
 */
export interface Candidates {
  recent: number
  headlines: number
}

export const CANDIDATES: Candidates = { recent: 200, headlines: 50 }

export interface SearchOptions {
  page: number
  perPage: number
  now: Date
  /** Tests make these small; the site uses CANDIDATES. */
  candidates?: Candidates
}

/** bm25 column weights: a term in the headline counts ten times one in the body, in the dek four. */
const WEIGHTS = sql`10.0, 4.0, 1.0`

/** One hit on the page: its doc (SQLite's index key), article, and tier (0 words, 1 substrings only). */
interface PageRow { doc: number; id: string; tier: number }

/**
 * Public articles matching `query`, one page of them, in this order:
 *
 * 1. the candidates: the newest `recent` word matches and the newest `headlines` matches with
 *    every term in the headline, ranked by relevance (bm25; a term in the headline weighs ten
 *    times one in the body, in the dek four), equal scores newest first;
 * 2. the other word matches, newest first;
 * 3. substring-only matches (CJK text, through the trigram index), ranked by relevance.
 *
 * `total` counts every match exactly. Scoring only the candidates bounds the work of a common
 * word: ten thousand matches cost a count and a few hundred scores, not ten thousand scores and
 * a sort. On SQLite "newest" among the candidates is the order articles entered the index (doc
 * ids are given as articles are created), which follows publication but for drafts kept long and
 * imports of older archives; the rest is in exact publication order. PostgreSQL (search.postgres.ts)
 * takes the newest by publication time.
 * @example const page = await searchArticles(db, query, { sectionSlug: 'world' }, { page: 1, perPage: 20, now })
 */
export async function searchArticles(db: Db, query: SearchQuery, filters: SearchFilters, options: SearchOptions): Promise<Page<SearchHit>> {
  const { page, perPage } = options
  const candidates = options.candidates ?? CANDIDATES
  const found = dialectOf(db) === 'postgres'
    ? await searchPostgres(db, query, filters, { ...options, candidates }, PUBLIC_STATUSES)
    : await searchSqlite(db, query, filters, { ...options, candidates })
  const articles = await hitArticles(db, found.rows.map((r) => r.id))
  const items = found.rows.flatMap(({ id, tier }): SearchHit[] => {
    const read = articles.get(id)
    if (!read) return []
    const { body, ...article } = read
    const marked = markHit({ headline: article.headline, dek: article.dek, body }, query.terms, tier === 0 ? 'words' : 'substrings')
    return [{ article, headline: toHighlightParts(marked.headline), snippet: toHighlightParts(marked.snippet) }]
  })
  return { items, total: found.total, page, perPage, pages: Math.max(1, Math.ceil(found.total / perPage)) }
}

/**
 * The articles of the page's hits with their searched text (headline, dek and visible body, to
 * highlight), in one query: what a result shows needs no tags, authors or pictures.
 */
async function hitArticles(db: Db, ids: string[]): Promise<Map<string, SearchedArticle & { body: string }>> {
  if (ids.length === 0) return new Map()
  const { rows } = await runForIds(db, `search hits × ${ids.length}`, ids, () => db.selectFrom('articles as a')
    .leftJoin('sections as s', 's.id', 'a.sectionId')
    .select(['a.id', 'a.slug', 'a.headline', 'a.dek', 'a.bodyText', 'a.publishedAt', 's.id as sectionId', 's.slug as sectionSlug', 's.name as sectionName'])
    .where('a.id', 'in', ids))
  return new Map(rows.map((r) => [r.id, {
    id: r.id, slug: r.slug, headline: r.headline, dek: r.dek, body: r.bodyText,
    section: r.sectionId !== null && r.sectionSlug !== null && r.sectionName !== null ? { id: r.sectionId, slug: r.sectionSlug, name: r.sectionName } : null,
    publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
  }]))
}

type Table = 'article_search' | 'article_search_trigram'

/** SQLite: the page's hits and the exact total, from the FTS5 tables of migration 0002. */
async function searchSqlite(
  db: Db, query: SearchQuery, filters: SearchFilters, { page, perPage, now, candidates }: Required<SearchOptions>,
): Promise<{ rows: PageRow[]; total: number }> {
  const offset = (page - 1) * perPage
  const hidden = await notYetVisible(db, filters, now)
  const matching = (table: Table, match: string, also: RawBuilder<unknown>, withDocs: boolean) =>
    matchingSql(table, match, filters, now, hidden, also, withDocs)
  const words = (match: string, also: RawBuilder<unknown> = sql``, withDocs = false) => matching('article_search', match, also, withDocs)
  // 1. The candidates, ranked. When fewer than `recent` match, they are every match: nothing to count.
  const { ranked, everyMatch } = await rankCandidates(db, query, candidates, words)
  const wordTotal = everyMatch ? ranked.length : await count(db, words(query.words))
  const substringsOnly = query.substrings
    ? matching('article_search_trigram', query.substrings,
      sql`and article_search_trigram.rowid not in (select rowid from article_search where article_search match ${query.words})`, true)
    : undefined
  const substringTotal = substringsOnly ? await count(db, substringsOnly) : 0
  const total = wordTotal + substringTotal
  const rows: PageRow[] = []
  const end = Math.min(offset + perPage, total)
  if (offset >= end) return { rows, total }

  if (offset < ranked.length) rows.push(...(await orderTies(db, ranked, offset, Math.min(end, ranked.length))))
  // 2. The other word matches, newest first.
  const restEnd = Math.min(end, wordTotal)
  if (restEnd > ranked.length && rows.length < perPage) {
    const from = Math.max(offset, ranked.length)
    const left = ranked.length ? sql`and +article_search.rowid not in (${sql.join(ranked.map((c) => c.doc))})` : sql``
    rows.push(...(await sql<PageRow>`select article_search.rowid as doc, d.article_id as id, 0 as tier ${words(query.words, left, true)}
      order by d.published_at desc, d.article_id desc limit ${restEnd - from} offset ${from - ranked.length}`.execute(db)).rows)
  }
  // 3. Substring-only matches, ranked.
  if (substringsOnly && end > wordTotal) {
    const from = Math.max(offset, wordTotal)
    rows.push(...(await sql<PageRow>`select article_search_trigram.rowid as doc, d.article_id as id, 1 as tier ${substringsOnly}
      order by bm25(article_search_trigram, ${WEIGHTS}), d.published_at desc, d.article_id desc
      limit ${end - from} offset ${from - wordTotal}`.execute(db)).rows)
  }
  return { rows, total }
}

interface Scored { doc: number; score: number }

/**
 * The candidates (the newest `recent` word matches and the newest `headlines` headline matches),
 * best score first, and whether they are every match (fewer than `recent` matched). Only they are
 * scored: bm25 for a doc costs a read of its lengths.
 */
async function rankCandidates(
  db: Db, query: SearchQuery, { recent, headlines }: Candidates,
  words: (match: string, also?: RawBuilder<unknown>) => RawBuilder<unknown>,
): Promise<{ ranked: Scored[]; everyMatch: boolean }> {
  // FTS5 walks its matches newest doc first and stops at the limit.
  const newest = recent > 0 ? (await sql<Scored>`select article_search.rowid as doc, bm25(article_search, ${WEIGHTS}) as score
    ${words(query.words)} order by article_search.rowid desc limit ${recent}`.execute(db)).rows : []
  const everyMatch = newest.length < recent
  // Every headline match is among the newest when they are every match.
  const inHeadline = headlines > 0 && !everyMatch ? (await sql<{ doc: number }>`select article_search.rowid as doc
    ${words(`{headline} : (${query.words})`)} order by article_search.rowid desc limit ${headlines}`.execute(db)).rows : []
  const scored = new Set(newest.map((c) => c.doc))
  const older = inHeadline.map((h) => h.doc).filter((doc) => !scored.has(doc))
  // Scored by the whole query, as the newest are: FTS5 walks only the range of doc ids they span.
  // The `+` keeps SQLite from handing FTS5 the list, which would build the list of matches again for each.
  const olderScored = older.length ? (await sql<Scored>`select article_search.rowid as doc, bm25(article_search, ${WEIGHTS}) as score
    ${words(query.words, sql`and article_search.rowid between ${Math.min(...older)} and ${Math.max(...older)}
      and +article_search.rowid in (${sql.join(older)})`)}`.execute(db)).rows : []
  return { ranked: [...newest, ...olderScored].sort((a, b) => a.score - b.score), everyMatch }
}

/**
 * Ranked candidates `from`..`to` as page rows: equal scores newest first (then by article id), so
 * the docs tied with the page's scores are looked up for their dates, and no others.
 */
async function orderTies(db: Db, ranked: Scored[], from: number, to: number): Promise<PageRow[]> {
  const low = ranked[from]!.score
  const high = ranked[to - 1]!.score
  const before = ranked.findIndex((c) => c.score >= low)
  const tied = ranked.filter((c) => c.score >= low && c.score <= high)
  const docs = (await sql<{ doc: number; id: string; publishedAt: string | null }>`select doc_id as doc, article_id as id, published_at
    from article_search_docs where doc_id in (${sql.join(tied.map((c) => c.doc))})`.execute(db)).rows
  const byDoc = new Map(docs.map((d) => [d.doc, d]))
  const ordered = tied.map((c) => ({ ...c, ...byDoc.get(c.doc)! })).sort((a, b) =>
    a.score - b.score || compareDesc(a.publishedAt ?? '', b.publishedAt ?? '') || compareDesc(a.id, b.id))
  return ordered.slice(from - before, to - before).map((c) => ({ doc: c.doc, id: c.id, tier: 0 }))
}

const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)

async function count(db: Db, matches: RawBuilder<unknown>): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n ${matches}`.execute(db)).rows[0]?.n ?? 0)
}

/** Beyond this many, the docs not yet visible are left out by a subquery rather than a list. */
const MAX_LISTED_HIDDEN = 200

/**
 * Without filters: the docs of articles in the index whose time has not come (scheduled for
 * later), found through the status and date index (two ranges: an `or` would walk every public
 * article). Usually none or a few, so usually nothing to leave out of the matches. With filters,
 * each match's article is read anyway: undefined.
 *
 * The list is kept per database while the site's change marker stays the same (every write
 * moves it) and until the first of them falls due: exactly as long as it is the same list.
 */
async function notYetVisible(db: Db, filters: SearchFilters, now: Date): Promise<number[] | undefined> {
  if (filterConditions(filters).length > 0) return undefined
  const at = now.getTime()
  const marker = markerOf(db)
  const kept = hiddenKept.get(db)
  if (marker !== undefined && kept && kept.marker === marker && kept.from <= at && at < kept.until) return kept.docs
  const rows = (await sql<{ doc: number; publishedAt: string | null }>`${notYetDocs(now, true)} limit ${MAX_LISTED_HIDDEN + 1}`.execute(db)).rows
  const docs = rows.map((r) => r.doc)
  // Kept when complete (past MAX_LISTED_HIDDEN a subquery is used, see matchingSql).
  if (marker !== undefined && markerOf(db) === marker && docs.length <= MAX_LISTED_HIDDEN) {
    const due = rows.flatMap((r) => (r.publishedAt ? [Date.parse(r.publishedAt)] : []))
    hiddenKept.set(db, { marker, docs, from: at, until: due.length ? Math.min(...due) : Infinity })
  }
  return docs
}

const hiddenKept = new WeakMap<Db, { marker: string; docs: number[]; from: number; until: number }>()
const markerReaders = new WeakMap<Db, () => string | Promise<string>>()

/** The site's change marker where it can be read at once (SQLite); undefined elsewhere. */
function markerOf(db: Db): string | undefined {
  if (dialectOf(db) !== 'sqlite') return undefined
  let read = markerReaders.get(db)
  if (!read) {
    read = changeMarkerReader(db)
    markerReaders.set(db, read)
  }
  const marker = read()
  return typeof marker === 'string' ? marker : undefined
}

function notYetDocs(now: Date, withDates = false): RawBuilder<unknown> {
  const notYet = (when: RawBuilder<unknown>) => sql`select d.doc_id as doc${withDates ? sql`, a.published_at` : sql``} from articles a join article_search_docs d on d.article_id = a.id
    where a.status in (${sql.join(PUBLIC_STATUSES)}) and ${when}`
  return sql`${notYet(sql`a.published_at > ${now.toISOString()}`)} union all ${notYet(sql`a.published_at is null`)}`
}

/**
 * `from … where …` over the matches of `match` in `table` that a reader may see now. Without
 * filters the index is read alone (it holds only published and scheduled articles, migration
 * 0015), leaving out the `hidden` docs (see notYetVisible); `withDocs` joins the doc rows (for
 * the article id and date). With filters each match's article is read, matches first (a cross
 * join fixes that order: SQLite would otherwise walk every public article).
 */
function matchingSql(
  table: Table, match: string, filters: SearchFilters, now: Date, hidden: number[] | undefined, also: RawBuilder<unknown>, withDocs: boolean,
): RawBuilder<unknown> {
  const t = sql.table(table)
  const docs = sql`cross join article_search_docs d on d.doc_id = ${t}.rowid`
  if (hidden) {
    const visible = hidden.length === 0 ? sql``
      : hidden.length <= MAX_LISTED_HIDDEN ? sql`and ${t}.rowid not in (${sql.join(hidden)})`
      : sql`and ${t}.rowid not in (${notYetDocs(now)})`
    return sql`from ${t} ${withDocs ? docs : sql``} where ${t} match ${match} ${visible} ${also}`
  }
  return sql`from ${t} ${docs} cross join articles a on a.id = d.article_id
    where ${t} match ${match} and a.status in (${sql.join(PUBLIC_STATUSES)}) and a.published_at <= ${now.toISOString()}
    and ${sql.join(filterConditions(filters), sql` and `)} ${also}`
}
