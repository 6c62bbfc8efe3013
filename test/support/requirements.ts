import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const sharedRoot = path.resolve(projectRoot, '..', 'shared')
export const CHROMIUM = process.env.MASTHEAD_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Whether a suite can run here. A missing requirement skips the suite with a message saying
 * what is missing, unless the matching MASTHEAD_REQUIRE_* variable is 1 (as in CI), where
 * it fails instead: there nothing may skip.
 */
function requirement(name: string, envVar: string, present: boolean, hint: string): boolean {
  if (present) return true
  const message = `${name} is missing: ${hint}`
  if (process.env[envVar] === '1') throw new Error(`${message} (${envVar}=1, so this cannot be skipped)`)
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true, so this cannot be skipped)`)
  if (!warned.has(name)) {
    warned.add(name)
    process.stderr.write(`\n[masthead tests] skipping suites that need ${name}: ${hint}\n`)
  }
  return false
}
const warned = new Set<string>()

export const hasShared = () =>
  requirement('../shared', 'MASTHEAD_REQUIRE_SHARED', fs.existsSync(path.join(sharedRoot, 'fixtures')), `no ${sharedRoot}/fixtures (shared test material lives beside the project)`)

export const hasBrowser = () =>
  requirement('Chromium', 'MASTHEAD_REQUIRE_BROWSER', fs.existsSync(CHROMIUM), `no ${CHROMIUM} (apt-get install chromium, or set MASTHEAD_CHROMIUM)`)

export const hasBuild = () =>
  requirement('the built CLI', 'MASTHEAD_REQUIRE_BROWSER', fs.existsSync(path.join(projectRoot, 'dist/cli/main.js')), 'no dist/ (run npm run build; npm test does)')

export const hasXmllint = () =>
  requirement('xmllint', 'MASTHEAD_REQUIRE_XMLLINT', spawnSync('xmllint', ['--version']).status === 0, 'no xmllint on PATH (apt-get install libxml2-utils)')

export const sharedFile = (relative: string) => path.join(sharedRoot, relative)

/** Where the PostgreSQL-backed tests find a server (a database they may create databases from). */
export const POSTGRES_URL = process.env.MASTHEAD_TEST_POSTGRES_URL

export const hasPostgres = () =>
  requirement('PostgreSQL', 'MASTHEAD_REQUIRE_POSTGRES', Boolean(POSTGRES_URL),
    'MASTHEAD_TEST_POSTGRES_URL is not set (a server the tests may create databases on, e.g. postgres://postgres@127.0.0.1:55432/postgres; .ci/run starts one)')
