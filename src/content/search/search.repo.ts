import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../storage/connect.js'
import type { ArticleSummary } from '../articles/article.js'
import { findArticleSummaries, PUBLIC_STATUSES, type Page } from '../articles/article.repo.js'
import { hasHighlight, MARK_CLOSE, MARK_OPEN, toHighlightParts, type HighlightPart } from './highlight-parts.js'
import { filterConditions, type SearchFilters } from './search-filters.js'
import type { SearchQuery } from './search-query.js'
import { markWords } from './mark-words.js'
import { markSubstrings, searchPostgres } from './search.postgres.js'
import { dialectOf } from '../../storage/connect.js'

export type { SearchFilters } from './search-filters.js'

export interface SearchHit {
  article: ArticleSummary
  headline: HighlightPart[]
  /** The best passage of the body (or the dek, when only it matched), matches highlighted. */
  snippet: HighlightPart[]
}

/** bm25 column weights: a term in the headline counts ten times one in the body, in the dek four. */
const WEIGHTS = sql`10.0, 4.0, 1.0`
/** Snippet length in tokens: words for unicode61, but single characters for trigram. */
const SNIPPET_TOKENS = { article_search: 24, article_search_trigram: 64 } as const

/**
 * Public articles matching `query`, best first, one page of them. Word matches (ranked by bm25)
 * come before substring-only matches from the trigram table (themselves ranked by bm25); equal
 * scores go newest first. On SQLite this reads the FTS5 tables of migration 0002; PostgreSQL has
 * its own (search.postgres.ts).
 *
 * The index holds only published and scheduled articles (migration 0015), so without filters no
 * hit is looked up to see whether a reader may see it: the few scheduled for later are left out
 * as a set. Hits are ranked by score alone; only those that can be on this page (ties included)
 * are then looked up, in the doc rows (which carry the publication time), to order equal scores
 * by date. A word in ten thousand articles costs the ranking, not ten thousand article reads.
 * @example const page = await searchArticles(db, query, { sectionSlug: 'world' }, { page: 1, perPage: 20, now })
 */
export async function searchArticles(
  db: Db, query: SearchQuery, filters: SearchFilters, { page, perPage, now }: { page: number; perPage: number; now: Date },
): Promise<Page<SearchHit>> {
  if (dialectOf(db) === 'postgres') return searchArticlesPostgres(db, query, filters, { page, perPage, now })
  const offset = (page - 1) * perPage
  const rows = (await sql<{ id: string; doc: number; tier: number; total: number }>`
    with hits as (${hitsOf(query)}),
    visible as (${visibleHits(filters, now)}),
    ranked as (select doc, score, tier, rank() over (order by tier, score) as place, count(*) over () as total from visible)
    select d.article_id as id, r.doc as doc, r.tier as tier, r.total as total
    from ranked r
    cross join article_search_docs d on d.doc_id = r.doc
    where r.place <= ${offset + perPage}
    order by r.tier, r.score, d.published_at desc, d.article_id desc
    limit ${perPage} offset ${offset}
  `.execute(db)).rows
  const total = Number(rows[0]?.total ?? 0)
  const [articles, words, substrings] = await Promise.all([
    findArticleSummaries(db, rows.map((r) => r.id)),
    highlights(db, 'article_search', query.words, rows.filter((r) => r.tier === 0).map((r) => r.doc)),
    query.substrings ? highlights(db, 'article_search_trigram', query.substrings, rows.filter((r) => r.tier === 1).map((r) => r.doc)) : new Map(),
  ])
  const items = articles.map((article, i): SearchHit => {
    const doc = rows[i]!.doc
    const marked = words.get(doc) ?? substrings.get(doc) ?? { headline: article.headline, snippet: article.dek }
    return { article, headline: toHighlightParts(marked.headline), snippet: toHighlightParts(marked.snippet) }
  })
  return { items, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) }
}

