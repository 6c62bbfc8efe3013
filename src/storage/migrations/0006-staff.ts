import { SqliteAdapter, type Kysely } from 'kysely'

/**
 * The newsroom's staff: accounts with roles, their sessions, one-time links (first set-up,
 * invitations, password resets), failed sign-ins for throttling, and on articles who owns them,
 * where they are in review, and whether they are in the trash. Review and trash are kept beside
 * the status, so every public query (which asks for published or due scheduled articles) stays
 * as it is: an article in review or in the trash is a draft.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('totp_secret', 'text')
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('second_factor_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute()

  await db.schema.createTable('staff_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()

  await db.schema.createTable('sign_in_failures')
    .addColumn('id', isSqlite(db) ? 'integer' : 'serial', (c) => isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_failures_scope_failed_at').on('sign_in_failures').columns(['scope', 'failed_at']).execute()

  await db.schema.alterTable('articles').addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null')).execute()
  await db.schema.alterTable('articles').addColumn('review_state', 'text').execute()
  await db.schema.alterTable('articles').addColumn('review_note', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('articles').addColumn('trashed_at', 'text').execute()
  await db.schema.createIndex('articles_owner_id').on('articles').column('owner_id').execute()
  await db.schema.createIndex('articles_review_state').on('articles').column('review_state').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_review_state').execute()
  await db.schema.dropIndex('articles_owner_id').execute()
  for (const column of ['trashed_at', 'review_note', 'review_state', 'owner_id']) {
    await db.schema.alterTable('articles').dropColumn(column).execute()
  }
  for (const table of ['sign_in_failures', 'staff_tokens', 'sessions', 'users']) await db.schema.dropTable(table).execute()
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter
