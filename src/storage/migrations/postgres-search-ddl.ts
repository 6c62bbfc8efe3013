import { sql, type Kysely } from 'kysely'

/**
 * PostgreSQL's search index: a stored, generated `tsvector` column on `articles` with a GIN index.
 *
 * Each article is stemmed in its own language's text-search configuration (`masthead_search_config`
 * maps a language tag to one, `simple` where PostgreSQL has no stemmer), and indexed once more
 * unstemmed in `masthead_simple` (simple plus unaccent where available), so that prefix queries
 * and words in any language match as they do with SQLite's unicode61 table. Weights: headline A,
 * dek B, body C.
 *
 * All of this is fixed DDL written here, never built from input.
 */

/** Language subtag → the configuration PostgreSQL ships for it; anything else is `simple`. */
const STEMMERS: Record<string, string> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english',
  fi: 'finnish', fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian',
  ga: 'irish', it: 'italian', lt: 'lithuanian', ne: 'nepali', nb: 'norwegian', nn: 'norwegian', no: 'norwegian',
  pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian', es: 'spanish', sv: 'swedish', ta: 'tamil',
  tr: 'turkish', yi: 'yiddish',
}

/** Names of the unstemmed, accent-folding configuration and of the language → configuration function. */
export const SIMPLE_CONFIG = 'masthead_simple'
export const CONFIG_FUNCTION = 'masthead_search_config'

export async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  const installed = new Set((await sql<{ name: string }>`select cfgname as name from pg_ts_config`.execute(db)).rows.map((r) => r.name))
  const cases = Object.entries(STEMMERS).filter(([, config]) => installed.has(config))
    .map(([tag, config]) => `when '${tag}' then '${config}'::regconfig`).join(' ')
  await sql.raw(`create function ${CONFIG_FUNCTION}(language text) returns regconfig
    language sql immutable parallel safe
    as $$ select case lower(split_part(coalesce(language, ''), '-', 1)) ${cases} else 'simple'::regconfig end $$`).execute(db)

  await sql.raw(`create text search configuration ${SIMPLE_CONFIG} (copy = simple)`).execute(db)
  if (await unaccentAvailable(db)) {
    await sql`create extension if not exists unaccent`.execute(db)
    await sql.raw(`alter text search configuration ${SIMPLE_CONFIG}
      alter mapping for hword, hword_part, word with unaccent, simple`).execute(db)
  }

  // PostgreSQL's parser takes `<script>` for a tag and indexes nothing of it: angle brackets are
  // read as spaces, so text about markup is found by its words, as SQLite finds it.
  const text = (column: string) => `translate(${column}, '<>', '  ')`
  const field = (column: string, weight: string) =>
    `setweight(to_tsvector(${CONFIG_FUNCTION}(language), ${text(column)}), '${weight}') || setweight(to_tsvector('${SIMPLE_CONFIG}', ${text(column)}), '${weight}')`
  await sql.raw(`alter table articles add column search_vector tsvector generated always as (
    ${field('headline', 'A')} || ${field('dek', 'B')} || ${field('body_text', 'C')}
  ) stored`).execute(db)
  await sql`create index articles_search_vector on articles using gin (search_vector)`.execute(db)
}

export async function dropPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists articles_search_vector`.execute(db)
  await sql`alter table articles drop column if exists search_vector`.execute(db)
  await sql.raw(`drop text search configuration if exists ${SIMPLE_CONFIG}`).execute(db)
  await sql.raw(`drop function if exists ${CONFIG_FUNCTION}(text)`).execute(db)
}

/** unaccent ships with PostgreSQL's contrib modules (Debian's `postgresql` has them); it is a trusted extension. */
async function unaccentAvailable(db: Kysely<any>): Promise<boolean> {
  const rows = (await sql<{ name: string }>`select name from pg_available_extensions where name = 'unaccent'`.execute(db)).rows
  return rows.length > 0
}