async function searchArticlesPostgres(
  db: Db, query: SearchQuery, filters: SearchFilters, options: { page: number; perPage: number; now: Date },
): Promise<Page<SearchHit>> {
  const rows = await searchPostgres(db, query, filters, options, PUBLIC_STATUSES)
  const total = Number(rows[0]?.total ?? 0)
  const articles = await findArticleSummaries(db, rows.map((r) => r.id))
  const items = articles.map((article, i): SearchHit => {
    const row = rows[i]!
    const marked = row.tier === 0
      ? {
          headline: markWords(row.headline, query.terms, Infinity),
          snippet: pickSnippet(markWords(row.dek, query.terms, Infinity), markWords(row.body, query.terms, SNIPPET_TOKENS.article_search)),
        }
      : {
          headline: markSubstrings(row.headline, query.terms, row.headline.length),
          snippet: pickSnippet(markSubstrings(row.dek, query.terms, row.dek.length), markSubstrings(row.body, query.terms, SNIPPET_TOKENS.article_search_trigram * 2)),
        }
    return { article, headline: toHighlightParts(marked.headline), snippet: toHighlightParts(marked.snippet) }
  })
  return { items, total, page: options.page, perPage: options.perPage, pages: Math.max(1, Math.ceil(total / options.perPage)) }
}

/**
 * The hits a reader may see now. Without filters: all but those of articles whose time has not
 * come (few; found through the status and date index). With filters each hit's article is read,
 * hits first (a cross join fixes that order: SQLite would otherwise walk every public article).
 */
function visibleHits(filters: SearchFilters, now: Date): RawBuilder<unknown> {
  const at = now.toISOString()
  const conditions = filterConditions(filters)
  if (conditions.length === 0) {
    // Two index ranges (an `or` would walk every public article instead).
    const notYet = (when: RawBuilder<unknown>) => sql`select d.doc_id from articles a join article_search_docs d on d.article_id = a.id
      where a.status in (${sql.join(PUBLIC_STATUSES)}) and ${when}`
    return sql`select doc, score, tier from hits where doc not in (
      ${notYet(sql`a.published_at > ${at}`)} union all ${notYet(sql`a.published_at is null`)})`
  }
  return sql`select h.doc as doc, h.score as score, h.tier as tier from hits h
    cross join article_search_docs d on d.doc_id = h.doc
    cross join articles a on a.id = d.article_id
    where a.status in (${sql.join(PUBLIC_STATUSES)}) and a.published_at <= ${at} and ${sql.join(conditions, sql` and `)}`
}

/** Every matching doc with its score; substring matches only for docs the words did not find. */
function hitsOf(query: SearchQuery): RawBuilder<unknown> {
  const words = sql`select rowid as doc, bm25(article_search, ${WEIGHTS}) as score, 0 as tier
    from article_search where article_search match ${query.words}`
  if (!query.substrings) return words
  return sql`${words} union all
    select rowid, bm25(article_search_trigram, ${WEIGHTS}), 1
    from article_search_trigram where article_search_trigram match ${query.substrings}
    and rowid not in (select rowid from article_search where article_search match ${query.words})`
}

type Table = 'article_search' | 'article_search_trigram'

/** Highlighted headline and snippet of the given docs, from the table that found them. */
async function highlights(db: Db, table: Table, match: string, docs: number[]): Promise<Map<number, { headline: string; snippet: string }>> {
  if (docs.length === 0) return new Map()
  const t = sql.table(table)
  const rows = (await sql<{ doc: number; headline: string; dek: string; body: string }>`
    select rowid as doc,
      highlight(${t}, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as headline,
      highlight(${t}, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as dek,
      snippet(${t}, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS[table]}) as body
    from ${t} where ${t} match ${match} and rowid in (${sql.join(docs)})
  `.execute(db)).rows
  return new Map(rows.map((r) => [r.doc, { headline: r.headline, snippet: pickSnippet(r.dek, r.body) }]))
}

/** The body passage if the body matched; else the dek if it matched; else whatever there is. */
function pickSnippet(dek: string, body: string): string {
  if (hasHighlight(toHighlightParts(body))) return body
  if (hasHighlight(toHighlightParts(dek))) return dek
  return body || dek
}
