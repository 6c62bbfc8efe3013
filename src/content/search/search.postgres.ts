import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../storage/connect.js'
import { CONFIG_FUNCTION, SIMPLE_CONFIG } from '../../storage/migrations/postgres-search-ddl.js'
import { filtersOf, type SearchFilters } from './search-filters.js'
import type { SearchQuery } from './search-query.js'

/** One page of matches: tier 0 matched the words, tier 1 only contains the CJK substrings. */
export interface PostgresHitRow {
  id: string
  tier: number
  total: number
}

/** ts_rank weights for {D, C, B, A}: a headline word counts ten times a body word, a dek word four. */
const WEIGHTS = sql.lit('{0, 0.1, 0.4, 1.0}')

/**
 * The PostgreSQL side of `searchArticles`, in the same order (see there): the candidates (the
 * newest `recent` word matches by publication time, and the newest `headlines` with every term in
 * the headline) by relevance, then the other word matches newest first, then substring-only
 * matches. It reads the GIN-indexed `search_vector` (migration 0002; since 0015 the index holds
 * published and scheduled articles only, as SQLite's does) for words, every term as a prefix of an
 * unstemmed word or, stemmed in the site's language, as a word; relevance is each term's ts_rank
 * weighted by its rarity (idf), as SQLite's bm25 does. CJK terms are also looked for as substrings
 * (no index: PostgreSQL's parser does not split those scripts into words). Highlighting is left to
 * the caller (see mark-hit.ts). Scores every match: PostgreSQL is not the large site's backend.
 */
export async function searchPostgres(
  db: Db, query: SearchQuery, filters: SearchFilters,
  { page, perPage, now, candidates }: { page: number; perPage: number; now: Date; candidates: { recent: number; headlines: number } },
  publicStatuses: readonly string[],
): Promise<{ rows: PostgresHitRow[]; total: number }> {
  const substring = query.substrings ? substringMatch(query.terms) : sql`false`
  const terms = query.terms.map((term, i) => ({ term, name: sql.raw(`q${i}`), idf: sql.raw(`idf${i}`) }))
  const findable = findableStatuses(publicStatuses)
  const rows = (await sql<PostgresHitRow>`
    with q as (
      select ${sql.join(terms.map((t) => sql`${termQuery(t.term)} as ${t.name}`))}
    ),
    q_all as (select ${sql.join(terms.map((t) => sql`q.${t.name}`), sql` && `)} as query from q),
    weights as (
      select ${sql.join(terms.map((t) => sql`${idfOf(sql`q.${t.name}`, findable)} as ${t.idf}`))} from q
    ),
    hits as (
      select a.id, a.published_at, case when a.search_vector @@ q_all.query then 0 else 1 end as tier,
        a.search_vector @@ q_all.query and ts_filter(a.search_vector, '{a}') @@ q_all.query as in_headline,
        case when a.search_vector @@ q_all.query
          then -(${sql.join(terms.map((t) => sql`weights.${t.idf} * ts_rank(${WEIGHTS}, a.search_vector, q.${t.name})`), sql` + `)})
          else 0 end as score
      from articles a, q, q_all, weights
      where (a.search_vector @@ q_all.query or ${substring})
        and ${findable} and a.published_at <= ${now.toISOString()}
        ${filtersOf(filters)}
    ),
    placed as (
      select id, tier, score, published_at, in_headline,
        row_number() over (partition by tier order by published_at desc, id desc) as newest,
        row_number() over (partition by tier, in_headline order by published_at desc, id desc) as newest_here,
        count(*) over () as total
      from hits
    ),
    candidates as (
      select id, tier, score, published_at, total,
        tier = 0 and (newest <= ${candidates.recent} or (in_headline and newest_here <= ${candidates.headlines})) as candidate
      from placed
    )
    select id, tier, total from candidates
    order by tier, candidate desc, case when candidate or tier = 1 then score else 0 end, published_at desc, id desc
    limit ${perPage} offset ${(page - 1) * perPage}
  `.execute(db)).rows
  return { rows, total: Number(rows[0]?.total ?? (page > 1 ? await countMatches() : 0)) }

  async function countMatches(): Promise<number> {
    // A page past the last: the total still says how many there are.
    return (await searchPostgres(db, query, filters, { page: 1, perPage: 1, now, candidates }, publicStatuses)).total
  }
}

/**
 * One term: the prefix of an unstemmed, accent-folded word (`masthead_simple`), or the word stemmed
 * in the site's language when its stem differs (ts_rank scores 0 when a query holds one lexeme both
 * as a prefix and as a word). Terms are letters, digits and marks only (see parseSearchQuery), each
 * a bound parameter quoted as a tsquery literal, so nothing the reader types is tsquery syntax.
 */
function termQuery(term: string): RawBuilder<unknown> {
  const literal = `'${term.replace(/'/g, "''")}'`
  const siteConfig = sql`${sql.raw(CONFIG_FUNCTION)}((select value from settings where key = 'language'))`
  return sql`(select case when stem::text in ('', ${literal}) then prefix else prefix || stem end from (select
    to_tsquery(${sql.lit(SIMPLE_CONFIG)}::regconfig, ${`${literal}:*`}) as prefix,
    plainto_tsquery(${siteConfig}, ${term}) as stem) t)`
}

/**
 * `status in (…)` with the statuses written as literals: the GIN index holds only public articles
 * (migration 0015), and the planner uses a partial index only where it can prove the query asks for
 * no more than the index's predicate (literals prove it in any plan, a generic one included).
 */
function findableStatuses(publicStatuses: readonly string[]): RawBuilder<unknown> {
  return sql`status in (${sql.join(publicStatuses.map((status) => sql.lit(status)))})`
}

/**
 * How much a term tells articles apart (BM25's inverse document frequency): a word in a few
 * articles weighs more than one in most. ts_rank alone has no such notion. Counted among the
 * articles readers may find, as SQLite's bm25 counts the docs of its index (public ones only).
 */
function idfOf(termQuery: RawBuilder<unknown>, findable: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select ln(1 + (n.n - df.n + 0.5) / (df.n + 0.5))
    from (select count(*)::float8 as n from articles where ${findable}) n,
      (select count(*)::float8 as n from articles where search_vector @@ ${termQuery} and ${findable}) df)`
}

/** Every term somewhere in the headline, dek or body, as a substring, case folded. */
function substringMatch(terms: string[]): RawBuilder<unknown> {
  return sql`(${sql.join(terms.map((term) => sql`strpos(lower(a.headline || ' ' || a.dek || ' ' || a.body_text), ${term}) > 0`), sql` and `)})`
}
