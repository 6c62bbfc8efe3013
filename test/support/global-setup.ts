import pg from 'pg'

/**
 * After a PostgreSQL run, drops the databases the tests made (a test that failed before closing
 * its site leaves one behind). The migrated templates stay: the next run reuses them.
 */
export async function teardown(): Promise<void> {
  const url = process.env.MASTHEAD_TEST_POSTGRES_URL
  if (!url || process.env.MASTHEAD_TEST_BACKEND !== 'postgres' && !process.env.MASTHEAD_REQUIRE_POSTGRES) return
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query<{ name: string }>(
      "select datname as name from pg_database where datname like 'masthead\\_t\\_%' or datname like 'masthead\\_d\\_%' or datname like 'masthead\\_e\\_%'")
    for (const { name } of rows) await client.query(`drop database if exists "${name}" with (force)`)
  } catch {
    // Nothing to tidy when the server is gone.
  } finally {
    await client.end().catch(() => {})
  }
}
