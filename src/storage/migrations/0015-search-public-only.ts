import { sql, SqliteAdapter, type Kysely } from 'kysely'
import { deleteFrom, docOf, SEARCH_TRIGGERS } from './sqlite-search-ddl.js'

/**
 * Search without reading articles, for a word in a hundredth of a million of them:
 *
 * - The index holds only articles readers may find: published or scheduled ones (a scheduled
 *   article is found from its time on; search leaves out the few whose time has not come).
 *   Drafts, unpublished and trashed articles leave the index, and come back when published. No
 *   hit has to be looked up in `articles` to ask whether a reader may see it.
 * - `article_search_docs.published_at` follows the article's: hits with equal scores are put
 *   newest first from the doc rows the hits already key, not from the article rows (which carry
 *   the bodies). With ten thousand hits this took a search from 0.7 s to about 30 ms of work.
 *
 * On SQLite this changes the FTS5 tables' triggers (see 0002-search and 0004-trigram-cjk-only).
 * On PostgreSQL the searched text is a generated column of every article (postgres-search-ddl.ts)
 * and search reads the articles anyway (their publication time orders equal scores): there the GIN
 * index becomes partial, holding published and scheduled articles only. Search asks for exactly
 * those statuses (see search.postgres.ts), so the planner can use it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return indexPostgresSearch(db, { publicOnly: true })
  await sql`alter table article_search_docs add column published_at text`.execute(db)
  // Read in the articles' own order, then written by doc: one pass over each table.
  await sql`update article_search_docs set published_at = a.published_at
    from (select id, published_at from articles where published_at is not null) as a where a.id = article_search_docs.article_id`.execute(db)
  await createTriggers(db, { publicOnly: true })
  // Drafts are the only articles neither published nor scheduled (the status check of 0001):
  // found through the status index, not by reading every article.
  for (const table of ['article_search', 'article_search_trigram']) {
    await sql`delete from ${sql.table(table)} where rowid in (
      select d.doc_id from articles a join article_search_docs d on d.article_id = a.id where a.status = 'draft')`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return indexPostgresSearch(db, { publicOnly: false })
  await createTriggers(db, { publicOnly: false })
  await sql`alter table article_search_docs drop column published_at`.execute(db)
  const hidden = sql`from articles a join article_search_docs d on d.article_id = a.id where a.status = 'draft'`
  await sql`insert into article_search (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text ${hidden}`.execute(db)
  await sql`insert into article_search_trigram (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text ${hidden}
    and (a.headline || ' ' || a.dek || ' ' || a.body_text) glob ${CJK_GLOB}`.execute(db)
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

/** The statuses whose articles readers may find (PUBLIC_STATUSES), as the partial index's predicate. */
const POSTGRES_SEARCHABLE = `status in ('published', 'scheduled')`

/** PostgreSQL: the GIN index of 0002 over public articles only, or (undone) over all, under its name. */
async function indexPostgresSearch(db: Kysely<any>, { publicOnly }: { publicOnly: boolean }): Promise<void> {
  await sql`drop index if exists articles_search_vector`.execute(db)
  // Fixed DDL written here, never built from input.
  await sql.raw(`create index articles_search_vector on articles using gin (search_vector)${publicOnly ? ` where ${POSTGRES_SEARCHABLE}` : ''}`).execute(db)
}

/** As in 0004: only articles with Chinese, Japanese or Korean text go into the trigram index. */
const CJK_GLOB = '*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]*'

/** Keeps `article_search_docs.published_at` in step; made and dropped here, not one of 0002's. */
const PUBLISHED_TRIGGER = 'articles_search_published'

/**
 * The search triggers: with `publicOnly`, an article is indexed only while published or scheduled,
 * a change of status re-indexes it (in or out), and its doc row carries its publication time;
 * without, as 0004 made them.
 */
async function createTriggers(db: Kysely<any>, { publicOnly }: { publicOnly: boolean }): Promise<void> {
  const findable = (ref: string) => (publicOnly ? `${ref}.status in ('published', 'scheduled')` : '1')
  const index = (table: string, ref: string, also = '1') =>
    `insert into ${table} (rowid, headline, dek, body_text) select ${docOf(ref)}, ${ref}.headline, ${ref}.dek, ${ref}.body_text
      where ${findable(ref)} and ${also};`
  const cjk = (ref: string) => `(${ref}.headline || ' ' || ${ref}.dek || ' ' || ${ref}.body_text) glob '${CJK_GLOB}'`
  for (const trigger of [...SEARCH_TRIGGERS, PUBLISHED_TRIGGER]) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
  }
  // Fixed DDL written here, never built from input (CJK_GLOB is a constant without quotes).
  await sql.raw(`create trigger articles_search_insert after insert on articles begin
    ${publicOnly ? 'insert into article_search_docs (article_id, published_at) values (new.id, new.published_at);' : 'insert into article_search_docs (article_id) values (new.id);'}
    ${index('article_search', 'new')}
    ${index('article_search_trigram', 'new', cjk('new'))}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_update after update of id, headline, dek, body_text${publicOnly ? ', status' : ''} on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    update article_search_docs set article_id = new.id where article_id = old.id;
    ${index('article_search', 'new')}
    ${index('article_search_trigram', 'new', cjk('new'))}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_delete after delete on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    delete from article_search_docs where article_id = old.id;
  end`).execute(db)
  if (publicOnly) {
    await sql.raw(`create trigger ${PUBLISHED_TRIGGER} after update of published_at on articles begin
      update article_search_docs set published_at = new.published_at where article_id = new.id;
    end`).execute(db)
  }
}
