import { sql, SqliteAdapter, type Kysely } from 'kysely'
import { createPostgresSearch, dropPostgresSearch } from './postgres-search-ddl.js'
import { deleteFrom, insertInto, SEARCH_TRIGGERS } from './sqlite-search-ddl.js'

/**
 * Full-text search. `articles.body_text` (the visible text of the body) is portable; the index
 * itself is dialect-specific. On SQLite it is two FTS5 tables kept in step by triggers on
 * `articles`, so every write path (save, import, a future admin or a hand-run UPDATE) updates it:
 *
 * - `article_search`: unicode61 with diacritics removed (café = cafe), for word and prefix queries;
 * - `article_search_trigram`: trigram, for substrings inside CJK words (Korean particles, Chinese).
 *
 * Both key their rows by `article_search_docs.doc_id`, an INTEGER PRIMARY KEY mapped to the
 * article id, not by `articles.rowid`: a text-keyed table's rowids may change on VACUUM.
 * PostgreSQL uses a generated tsvector column with a GIN index instead (postgres-search-ddl.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('body_text', 'text', (c) => c.notNull().defaultTo('')).execute()
  await backfillBodyText(db)
  if (isSqlite(db)) await createSqliteIndex(db)
  else await createPostgresSearch(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of SEARCH_TRIGGERS) {
      await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
    }
    for (const table of ['article_search', 'article_search_trigram', 'article_search_docs']) {
      await db.schema.dropTable(table).ifExists().execute()
    }
  } else {
    await dropPostgresSearch(db)
  }
  await db.schema.alterTable('articles').dropColumn('body_text').execute()
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

// SQLite only: FTS5 virtual tables and triggers have no portable form.
async function createSqliteIndex(db: Kysely<any>): Promise<void> {
  await sql`create table article_search_docs (
    doc_id integer primary key,
    article_id text not null unique
  )`.execute(db)
  await sql`create virtual table article_search using fts5(
    headline, dek, body_text, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db)
  await sql`create virtual table article_search_trigram using fts5(
    headline, dek, body_text, tokenize = 'trigram remove_diacritics 1'
  )`.execute(db)

  // The doc row is written first, so the index rows can take its key.
  // These strings are fixed DDL written here, never built from input.
  await sql.raw(`create trigger articles_search_insert after insert on articles begin
    insert into article_search_docs (article_id) values (new.id);
    ${insertInto('article_search', 'new')}
    ${insertInto('article_search_trigram', 'new')}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_update after update of id, headline, dek, body_text on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    update article_search_docs set article_id = new.id where article_id = old.id;
    ${insertInto('article_search', 'new')}
    ${insertInto('article_search_trigram', 'new')}
  end`).execute(db)
  await sql.raw(`create trigger articles_search_delete after delete on articles begin
    ${deleteFrom('article_search', 'old')}
    ${deleteFrom('article_search_trigram', 'old')}
    delete from article_search_docs where article_id = old.id;
  end`).execute(db)

  // Index what is already there.
  await sql`insert into article_search_docs (article_id) select id from articles order by rowid`.execute(db)
  for (const table of ['article_search', 'article_search_trigram']) {
    await sql`insert into ${sql.table(table)} (rowid, headline, dek, body_text)
      select d.doc_id, a.headline, a.dek, a.body_text from articles a join article_search_docs d on d.article_id = a.id`.execute(db)
  }
}

/**
 * Existing rows get their text from the stored, sanitised HTML. From now on saveArticle
 * stores the renderer's own text; this is the close-enough version for old rows.
 */
async function backfillBodyText(db: Kysely<any>): Promise<void> {
  // Aliased, so the result keys are the same with or without the CamelCasePlugin.
  const rows = await db.selectFrom('articles').select(['id', 'body_html as html']).execute()
  for (const row of rows as { id: string; html: string }[]) {
    await db.updateTable('articles').set({ body_text: htmlToText(row.html) }).where('id', '=', row.id).execute()
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|pre|td|th|div|tr|figure)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity
      }
      return ENTITIES[name.toLowerCase()] ?? entity
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim()
}
