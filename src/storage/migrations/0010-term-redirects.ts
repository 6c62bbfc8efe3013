import type { Kysely } from 'kysely'

/**
 * Old slugs of sections and tags: when an editor changes one, links to `/section/old/` (and its
 * pages and feeds) answer 301 to the new address. A row points at the term itself, so a second
 * change needs no chain, and deleting the term deletes its redirects. Numbered 0010 to stay
 * after the migrations other branches have claimed (0007–0009).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('term_redirects')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('old_slug', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text', (c) => c.references('sections.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.references('tags.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('term_redirects_pk', ['kind', 'old_slug'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('term_redirects').execute()
}
