import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../storage/connect.js'
import { CONFIG_FUNCTION, SIMPLE_CONFIG } from '../../storage/migrations/postgres-search-ddl.js'
import { MARK_CLOSE, MARK_OPEN } from './highlight-parts.js'
import { filtersOf, type SearchFilters } from './search-filters.js'
import type { SearchQuery } from './search-query.js'

/** One page of matches, as stored: tier 0 matched the words, tier 1 only contains the CJK substrings. */
export interface PostgresHitRow {
  id: string
  tier: number
  total: number
  headline: string
  dek: string
  body: string
}

/** ts_rank weights for {D, C, B, A}: a headline word counts ten times a body word, a dek word four. */
const WEIGHTS = sql.lit('{0, 0.1, 0.4, 1.0}')

/**
 * The PostgreSQL side of `searchArticles`: the GIN-indexed `search_vector` (migration 0002; since
 * 0015 the index holds published and scheduled articles only, as SQLite's does) for words, every
 * term as a prefix of an unstemmed word or, stemmed in the site's language, as a word;
 * ranked by each term's ts_rank weighted by its rarity (idf), as SQLite's bm25 does. CJK terms are also looked for as substrings (no index: PostgreSQL's parser
 * does not split those scripts into words). Highlighting is left to the caller (see mark-words.ts).
 */
export async function searchPostgres(
  db: Db, query: SearchQuery, filters: SearchFilters, { page, perPage, now }: { page: number; perPage: number; now: Date },
  publicStatuses: readonly string[],
): Promise<PostgresHitRow[]> {
  const substring = query.substrings ? substringMatch(query.terms) : sql`false`
  const terms = query.terms.map((term, i) => ({ term, name: sql.raw(`q${i}`), idf: sql.raw(`idf${i}`) }))
  const findable = findableStatuses(publicStatuses)
  return (await sql<PostgresHitRow>`
    with q as (
      select ${sql.join(terms.map((t) => sql`${termQuery(t.term)} as ${t.name}`))}
    ),
    q_all as (select ${sql.join(terms.map((t) => sql`q.${t.name}`), sql` && `)} as query from q),
    weights as (
      select ${sql.join(terms.map((t) => sql`${idfOf(sql`q.${t.name}`, findable)} as ${t.idf}`))} from q
    ),
    hits as (
      select a.id, a.published_at, case when a.search_vector @@ q_all.query then 0 else 1 end as tier,
        case when a.search_vector @@ q_all.query
          then -(${sql.join(terms.map((t) => sql`weights.${t.idf} * ts_rank(${WEIGHTS}, a.search_vector, q.${t.name})`), sql` + `)})
          else 0 end as score
      from articles a, q, q_all, weights
      where (a.search_vector @@ q_all.query or ${substring})
        and ${findable} and a.published_at <= ${now.toISOString()}
        ${filtersOf(filters)}
    ),
    page as (
      select id, tier, score, published_at, count(*) over () as total from hits
      order by tier, score, published_at desc, id desc
      limit ${perPage} offset ${(page - 1) * perPage}
    )
    select p.id, p.tier, p.total, a.headline, a.dek, a.body_text as body
    from page p join articles a on a.id = p.id
    order by p.tier, p.score, p.published_at desc, p.id desc
  `.execute(db)).rows
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

/**
 * Marks every occurrence of the terms in `text` (case folded), and cuts a body down to a passage
 * around the first one: the highlight of a substring match, which ts_headline cannot make.
 * @example markSubstrings('회의가 열렸다', ['회의가'], 64) // '\uE000회의가\uE001 열렸다'
 */
export function markSubstrings(text: string, terms: string[], maxChars: number): string {
  const lower = text.toLowerCase()
  const ranges: [number, number][] = []
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1 && term.length > 0; at = lower.indexOf(term, at + term.length)) ranges.push([at, at + term.length])
  }
  ranges.sort((x, y) => x[0] - y[0])
  const first = ranges[0]?.[0] ?? 0
  const start = text.length > maxChars ? Math.max(0, first - Math.floor(maxChars / 3)) : 0
  const end = Math.min(text.length, start + maxChars)
  let out = start > 0 ? '…' : ''
  let at = start
  for (const [from, to] of ranges) {
    if (from < at || to > end) continue
    out += text.slice(at, from) + MARK_OPEN + text.slice(from, to) + MARK_CLOSE
    at = to
  }
  return out + text.slice(at, end) + (end < text.length ? '…' : '')
}
