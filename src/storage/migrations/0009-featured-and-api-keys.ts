import type { Kysely } from 'kysely'

/**
 * What the Content API needs: a `featured` flag on articles (Ghost's `featured`, 0 or 1), and
 * the keys that open the API. A key's secret is never stored: only its SHA-256 (looked up on
 * every request, hence unique and indexed) and its first characters, so people can tell keys apart.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('content'))
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_keys').execute()
  await db.schema.alterTable('articles').dropColumn('featured').execute()
}
