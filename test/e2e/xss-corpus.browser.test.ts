import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { getRequestListener } from '@hono/node-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { silentLog } from '../../src/core/log.js'
import { createWebApp } from '../../src/http/app.js'
import { SITE_CSP } from '../../src/http/security-headers.js'
import { openSqlite, type Db } from '../../src/storage/connect.js'
import { memoryFileStore } from '../../src/storage/files/local-file-store.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { launchOfflineBrowser } from '../support/browser.js'
import { hasBrowser, hasShared, sharedFile } from '../support/requirements.js'
import { TEST_NOW } from '../support/test-site.js'
import { callNamesIn, instrument, type FrameScan, type Trip } from '../support/xss-instrument.js'
import { XSS_INPUT_PATHS, type Stored } from '../support/xss-input-paths.js'

const ready = hasShared() && hasBrowser()

interface Vector { title?: string; payload: string }
/** Frames rendered side by side in one harness page. */
const BATCH = 150
/** A frame that has not loaded by then is scanned as it is (and fails if it shows no article). */
const FRAME_LOAD_MS = 10_000
/** Time left after the frames load for timers, autofocus and late events to fire. */
const SETTLE_MS = 300

/** Rejects when `promise` takes longer than `ms`: a frame stuck in a dialog or a loop must not hang the run. */
const withTimeout = <T>(promise: Promise<T>, ms: number) => Promise.race([
  promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
])

/**
 * The XSS conformance suite: every payload of DOMPurify's corpus goes in by every input path
 * (XSS_INPUT_PATHS), and its public article page is rendered in Chromium, instrumented before
 * any of the page's own script runs (see instrument()). Nothing may run: no trapped call, no
 * inline handler firing, no script error, no dialog or pop-up, no `javascript:` navigation, no
 * foreign script request; and no handler, `javascript:` address or script-capable element may
 * be left in the page for a click to set off later.
 *
 * Pages render with the site's real headers, so an attempt the CSP blocks still counts (as a
 * violation). The sanitiser alone is held to account by the scan of each rendered document, which
 * does not depend on the CSP: any handler attribute, `javascript:` address or script-capable
 * element left in the page fails the run.
 */
