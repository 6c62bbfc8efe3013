import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { migrations } from '../../src/storage/migrations/index.js'
import { addArticle } from '../support/test-site.js'
import { runCli, startServer } from '../support/cli.js'
import { hasBuild } from '../support/requirements.js'
import { snapshotSite } from '../support/snapshot.js'
import { connectToDataDir, testBackend } from '../support/test-database.js'

const capture = (headline: string) => `${headline}\n\n· 1 min read\n\nA picture\n\nA paragraph of the story.\n`

describe.runIf(hasBuild())('masthead CLI', () => {
  let dir: string
  const env = () => ({ MASTHEAD_DATA_DIR: path.join(dir, 'data') })
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-cli-')) })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('migrate creates the database in MASTHEAD_DATA_DIR and is idempotent', () => {
    const first = runCli(['migrate'], env())
    expect(first.status, first.stderr).toBe(0)
    const names = Object.keys(migrations)
    expect(first.stdout).toContain(`Applied ${names.length} migration(s)`)
    expect(first.stdout).toContain(names.join(', '))
    // The database is the SQLite file in the data directory, or the one DATABASE_URL names.
    if (testBackend === 'sqlite') expect(fs.existsSync(path.join(dir, 'data', 'masthead.db'))).toBe(true)
    else expect(first.stdout).toMatch(/to postgres(ql)?:\/\//)
    expect(runCli(['migrate'], env()).stdout).toMatch(/is up to date/)
  })

  it('import reports what it created and refuses bad files naming them, with a non-zero exit and an unchanged database', async () => {
    const good = path.join(dir, 'good.txt')
    fs.writeFileSync(good, capture('Harbour wall repaired'))
    const ok = runCli(['import', good], env())
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('created "Harbour wall repaired"')
    expect(ok.stdout).toContain('/harbour-wall-repaired/')
    const before = await snapshotSite(env().MASTHEAD_DATA_DIR)

    const bad: [string, string | Buffer, RegExp][] = [
      ['empty.txt', '', /empty\.txt: the file is empty/],
      ['bogus.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /bogus\.txt: not a recognised format/],
      ['no-headline.txt', '· 1 min read\n\nalt\n\nText.', /no-headline\.txt, line 1: no headline/],
    ]
    for (const [name, content, message] of bad) {
      const file = path.join(dir, name)
      fs.writeFileSync(file, content)
      const result = runCli(['import', good, file], env())
      expect(result.status, name).toBe(1)
      expect(result.stderr, name).toMatch(message)
      expect(result.stderr, name).toContain('Nothing was imported.')
      expect(await snapshotSite(env().MASTHEAD_DATA_DIR), name).toBe(before)
    }
    const missing = runCli(['import', path.join(dir, 'absent.txt')], env())
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/absent\.txt: no such file/)
  })

  it('explains its usage and rejects unknown commands and bad settings', () => {
    expect(runCli(['--help'], env()).stdout).toMatch(/serve.*\n.*migrate.*\n.*import FILE/)
    const unknown = runCli(['publish-everything'], env())
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('unknown command "publish-everything"')
    const badPort = runCli(['migrate'], { ...env(), PORT: 'eighty' })
    expect(badPort.status).toBe(2)
    expect(badPort.stderr).toMatch(/PORT/)
    expect(runCli(['import'], env()).status).toBe(2)
  })

  it('serve fills an empty site with the demo newspaper and prints its URL', async () => {
    const server = await startServer(env())
    try {
      expect(server.output()).toContain(`Masthead is ready at ${server.url}/`)
      expect(server.output()).toMatch(/added \d+ demo articles/)
      const home = await (await fetch(`${server.url}/`)).text()
      expect(home).toContain('The Port Alder Ledger')
      const links = [...home.matchAll(/<h2><a href="(\/[^"/]+\/)">/g)].map((m) => m[1]!)
      expect(links.length).toBeGreaterThanOrEqual(5)
      for (const link of links) {
        const res = await fetch(server.url + link)
        expect(res.status, link).toBe(200)
        const html = await res.text()
        const picture = html.match(/<figure class="hero"><picture>.*?<img src="([^"]+)"/s)?.[1]
        expect(picture, link).toBeDefined()
        const image = await fetch(server.url + picture)
        expect(image.headers.get('content-type'), link).toBe('image/jpeg')
      }
    } finally {
      await server.stop()
    }
  })

  it('serves with several worker processes, and each sees an import made while it serves', async () => {
    const server = await startServer({ ...env(), MASTHEAD_WORKERS: '2', MASTHEAD_DEMO: '0' })
    try {
      expect(server.output()).toContain('(2 worker processes)')
      // The workers run with a bounded young generation (Linux: read from /proc; elsewhere unchecked).
      const workerCommandLines = childCommandLines(server.process.pid!)
      if (workerCommandLines) {
        expect(workerCommandLines).toHaveLength(2)
        for (const line of workerCommandLines) expect(line).toContain('--max-semi-space-size=4')
      }
      // Warm every worker's cache with the empty front page (connections land on either worker).
      for (let i = 0; i < 8; i++) expect(await (await fetch(`${server.url}/`, { headers: { Connection: 'close' } })).text()).toContain('Nothing has been published yet.')
      const file = path.join(dir, 'late.txt')
      fs.writeFileSync(file, capture('Late edition arrives'))
      expect(runCli(['import', file], env()).status).toBe(0)
      for (let i = 0; i < 8; i++) {
        const home = await (await fetch(`${server.url}/`, { headers: { Connection: 'close' } })).text()
        expect(home, `request ${i}`).toContain('Late edition arrives')
      }
    } finally {
      await server.stop()
    }
  })

  it('deals a burst of keep-alive connections evenly over the workers, and serves on after a worker dies', async () => {
    const server = await startServer({ ...env(), MASTHEAD_WORKERS: '2', MASTHEAD_DEMO: '0' })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })
    try {
      const get = () => new Promise<string>((resolve, reject) => {
        http.get(`${server.url}/`, { agent }, (res) => {
          let body = ''
          res.setEncoding('utf8').on('data', (d) => { body += d }).on('end', () => resolve(body))
        }).on('error', reject)
      })
      // Eight requests at once open eight connections, which stay open (keep-alive).
      for (const body of await Promise.all(Array.from({ length: 8 }, get))) expect(body).toContain('Nothing has been published yet.')
      const held = connectionsHeldByChildren(server.process.pid!, Number(new URL(server.url).port))
      if (held) expect([...held.values()].sort()).toEqual([4, 4])

      // A worker that dies is replaced; its connections are dropped, new ones are served.
      agent.destroy()
      const [first] = [...(held?.keys() ?? [])]
      if (first !== undefined) {
        process.kill(first, 'SIGKILL')
        await expect.poll(() => server.output(), { timeout: 15_000 }).toMatch(new RegExp(`worker ${first} exited`))
        for (let i = 0; i < 4; i++) expect(await (await fetch(`${server.url}/`, { headers: { Connection: 'close' } })).text()).toContain('Nothing has been published yet.')
      }
    } finally {
      agent.destroy()
      await server.stop()
    }
  })

  it('publishes a scheduled article when its time comes, with several worker processes', async () => {
    const db = connectToDataDir(path.join(dir, 'data'))
    await migrateToLatest(db)
    const dueAt = new Date(Date.now() + 3_000)
    const article = await addArticle(db, { headline: 'Tide turns', status: 'scheduled', publishedAt: dueAt }, new Date())
    const server = await startServer({ ...env(), MASTHEAD_WORKERS: '2', MASTHEAD_DEMO: '0' })
    try {
      const status = async () => (await db.selectFrom('articles').select('status').where('id', '=', article.id).executeTakeFirstOrThrow()).status
      await expect.poll(status, { timeout: 15_000, interval: 200 }).toBe('published')
      expect(server.output().match(/Published 1 scheduled article/g)).toHaveLength(1)
    } finally {
      await server.stop()
      await db.destroy()
    }
  })
})

/** The command lines of the processes whose parent is `pid`, or undefined without /proc. */
function childCommandLines(pid: number): string[] | undefined {
  if (!fs.existsSync('/proc/self/stat')) return undefined
  const lines: string[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      if (parent === pid) lines.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '))
    } catch {
      // The process ended meanwhile.
    }
  }
  return lines
}

/**
 * For each process whose parent is `pid`: how many established TCP connections on local port
 * `port` it holds (Linux: from /proc; undefined elsewhere).
 */
function connectionsHeldByChildren(pid: number, port: number): Map<number, number> | undefined {
  if (!fs.existsSync('/proc/net/tcp')) return undefined
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      // local_address is HEXIP:HEXPORT; state 01 is ESTABLISHED; field 9 is the socket's inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '01') inodes.add(fields[9]!)
    }
  }
  const held = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      if (parent !== pid) continue
      const sockets = fs.readdirSync(`/proc/${entry}/fd`).map((fd) => /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))?.[1])
      held.set(Number(entry), sockets.filter((inode) => inode !== undefined && inodes.has(inode)).length)
    } catch {
      // The process ended meanwhile.
    }
  }
  return held
}
