#!/usr/bin/env node
// Runs the test suite on SQLite, then again on PostgreSQL when a server is given
// (MASTHEAD_TEST_POSTGRES_URL). Extra arguments go to vitest on both runs.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const postgresUrl = process.env.MASTHEAD_TEST_POSTGRES_URL
const required = process.env.MASTHEAD_REQUIRE_POSTGRES === '1' || process.env.CI === 'true'

function run(backend) {
  process.stdout.write(`\n=== test suite on ${backend === 'postgres' ? 'PostgreSQL' : 'SQLite'} ===\n`)
  const result = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, MASTHEAD_TEST_BACKEND: backend },
  })
  return result.status ?? 1
}

let status = run('sqlite')
if (postgresUrl) {
  status = Math.max(status, run('postgres'))
} else if (required) {
  process.stderr.write('\nPostgreSQL run missing: MASTHEAD_TEST_POSTGRES_URL is not set (MASTHEAD_REQUIRE_POSTGRES=1 or CI=true, so this cannot be skipped)\n')
  status = Math.max(status, 1)
} else {
  process.stderr.write('\n[masthead tests] skipping the PostgreSQL run of the suite: set MASTHEAD_TEST_POSTGRES_URL to a server the tests may create databases on (e.g. postgres://postgres@127.0.0.1:55432/postgres)\n')
}
process.exit(status)
