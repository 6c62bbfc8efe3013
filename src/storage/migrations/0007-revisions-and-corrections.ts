import { sql, type Kysely } from 'kysely'

/**
 * Editing in the newsroom: `articles.version` counts writes so a second editor's stale save is
 * refused rather than overwriting the first's; `article_revisions` keeps every saved state of an
 * article, whole enough to restore it; `article_corrections` holds the public corrections and
 * update notes shown under an article.
 *
 * Revisions do not reference sections, tags, people or pictures by foreign key: history keeps
 * what was saved even after those are deleted (a restore then names the missing ones).
 * `saved_by` and `created_by` are user ids, or null for imports and the system.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute()

  await db.schema.createTable('article_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    // The version this one restored, when it was written by restoring an older revision.
    .addColumn('restored_from', 'integer')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('body_format', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('hero_media_id', 'text')
    .addColumn('hero_alt', 'text', (c) => c.notNull())
    .addColumn('hero_caption', 'text', (c) => c.notNull())
    .addColumn('hero_credit', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('tag_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text')
    .execute()
  // One revision per version of an article; also the index for "newest first".
  await db.schema.createIndex('article_revisions_article_version').on('article_revisions').columns(['article_id', 'version']).unique().execute()

  await db.schema.createTable('article_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('correction', 'update')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema.createIndex('article_corrections_article_noted_at').on('article_corrections').columns(['article_id', 'noted_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_corrections').execute()
  await db.schema.dropTable('article_revisions').execute()
  await db.schema.alterTable('articles').dropColumn('version').execute()
}