describe.runIf(ready)('XSS corpus: every payload through every input path, rendered in Chromium', () => {
  const vectors = ready ? (JSON.parse(fs.readFileSync(sharedFile('corpora/xss/dompurify-vectors.json'), 'utf8')) as Vector[]) : []
  const payloads = vectors.map((v) => v.payload)
  let db: Db
  let scratch: string
  let server: http.Server
  let origin: string
  let browser: Browser
  const stored = new Map<string, Stored[]>()

  beforeAll(async () => {
    db = openSqlite(':memory:')
    await migrateToLatest(db)
    const files = memoryFileStore()
    const now = new Date(TEST_NOW)
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-xss-'))
    const { app } = createWebApp({ db, files, clock: fixedClock(TEST_NOW), log: silentLog, siteUrl: 'http://127.0.0.1' })
    for (const input of XSS_INPUT_PATHS) {
      const folder = fs.mkdtempSync(path.join(scratch, 'in-'))
      stored.set(input.name, await input.store({ db, files, now, app }, payloads, folder))
    }
    const site = getRequestListener(app.fetch)
    // The site, plus the test's own pages: an empty harness for the frames, and controls.
    server = http.createServer((req, res) => {
      const url = req.url ?? '/'
      if (url === '/__harness') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>harness</title><body>')
      const raw = /^\/__raw\/(\d+)$/.exec(url)
      if (raw) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>raw</title><article class="article"><div class="body">${payloads[Number(raw[1])]}</div></article>`)
      if (url.startsWith('/__control')) return void res.writeHead(200, { 'Content-Type': 'text/html', ...(url.endsWith('csp') && { 'Content-Security-Policy': SITE_CSP }) }).end('<!doctype html><article class="article"><div class="body"><img src="/nowhere.png" onerror="void 0"></div></article>')
      void site(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    browser = await launchOfflineBrowser()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
    await db?.destroy()
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
  })

  /** A fresh instrumented context (its own CSP setting), and a function rendering paths in frames. */
  async function renderer({ bypassCSP }: { bypassCSP: boolean }) {
    const context: BrowserContext = await browser.newContext({ bypassCSP })
    const { trips, watch, scanner } = await instrument(context, callNamesIn(payloads))
    const scans = new Map<string, FrameScan>()
    const render = async (urls: string[]) => {
      const expected = new Set([`${origin}/__harness`, 'about:blank', ...urls.map((u) => `${origin}${u}`)])
      for (let i = 0; i < urls.length; i += BATCH) {
        const page: Page = await context.newPage()
        watch(page, (url) => expected.has(url))
        await page.goto(`${origin}/__harness`)
        const started = performance.now()
        // The harness loads a batch of pages side by side, lets them settle, then scans each one.
        const batchScans = await withTimeout(page.evaluate(async ({ batch, wait, settle, scanner }) => {
          const frames = batch.map((src) => {
            const frame = document.createElement('iframe')
            frame.width = '320'
            frame.height = '240'
            const loaded = new Promise((resolve) => {
              frame.onload = resolve
              frame.onerror = resolve
              setTimeout(resolve, wait)
            })
            frame.src = src
            document.body.append(frame)
            return { src, frame, loaded }
          })
          await Promise.all(frames.map((f) => f.loaded))
          await new Promise((resolve) => setTimeout(resolve, settle))
          const scan = (window as unknown as Record<string, (doc: Document) => FrameScan>)[scanner]!
          return frames.map(({ src, frame }) => {
            try {
              return { src, ...scan(frame.contentDocument!) }
            } catch (error) {
              return { src, url: '', rendered: false, problems: [`scan failed: ${String(error)}`] }
            }
          })
        }, { batch: urls.slice(i, i + BATCH), wait: FRAME_LOAD_MS, settle: SETTLE_MS, scanner }), FRAME_LOAD_MS + 20_000)
        for (const { src, ...scan } of batchScans) {
          // A frame that went elsewhere than its page is a problem in itself.
          if (new URL(scan.url || 'about:blank', origin).pathname !== src) scan.problems.push(`the frame is at ${scan.url}, not ${src}`)
          scans.set(src, scan)
        }
        if (process.env.MASTHEAD_XSS_DEBUG) process.stdout.write(`[xss] batch ${i / BATCH}: ${(performance.now() - started).toFixed(0)} ms\n`)
        await withTimeout(page.close({ runBeforeUnload: false }), 5_000).catch(() => undefined)
      }
    }
    return { trips, scans, render, close: () => context.close() }
  }

  it('the instrumentation catches execution: a firing inline handler, and the raw corpus unsanitised', async () => {
    const raw = await renderer({ bypassCSP: true })
    await raw.render(['/__control', ...payloads.map((_, i) => `/__raw/${i}`)])
    const caught = (url: string) => raw.trips.filter((t) => t.url.endsWith(url))
    expect(caught('/__control').map((t) => t.kind)).toContain('handler')
    expect(raw.scans.get('/__control')?.problems).toEqual(['<img onerror>'])
    if (process.env.MASTHEAD_XSS_DEBUG) for (const t of raw.trips) process.stdout.write(`[xss] trip ${t.url} ${t.kind} ${t.detail}\n`)
    const ran = new Set(raw.trips.filter((t) => t.url.includes('/__raw/')).map((t) => t.url))
    const flagged = [...raw.scans].filter(([url, scan]) => url.startsWith('/__raw/') && scan.problems.length > 0).length
    process.stdout.write(`[xss] control: unsanitised, ${ran.size} of ${payloads.length} payloads ran something, ${flagged} left something runnable in the page\n`)
    expect(ran.size).toBeGreaterThanOrEqual(30)
    expect(flagged).toBeGreaterThanOrEqual(150)
    await raw.close()

    // Under the site's CSP the same handler cannot run, and the attempt is reported.
    const strict = await renderer({ bypassCSP: false })
    await strict.render(['/__control-csp'])
    expect(strict.trips.map((t) => `${t.kind} ${t.detail}`)).toContainEqual(expect.stringMatching(/^csp script-src/))
    await strict.close()
  }, 180_000)

  it('no payload runs on any path, and none leaves anything runnable in its page', async () => {
    const run = await renderer({ bypassCSP: false })
    const urls = [...stored.values()].flat().flatMap((s) => ('path' in s ? [s.path] : []))
    await run.render(urls)
    const lines: string[] = []
    const failures: string[] = []
    for (const input of XSS_INPUT_PATHS) {
      const results = stored.get(input.name)!
      const pages = results.flatMap((s, i) => ('path' in s ? [{ i, path: s.path }] : []))
      const refused = results.length - pages.length
      let executed = 0
      for (const { i, path: url } of pages) {
        const trips: Trip[] = run.trips.filter((t) => new URL(t.url, origin).pathname === url)
        const scan = run.scans.get(url)
        const problems = [...trips.map((t) => `${t.kind}: ${t.detail}`), ...(scan?.problems ?? []), ...(scan?.rendered ? [] : ['the article page did not render'])]
        if (problems.length) {
          executed++
          failures.push(`${input.name}, payload ${i} (${vectors[i]!.title ?? payloads[i]!.slice(0, 60)}): ${problems.join('; ')}`)
        }
      }
      lines.push(`${input.name}: ${pages.length} rendered, ${refused} refused at input, ${executed} executed`)
      // A path that stored almost nothing would pass vacuously.
      expect(pages.length, `${input.name} stored too few payloads: ${results.find((s) => 'refused' in s && s.refused) ? JSON.stringify(results.find((s) => 'refused' in s)) : ''}`).toBeGreaterThanOrEqual(payloads.length * 0.9)
    }
    const outside = run.trips.filter((t) => !urls.includes(new URL(t.url, origin).pathname))
    const total = urls.length
    process.stdout.write(`[xss] ${payloads.length} payloads × ${XSS_INPUT_PATHS.length} paths, ${total} pages, ${failures.length} executed\n  ${lines.join('\n  ')}\n`)
    expect(failures).toEqual([])
    expect(outside).toEqual([])
    await run.close()
  }, 300_000)
})
