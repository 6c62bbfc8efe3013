import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Tags this run: the databases its tests make carry the tag in their names (see test-database.ts). */
export function setup(): void {
  process.env.MASTHEAD_TEST_RUN ??= randomBytes(4).toString('hex')
}

/**
 * After a PostgreSQL run, drops the databases this run's tests made (a test that failed before
 * closing its site leaves one behind), and only those: another run may be using the same server.
 * The migrated templates stay: the next run reuses them.
 */
export async function teardown(): Promise<void> {
  const url = process.env.MASTHEAD_TEST_POSTGRES_URL
  if (!url || !process.env.MASTHEAD_TEST_RUN || process.env.MASTHEAD_TEST_BACKEND !== 'postgres' && !process.env.MASTHEAD_REQUIRE_POSTGRES) return
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query<{ name: string }>(
      "select datname as name from pg_database where datname similar to 'masthead\\_(t|d|e)\\_' || $1 || '\\_%'", [process.env.MASTHEAD_TEST_RUN])
    for (const { name } of rows) await client.query(`drop database if exists "${name}" with (force)`)
  } catch {
    // Nothing to tidy when the server is gone.
  } finally {
    await client.end().catch(() => {})
  }
}
