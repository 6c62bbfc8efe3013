#!/usr/bin/env node
// Lighthouse scores and page weight: starts a fresh Masthead (demo content on, plus the reference capture) in a
// temp data dir on a free port, runs Lighthouse (mobile profile, the default) with Debian's Chromium against the
// home page and the article page, and measures the article page's HTML as the server sends it compressed.
// Usage: node bench/lighthouse.js [--capture FILE] [--chrome /usr/bin/chromium] [--reports DIR (full Lighthouse JSON)]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: {
  capture: { type: 'string', default: path.join(root, '../shared/fixtures/seed-article.txt') },
  reports: { type: 'string' },
  chrome: { type: 'string', default: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
} })

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const TARGET_COMPRESSED_BYTES = 30 * 1024

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-lighthouse-'))
const bin = path.join(root, 'bin/masthead.js')

/** A port nobody listens on right now: the OS picks it, we close and reuse it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject)
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)) })
  })
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => { out += d })
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`masthead ${args.join(' ')} exited ${code}`))))
  })
}

/** The body's bytes exactly as sent (no decoding), with the response's content-encoding. */
function rawGet(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? 'identity', bytes: Buffer.concat(chunks).length }))
    }).on('error', reject)
  })
}

const ms = (audit) => (audit?.numericValue === undefined ? null : Math.round(audit.numericValue))

function summarize(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]))
  // Failing: audits that weigh in a category's score and did not pass. Diagnostics: scored audits that did not
  // pass but weigh nothing (e.g. max-potential-fid); shown apart so they are not mistaken for lost points.
  const weights = new Map(CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.map((r) => [r.id, r.weight])))
  const below = (a) => weights.has(a.id) && typeof a.score === 'number' && a.score < 1
    && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode)
  const brief = (a) => ({ id: a.id, title: a.title, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) })
  const audits = Object.values(lhr.audits).filter(below)
  const failing = audits.filter((a) => weights.get(a.id) > 0).map(brief)
  const diagnostics = audits.filter((a) => weights.get(a.id) === 0).map(brief)
  // Audits Lighthouse could not run (with Lighthouse 12.2.3 on Chromium 156 the trace-based ones such as
  // lcp-lazy-loaded and layout-shifts fail to read the trace): neither passed nor failed, so listed by name.
  const didNotRun = Object.values(lhr.audits).filter((a) => weights.has(a.id) && a.scoreDisplayMode === 'error')
    .map((a) => ({ id: a.id, error: String(a.errorMessage).split('\n')[0].slice(0, 160) }))
  const a = lhr.audits
  const metrics = {
    fcpMs: ms(a['first-contentful-paint']),
    lcpMs: ms(a['largest-contentful-paint']),
    cls: a['cumulative-layout-shift']?.numericValue ?? null,
    tbtMs: ms(a['total-blocking-time']),
  }
  const requests = a['network-requests']?.details?.items ?? []
  // The favicon is fetched as type "Other": a picture all the same, so go by MIME type too.
  const isPicture = (r) => r.resourceType === 'Image' || String(r.mimeType).startsWith('image/')
  const notPictures = requests.filter((r) => !isPicture(r))
  const weight = {
    requests: requests.length,
    transferBytes: requests.reduce((n, r) => n + (r.transferSize ?? 0), 0),
    transferBytesExceptPictures: notPictures.reduce((n, r) => n + (r.transferSize ?? 0), 0),
    resources: requests.map((r) => ({ url: r.url, type: r.resourceType, mimeType: r.mimeType, transferSize: r.transferSize })),
  }
  return { url: lhr.finalDisplayedUrl, scores, metrics, failing, diagnostics, didNotRun, weight, warnings: lhr.runWarnings }
}

const port = await freePort()
const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '1', PORT: String(port), HOST: '127.0.0.1' }
delete env.MASTHEAD_SITE_URL
const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
let chrome
try {
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { if (String(d).includes('ready at')) resolve() })
    server.on('exit', (code) => reject(new Error(`masthead serve exited ${code}`)))
  })
  // The demo articles are in (an empty site gets them on first start); the capture goes in beside them.
  const imported = await run(['import', values.capture], env)
  const articlePath = new URL(imported.match(/https?:\/\/\S+/)[0]).pathname
  const base = `http://127.0.0.1:${port}`
  const pages = { home: `${base}/`, article: `${base}${articlePath}` }

  const html = {}
  for (const encoding of ['br', 'gzip', 'identity']) {
    const res = await rawGet(pages.article, encoding)
    if (res.status !== 200) throw new Error(`article page answered ${res.status}`)
    if (res.encoding !== encoding) throw new Error(`asked for ${encoding}, got ${res.encoding}`)
    html[encoding] = res.bytes
  }

  chrome = await chromeLauncher.launch({ chromePath: values.chrome, chromeFlags: CHROME_FLAGS })
  const results = {}
  for (const [name, url] of Object.entries(pages)) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES })
    results[name] = summarize(lhr)
    if (values.reports) {
      fs.mkdirSync(values.reports, { recursive: true })
      fs.writeFileSync(path.join(values.reports, `${name}.json`), JSON.stringify(lhr))
    }
  }
  const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`).then((r) => r.json())

  console.log(JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
    browser: version.Browser,
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    pages: results,
    articleHtmlBytes: {
      identity: html.identity,
      br: html.br,
      gzip: html.gzip,
      targetCompressed: TARGET_COMPRESSED_BYTES,
      withinTarget: Math.max(html.br, html.gzip) <= TARGET_COMPRESSED_BYTES,
    },
  }, null, 2))
} finally {
  await chrome?.kill()
  server.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
}
