import { sql, SqliteAdapter, type Kysely } from 'kysely'
import { CJK_GLOB, deleteFrom, insertInto, insertTrigramIfCjk, SEARCH_TRIGGERS } from './sqlite-search-ddl.js'

/**
 * The trigram index exists for Chinese, Japanese and Korean words, which have no spaces to split
 * on (search uses it only for queries in those scripts). Indexing every article there doubled
 * the cost of each write; from now on only articles with such characters are indexed in it.
 * SQLite only, like the index itself (see 0002-search).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await replaceTriggers(db, true)
  await sql`delete from article_search_trigram`.execute(db)
  await sql`insert into article_search_trigram (rowid, headline, dek, body_text)
    select d.doc_id, a.headline, a.dek, a.body_text from articles a join article_search_docs d on d.article_id = a.id
    where (a.headline || ' ' || a.dek || ' ' || a.body_text) glob ${CJK_GLOB}`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await replaceTriggers(db, false)
  await sql`delete from article_search_trigram`.execute(db)
  await sql`insert into article_search_trigram (rowid, headline, dek, body_text)
    select d.doc_id, a.headline, a.dek, a.body_text from articles a join article_search_docs d on d.article_id = a.id`.execute(db)
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

async function replaceTriggers(db: Kysely<any>, cjkOnly: boolean): Promise<void> {
  const insertTrigram = (ref: string) => (cjkOnly ? insertTrigramIfCjk(ref) : insertInto('article_search_trigram', ref))
  for (const trigger of SEARCH_TRIGGERS) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
  }
  // Fixed DDL written here, never built from input (CJK_GLOB is a constant without quotes).
  await sql.raw(`create trigger articles_search_insert after insert on articles begin
    insert into article_search_docs (article_id) values (new.id);
    ${insertInto('article_search', 'new')}
    ${insertTrigram('new')}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_update after update of id, headline, dek, body_text on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    update article_search_docs set article_id = new.id where article_id = old.id;
    ${insertInto('article_search', 'new')}
    ${insertTrigram('new')}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_delete after delete on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    delete from article_search_docs where article_id = old.id;
  end`).execute(db)
}
