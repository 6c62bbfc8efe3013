import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoArticles } from '../../src/demo/demo-articles.js'
import { launchBrowser } from '../support/browser.js'
import { startServer } from '../support/cli.js'
import { hasBrowser, hasBuild } from '../support/requirements.js'

const ready = hasBrowser() && hasBuild()

/** A demo article and a word (of at least 7 letters) in its headline that no other demo article uses. */
function distinctiveWord() {
  const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? []
  for (const article of demoArticles) {
    const others = new Set(demoArticles.filter((a) => a !== article).flatMap((a) => words(`${a.headline} ${a.dek} ${a.body}`)))
    const word = words(article.headline).find((w) => w.length >= 7 && !others.has(w) && !others.has(`${w}s`))
    if (word) return { headline: article.headline, word }
  }
  throw new Error('no demo headline has a word of its own')
}

describe.runIf(ready)('search in Chromium, against the built server with the demo site', () => {
  let dataDir: string
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const { headline, word } = distinctiveWord()

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-search-'))
    server = await startServer({ MASTHEAD_DATA_DIR: dataDir })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('suggests articles while typing, moves through them by keyboard, and submits to a results page', async () => {
    const page = await browser.context.newPage()
    const failed: string[] = []
    page.on('pageerror', (e) => failed.push(e.message))
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'Search', exact: true }).click()
    await page.waitForURL(/\/search\/$/)

    const box = page.getByRole('combobox', { name: 'Search articles' })
    await box.click()
    await box.pressSequentially(word.slice(0, 5), { delay: 40 })
    const option = page.getByRole('option').filter({ hasText: headline })
    await option.waitFor({ state: 'visible', timeout: 10_000 })
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true')
    const listId = await box.getAttribute('aria-controls')
    await expect(page.locator(`#${listId} mark`).first().innerText()).resolves.toMatch(new RegExp(`^${word.slice(0, 5)}`, 'i'))

    await box.press('ArrowDown')
    const activeId = await box.getAttribute('aria-activedescendant')
    expect(activeId).toBeTruthy()
    await expect(page.locator(`#${activeId}`).getAttribute('aria-selected')).resolves.toBe('true')
    await box.press('Escape')
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(page.locator(`#${listId}`).isHidden()).resolves.toBe(true)

    await box.fill(word)
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.getByRole('button', { name: 'Search' }).click()])
    expect(new URL(page.url()).searchParams.get('q')).toBe(word)
    const result = page.locator('.search-result').filter({ hasText: headline })
    await expect(result.count()).resolves.toBe(1)
    await expect(result.locator('mark').first().innerText()).resolves.toMatch(new RegExp(word, 'i'))
    await result.getByRole('link', { name: headline }).click()
    await expect(page.locator('article h1').innerText()).resolves.toBe(headline)
    expect(failed).toEqual([])
  })

  it('opens a suggestion with Enter', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/search/`)
    const box = page.getByRole('combobox', { name: 'Search articles' })
    await box.pressSequentially(word.slice(0, 6), { delay: 30 })
    await page.getByRole('option').filter({ hasText: headline }).waitFor({ state: 'visible', timeout: 10_000 })
    await box.press('ArrowDown')
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/search/')), box.press('Enter')])
    await expect(page.locator('article h1').innerText()).resolves.toBe(headline)
  })

  it('searches with JavaScript off: a plain form and a results page', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false })
    try {
      const page = await noScript.context.newPage()
      await page.goto(`${server.url}/search/`)
      await expect(page.locator('#search-q').getAttribute('role')).resolves.toBeNull() // the enhancement did not run
      await page.getByRole('searchbox', { name: 'Search articles' }).fill(word)
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.getByRole('button', { name: 'Search' }).click()])
      await expect(page.locator('.search-result h2').allInnerTexts()).resolves.toContain(headline)
    } finally {
      await noScript.close()
    }
  })
})
