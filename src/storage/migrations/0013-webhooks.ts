import type { Kysely } from 'kysely'

/**
 * Webhooks and their outbox. The secret is stored as it is, not hashed: every delivery is signed
 * with it (HMAC), so the server needs it back; it is shown to administrators only. One outbox row
 * per event and webhook: its id is the delivery id receivers de-duplicate by. The index serves the
 * worker's claim (status, due time); the second serves a webhook's delivery log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_attempt_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('locked_until', 'text')
    .execute()
  await db.schema.createIndex('webhook_events_due').on('webhook_events').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('webhook_events_log').on('webhook_events').columns(['webhook_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_events').execute()
  await db.schema.dropTable('webhooks').execute()
}
