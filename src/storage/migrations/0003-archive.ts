import type { Kysely } from 'kysely'

/**
 * What an archive brought from Ghost or WordPress needs: pages beside posts, pictures that stay
 * at their original address (`remote_url`, no local file), and redirects from old URLs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('kind', 'text', (c) => c.notNull().defaultTo('post')).execute()
  await db.schema.alterTable('media').addColumn('remote_url', 'text').execute()
  await db.schema.createIndex('media_remote_url').on('media').column('remote_url').execute()
  await db.schema.createTable('redirects')
    .addColumn('from_path', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redirects').execute()
  await db.schema.dropIndex('media_remote_url').execute()
  await db.schema.alterTable('media').dropColumn('remote_url').execute()
  await db.schema.alterTable('articles').dropColumn('kind').execute()
}
