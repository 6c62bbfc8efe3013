import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli, runCliAsync, startServer } from '../support/cli.js'
import { hasBuild } from '../support/requirements.js'
import { connectToDataDir, testBackend } from '../support/test-database.js'

const capture = (headline: string) => `${headline}\n\n· 1 min read\n\nA picture\n\nA paragraph of the story.\n`

/** The articles of the test site in `dataDir`, on the suite's backend, read through a connection of its own. */
async function siteArticles(dataDir: string): Promise<unknown[]> {
  if (testBackend === 'sqlite') return articlesIn(path.join(dataDir, 'masthead.db'))
  const db = connectToDataDir(dataDir)
  try {
    return (await sql`select id, slug, headline, status, updated_at, body_html from articles order by id`.execute(db)).rows
  } finally {
    await db.destroy()
  }
}

/** The articles of a SQLite file, read through a connection of its own. */
function articlesIn(file: string): unknown[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('select id, slug, headline, status, updated_at, body_html from articles order by id').all()
  } finally {
    db.close()
  }
}

describe.runIf(hasBuild())('masthead export, import of an export, and backup', () => {
  let dir: string
  const env = (name: string) => ({ MASTHEAD_DATA_DIR: path.join(dir, name), MASTHEAD_DEMO: '0' })
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-export-cli-')) })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('exports to a folder and a tar, and restores either into an empty site only', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), capture('Harbour wall repaired'))
    expect(runCli(['import', path.join(dir, 'a.txt')], env('source')).status).toBe(0)

    const folder = path.join(dir, 'out', 'site-export')
    const exported = runCli(['export', '--out', folder], env('source'))
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.stdout).toContain(`Exported the site to ${folder}/`)
    expect(exported.stdout).toMatch(/1 articles, 0 sections, 0 tags, 0 people, 1 pictures \(\d+ files\)/)
    expect(fs.readdirSync(folder).sort()).toEqual(['media', 'site.json'])
    expect(fs.readdirSync(path.dirname(folder))).toEqual(['site-export'])
    const again = runCli(['export', '--out', folder], env('source'))
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already exists')

    const tarFile = path.join(dir, 'site.tar')
    const packed = runCli(['export', '--tar', '--out', tarFile], env('source'))
    expect(packed.status, packed.stderr).toBe(0)
    expect(fs.readFileSync(tarFile).subarray(257, 262).toString()).toBe('ustar')

    const fromTar = runCli(['import', tarFile], env('from-tar'))
    expect(fromTar.status, fromTar.stderr).toBe(0)
    expect(fromTar.stdout).toContain('created "Harbour wall repaired"')
    expect(fromTar.stdout).toMatch(/restored 1 articles/)
    const sourceArticles = await siteArticles(path.join(dir, 'source'))
    expect(sourceArticles).toHaveLength(1)
    expect(await siteArticles(path.join(dir, 'from-tar'))).toEqual(sourceArticles)

    const fromFolder = runCli(['import', folder], env('from-folder'))
    expect(fromFolder.status, fromFolder.stderr).toBe(0)
    expect(await siteArticles(path.join(dir, 'from-folder'))).toEqual(sourceArticles)

    const intoFull = runCli(['import', path.join(folder, 'site.json')], env('source'))
    expect(intoFull.status).toBe(1)
    expect(intoFull.stderr).toMatch(/only into an empty site, and this one has 1 articles/)
    expect(intoFull.stderr).toContain('Nothing was imported.')
  })

  it('backs up the database while the site serves, consistent and complete (on PostgreSQL: refuses, pointing to pg_dump)', async () => {
    if (testBackend === 'postgres') {
      const refused = runCli(['backup', path.join(dir, 'site.db')], { MASTHEAD_DATA_DIR: path.join(dir, 'live') })
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('pg_dump')
      expect(refused.stderr).not.toMatch(/postgres(ql)?:\/\//)
      expect(fs.existsSync(path.join(dir, 'site.db'))).toBe(false)
      return
    }
    const server = await startServer({ MASTHEAD_DATA_DIR: path.join(dir, 'live') })
    try {
      const home = await (await fetch(`${server.url}/`)).text()
      const links = [...home.matchAll(/<h2><a href="(\/[^"/]+\/)">/g)].map((m) => m[1]!)
      expect(links.length).toBeGreaterThan(0)
      const backupFile = path.join(dir, 'backups', 'site.db')
      fs.mkdirSync(path.dirname(backupFile))

      // Readers keep coming while the backup runs; every one of them is answered.
      let backupDone = false
      const statuses: number[] = []
      const readers = Array.from({ length: 4 }, async (_, i) => {
        for (let n = 0; n < 500 && (!backupDone || n < 5); n++) {
          const res = await fetch(server.url + (links[(i + n) % links.length] ?? '/'))
          await res.arrayBuffer()
          statuses.push(res.status)
        }
      })
      const backup = await runCliAsync(['backup', backupFile], { MASTHEAD_DATA_DIR: path.join(dir, 'live') })
      backupDone = true
      await Promise.all(readers)
      expect(backup.status, backup.stderr).toBe(0)
      expect(statuses.length).toBeGreaterThan(20)
      expect(new Set(statuses)).toEqual(new Set([200]))
      expect(backup.stdout).toMatch(/Backed up .*masthead\.db to .*site\.db: [\d.]+ [KM]B \(\d+ pages\)/)
      expect(backup.stdout).toMatch(new RegExp(`It holds ${links.length} articles`))
      expect(backup.stdout).toContain('Picture files are not in the backup')

      const copy = new SQLite(backupFile, { readonly: true, fileMustExist: true })
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      } finally {
        copy.close()
      }
      expect(articlesIn(backupFile)).toEqual(articlesIn(path.join(dir, 'live', 'masthead.db')))
      expect(fs.readdirSync(path.dirname(backupFile))).toEqual(['site.db'])

      const refused = runCli(['backup', backupFile], { MASTHEAD_DATA_DIR: path.join(dir, 'live') })
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('already exists; add --force')
      const forced = runCli(['backup', '--force', backupFile], { MASTHEAD_DATA_DIR: path.join(dir, 'live') })
      expect(forced.status, forced.stderr).toBe(0)
    } finally {
      await server.stop()
    }
  })
})
