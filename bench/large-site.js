#!/usr/bin/env node
// Large-site benchmark over a site made by bench/generate-large-site.js: time to the first page after start,
// p99 latency at 8 concurrent clients with a cold cache (every URL distinct, or carrying a query, which the page
// cache never keeps) for the front page, an article, page 500 of a tag, an author page and a search whose term is
// in 1 % of the articles; then resident memory after serving 100,000 distinct article URLs.
// Each kind's first request is also timed alone (one cold request, nothing else in flight). Before any kind is
// measured, `--warmup` seconds of each kind's load (other distinct URLs, as cold as the measured ones) let V8
// compile the code and collect the start's garbage: without it the first kind measured paid for the server's
// start (front page p99 15 ms after 2 s of its own warm-up, 10 ms after 6 s; BENCHMARKS.md).
// Usage: node bench/large-site.js --data-dir DIR [--seconds 10] [--warmup 2] [--timeout 30] [--distinct-articles 100000] [--only home,tag]
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import SQLite from 'better-sqlite3'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, seconds: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' }, timeout: { type: 'string', default: '30' }, only: { type: 'string' }, 'distinct-articles': { type: 'string', default: '100000' } } })
const dataDir = path.resolve(values['data-dir'] ?? '')
const db = new SQLite(path.join(dataDir, 'masthead.db'), { readonly: true })
const articles = db.prepare("select count(*) from articles where status = 'published'").pluck().get()
// The tag with the most articles, for "page 500 of a tag".
const bigTag = db.prepare('select t.slug, count(*) n from article_tags at join tags t on t.id = at.tag_id group by t.slug order by n desc limit 1').get()
const authors = db.prepare('select slug from people').pluck().all()
const sections = db.prepare('select slug from sections').pluck().all()
db.close()

/**
 * How much of the database file the machine holds in its page cache (`fincore`, util-linux), e.g. "9.9 of 9.9
 * GB": an article at random is read from disk when its page is not there, whatever the server does.
 */
function databaseCachedByOs() {
  const out = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES,SIZE', path.join(dataDir, 'masthead.db')], { encoding: 'utf8' })
  if (out.status !== 0) return 'unknown (no fincore)'
  const [resident, size] = out.stdout.trim().split(/\s+/).map((n) => (Number(n) / 1e9).toFixed(1))
  return `${resident} of ${size} GB`
}
const osCacheAtStart = databaseCachedByOs()

const port = 32000 + Math.floor(Math.random() * 10000)
const base = `http://127.0.0.1:${port}`
const loadAtStart = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const started = performance.now()
const server = spawn(process.execPath, [path.join(root, 'bin/masthead.js'), 'serve'], {
  env: { ...process.env, MASTHEAD_DATA_DIR: dataDir, PORT: String(port), MASTHEAD_DEMO: '0' }, stdio: ['ignore', 'ignore', 'inherit'],
})
/** The ids of the processes started (directly or not) by process `pid`. */
function descendantsOf(pid) {
  const children = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const ppid = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1])
      if (ppid === pid) children.push(Number(name))
    } catch { /* gone meanwhile */ }
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)])
}
/** CPU time the server's processes have used so far (user + system, ms): divided by requests, a cost per request that other load on the machine does not inflate as it does latency. */
const CLOCK_TICKS_PER_SECOND = 100
function serverCpuMs() {
  let ticks = 0
  for (const pid of [server.pid, ...descendantsOf(server.pid)]) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch { /* gone meanwhile */ }
  }
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND)
}
let firstPageMs
let firstPageCpuMs
for (;;) {
  try {
    const res = await fetch(`${base}/`)
    if (res.status === 200) { await res.text(); firstPageMs = Math.round(performance.now() - started); firstPageCpuMs = serverCpuMs(); break }
  } catch { /* not listening yet */ }
  await new Promise((r) => setTimeout(r, 20))
}

let counter = 0
const cases = {
  home: () => `/?cold=${counter++}`,
  article: () => `/story-${Math.floor(Math.random() * articles)}/`,
  'tag page 500': () => `/tag/${bigTag.slug}/page/500/?cold=${counter++}`,
  author: () => `/author/${authors[counter++ % authors.length]}/?cold=${counter}`,
  section: () => `/section/${sections[counter++ % sections.length]}/?cold=${counter}`,
  'search (1 % of articles)': () => `/search/?q=lighthouse&cold=${counter++}`,
}
/**
 * Waits until the server has worked off requests still queued from the last run (autocannon stops
 * at its duration, the server goes on answering): until a cheap request is answered quickly.
 */
