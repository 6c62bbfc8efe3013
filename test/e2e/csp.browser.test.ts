import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoArticles } from '../../src/demo/demo-articles.js'
import { slugify } from '../../src/content/articles/slug.js'
import { launchBrowser } from '../support/browser.js'
import { startServer } from '../support/cli.js'
import { hasBrowser, hasBuild } from '../support/requirements.js'

const ready = hasBrowser() && hasBuild()

/** Records every CSP violation the page reports, from before its first byte runs. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  const console: string[] = []
  page.on('console', (m) => { if (/Content.Security.Policy|Permissions.Policy|Unrecognized feature/i.test(m.text())) console.push(m.text()) })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return {
    problems: async () => [...await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), ...console, ...errors],
  }
}

describe.runIf(ready)('the Content-Security-Policy in Chromium, against the built server with the demo site', () => {
  let dataDir: string
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-csp-'))
    server = await startServer({ MASTHEAD_DATA_DIR: dataDir })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('the home, article, search and 404 pages load with no violation, styled by their inline stylesheets', async () => {
    const article = demoArticles[0]!
    for (const url of ['/', `/${slugify(article.headline)}/`, '/search/', `/search/?q=${encodeURIComponent(article.headline.split(' ')[0]!)}`, '/no-such-page/']) {
      const page = await browser.context.newPage()
      const watcher = await watch(page)
      const res = await page.goto(`${server.url}${url}`, { waitUntil: 'load' })
      expect(res?.headers()['content-security-policy'], url).toContain("script-src 'self'")
      // The inline stylesheet applied: the masthead is laid out by it, not by the browser's defaults.
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip')!).position)
      expect(styled, `${url}: the inline stylesheet was blocked`).toBe('absolute')
      await page.waitForTimeout(100)
      expect(await watcher.problems(), url).toEqual([])
      await page.close()
    }
  })

  it('the search suggestions script still works under the policy', async () => {
    const page = await browser.context.newPage()
    const watcher = await watch(page)
    await page.goto(`${server.url}/search/`)
    const box = page.getByRole('combobox', { name: 'Search articles' })
    const word = demoArticles[0]!.headline.split(' ').find((w) => w.length >= 5)!
    await box.pressSequentially(word.slice(0, 5), { delay: 30 })
    await page.getByRole('option').first().waitFor({ state: 'visible', timeout: 10_000 })
    expect(await watcher.problems()).toEqual([])
    await page.close()
  })

  it('an inline script that slipped into a page would be blocked and reported (the check can fail)', async () => {
    const page = await browser.context.newPage()
    const watcher = await watch(page)
    await page.goto(`${server.url}/`)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__ran = true'
      document.body.append(script)
    })
    await page.waitForTimeout(100)
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
    expect((await watcher.problems()).join('\n')).toMatch(/script-src/)
    await page.close()
  })
})
