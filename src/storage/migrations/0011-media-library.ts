import type { Kysely } from 'kysely'

/**
 * The media library: who uploaded each picture and under what file name (to find it again),
 * and a default caption and credit to offer whenever it is reused, beside its default alt
 * text. Pictures from before (imports, the demo) have no uploader and empty texts. The index
 * serves the library's newest-first pages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null')).execute()
  await db.schema.alterTable('media').addColumn('original_name', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('media').addColumn('caption', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('media').addColumn('credit', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.createIndex('media_created_at').on('media').columns(['created_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_created_at').execute()
  for (const column of ['credit', 'caption', 'original_name', 'uploaded_by']) {
    await db.schema.alterTable('media').dropColumn(column).execute()
  }
}