async function settle() {
  for (let tries = 0; tries < 600; tries++) {
    const t = performance.now()
    await (await fetch(`${base}/robots.txt`)).text()
    if (performance.now() - t < 20) return
    await new Promise((r) => setTimeout(r, 200))
  }
}
const only = values.only ? values.only.split(',') : undefined
const results = {}
const load = (next, duration) => autocannon({
  url: base, connections: 8, duration, timeout: Number(values.timeout),
  requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
})
const measured = Object.entries(cases).filter(([name]) => !only || only.some((o) => name.startsWith(o)))
try {
  // Each kind's first request, alone and timed: the first of its kind since the server started.
  const singles = {}
  for (const [name, next] of measured) {
    await settle()
    const single = performance.now()
    const first = await fetch(base + next())
    await first.text()
    singles[name] = { ms: Math.round(performance.now() - single), status: first.status }
  }
  if (Number(values.warmup) > 0) {
    for (const [, next] of measured) await load(next, Number(values.warmup))
  }
  for (const [name, next] of measured) {
    await settle()
    const { ms: singleMs, status: singleStatus } = singles[name]
    const cpuBefore = serverCpuMs()
    const r = await load(next, Number(values.seconds))
    await settle()
    const cpuPerRequestMs = Number(((serverCpuMs() - cpuBefore) / r.requests.total).toFixed(2))
    results[name] = {
      singleMs, singleStatus, requests: r.requests.total, cpuPerRequestMs, requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
    }
    process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`)
  }
  let i = 0
  const distinct = Number(values['distinct-articles'])
  const servedStarted = performance.now()
  const servedCpuBefore = serverCpuMs()
  const served = distinct > 0
    ? await autocannon({ url: base, connections: 8, amount: distinct, timeout: Number(values.timeout), requests: [{ setupRequest: (req) => ({ ...req, path: `/story-${i++ % articles}/` }) }] })
    : { non2xx: 0, latency: {} }
  const servedSeconds = Math.round((performance.now() - servedStarted) / 1000)
  const servedCpuPerRequestMs = distinct > 0 ? Number(((serverCpuMs() - servedCpuBefore) / distinct).toFixed(2)) : null
  // Every process of the server counts: with MASTHEAD_WORKERS the primary and each worker (RSS summed; PSS shares
  // the pages they have in common out among them, so its sum is what they take together).
  const processes = [server.pid, ...descendantsOf(server.pid)].map((pid) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (re, text) => Number(re.exec(text)?.[1] ?? 0)
    return { pid, rssKb: kb(/VmRSS:\s+(\d+)/, status), hwmKb: kb(/VmHWM:\s+(\d+)/, status), pssKb: kb(/^Pss:\s+(\d+)/m, fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')) }
  })
  const mb = (kb) => Math.round(kb / 1024)
  const rssMb = mb(processes.reduce((sum, p) => sum + p.rssKb, 0))
  const pssMb = mb(processes.reduce((sum, p) => sum + p.pssKb, 0))
  const hwmMb = mb(processes.reduce((sum, p) => sum + p.hwmKb, 0))
  console.log(JSON.stringify({
    date: new Date().toISOString().slice(0, 10), articles, bigTag: `${bigTag.slug} (${bigTag.n} articles)`, firstPageMs, firstPageServerCpuMs: firstPageCpuMs, loadAverageAtStart: loadAtStart, databaseCachedByOs: { atStart: osCacheAtStart, atEnd: databaseCachedByOs() }, loadAverageAtEnd: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    latencyMs: results,
    memory: { distinctArticleUrls: distinct, seconds: servedSeconds, cpuPerRequestMs: servedCpuPerRequestMs, p99: served.latency.p99, non2xx: served.non2xx, rssMb, pssMb, peakRssMb: hwmMb, processes: processes.map((p) => ({ pid: p.pid, rssMb: mb(p.rssKb), pssMb: mb(p.pssKb) })) },
    node: process.version,
  }, null, 2))
} finally {
  server.kill('SIGTERM')
}
