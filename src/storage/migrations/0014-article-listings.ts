import { sql, SqliteAdapter, type Kysely } from 'kysely'

/**
 * The public lists (front page, section, tag and author pages, their feeds) read one page of a
 * kept, ordered copy of their membership instead of filtering and sorting every article of their
 * scope, and their lengths are kept instead of counted: at a million articles a deep tag page or
 * an author page took seconds, now an index range of one page.
 *
 * - `article_listings`: one row per list a public post is on — scope 'all' (term ''), 'section',
 *   'tag' or 'author' (term: the section, tag or person id) — with its publication time as
 *   `listed_at`. A post is listed when it is published or scheduled (a scheduled one shows once
 *   its time has come: readers filter on `listed_at <= now`). Pages and drafts have no rows.
 * - `listing_counts`: how many rows each list has, kept in the same transaction as the rows.
 *
 * Both are kept by `syncListings` (src/content/articles/article-listings.ts) wherever an article,
 * its tags or its authors are written. Existing articles are listed here, with portable SQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite's migrations run outside a transaction (Kysely's choice); this one is all or nothing.
  if (db.isTransaction) return createAndFill(db)
  await db.transaction().execute(createAndFill)
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter

async function createAndFill(db: Kysely<any>): Promise<void> {
  // Keyed in page order, so a page of a list is a range of the table itself. On SQLite the rows
  // live in that key's B-tree (WITHOUT ROWID) rather than in a table plus an index that copies them.
  const table = db.schema.createTable('article_listings')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('listed_at', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_listings_pk', ['scope', 'term_id', 'listed_at', 'article_id'])
  await (isSqlite(db) ? table.modifyEnd(sql`without rowid`) : table).execute()
  await db.schema.createTable('listing_counts')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_counts_pk', ['scope', 'term_id'])
    .execute()

  // The front page's and the sections' lists from the articles, in key order (appended, not
  // scattered); then the tags' and authors' from the front page's rows, through the article index,
  // rather than by looking up millions of articles (their rows carry the bodies) one by one.
  const columns = ['scope', 'term_id', 'listed_at', 'article_id']
  const insert = () => db.insertInto('article_listings').columns(columns)
  const listed = db.selectFrom('articles as a')
    .where('a.kind', '=', 'post').where('a.status', 'in', ['published', 'scheduled']).where('a.published_at', 'is not', null)
  await insert().expression(listed.select([sql.lit('all').as('scope'), sql.lit('').as('term_id'), 'a.published_at', 'a.id'])
    .orderBy('a.published_at').orderBy('a.id')).execute()
  await insert().expression(listed.where('a.section_id', 'is not', null).select([sql.lit('section').as('scope'), 'a.section_id', 'a.published_at', 'a.id'])
    .orderBy('a.section_id').orderBy('a.published_at').orderBy('a.id')).execute()
  // An article's own rows, for keeping them in step when it changes.
  await db.schema.createIndex('article_listings_article').on('article_listings').columns(['article_id', 'scope', 'term_id']).unique().execute()
  const front = db.selectFrom('article_listings as l').where('l.scope', '=', 'all').where('l.term_id', '=', '')
  await insert().expression(front.innerJoin('article_tags as t', 't.article_id', 'l.article_id')
    .select([sql.lit('tag').as('scope'), 't.tag_id', 'l.listed_at', 'l.article_id']).orderBy('t.tag_id').orderBy('l.listed_at').orderBy('l.article_id')).execute()
  await insert().expression(front.innerJoin('article_authors as p', 'p.article_id', 'l.article_id')
    .select([sql.lit('author').as('scope'), 'p.person_id', 'l.listed_at', 'l.article_id']).orderBy('p.person_id').orderBy('l.listed_at').orderBy('l.article_id')).execute()

  await db.insertInto('listing_counts').columns(['scope', 'term_id', 'articles'])
    .expression(db.selectFrom('article_listings').select(['scope', 'term_id', (eb) => eb.fn.countAll().as('articles')]).groupBy(['scope', 'term_id']))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('listing_counts').execute()
  await db.schema.dropTable('article_listings').execute()
}
