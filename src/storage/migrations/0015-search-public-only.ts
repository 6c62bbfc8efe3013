import { sql, SqliteAdapter, type Kysely } from 'kysely'
import { deleteFrom, docOf, SEARCH_TRIGGERS } from './sqlite-search-ddl.js'

/**
 * The search index holds only articles readers may find: published or scheduled ones (a scheduled
 * article is found from its time on; search leaves out the few whose time has not come). Drafts,
 * unpublished and trashed articles leave the index, and come back when published. A search whose
 * word is in a hundredth of a million articles then ranks its hits without looking each one up
 * in `articles` to ask whether a reader may see it (0.6 s of the 0.7 s it took).
 * SQLite only, like the index itself (see 0002-search and 0004-trigram-cjk-only).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  // Drafts are the only articles that are not published or scheduled (the status check of 0001):
  // found through the status index, not by reading every article.
  await createTriggers(db, { publicOnly: true })
  for (const table of ['article_search', 'article_search_trigram']) {
    await sql`delete from ${sql.table(table)} where rowid in (
      select d.doc_id from articles a join article_search_docs d on d.article_id = a.id where a.status = 'draft')`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return
  await createTriggers(db, { publicOnly: false })
  const hidden = sql`from articles a join article_search_docs d on d.article_id = a.id where a.status = 'draft'`
  await sql`insert into article_search (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text ${hidden}`.execute(db)
  await sql`insert into article_search_trigram (rowid, headline, dek, body_text) select d.doc_id, a.headline, a.dek, a.body_text ${hidden}
    and (a.headline || ' ' || a.dek || ' ' || a.body_text) glob ${CJK_GLOB}`.execute(db)
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

/** As in 0004: only articles with Chinese, Japanese or Korean text go into the trigram index. */
const CJK_GLOB = '*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]*'

/**
 * The search triggers: with `publicOnly`, an article is indexed only while published or scheduled,
 * and a change of status re-indexes it (in or out); without, as 0004 made them.
 */
async function createTriggers(db: Kysely<any>, { publicOnly }: { publicOnly: boolean }): Promise<void> {
  const findable = (ref: string) => (publicOnly ? `${ref}.status in ('published', 'scheduled')` : '1')
  const index = (table: string, ref: string, also = '1') =>
    `insert into ${table} (rowid, headline, dek, body_text) select ${docOf(ref)}, ${ref}.headline, ${ref}.dek, ${ref}.body_text
      where ${findable(ref)} and ${also};`
  const cjk = (ref: string) => `(${ref}.headline || ' ' || ${ref}.dek || ' ' || ${ref}.body_text) glob '${CJK_GLOB}'`
  for (const trigger of SEARCH_TRIGGERS) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
  }
  // Fixed DDL written here, never built from input (CJK_GLOB is a constant without quotes).
  await sql.raw(`create trigger articles_search_insert after insert on articles begin
    insert into article_search_docs (article_id) values (new.id);
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
}
