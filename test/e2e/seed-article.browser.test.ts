import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.js'
import { runCli, startServer } from '../support/cli.js'
import { hasBrowser, hasBuild, hasShared, sharedFile } from '../support/requirements.js'

const ready = hasShared() && hasBrowser() && hasBuild()

/** The capture's paragraphs, whitespace-normalised, as the reader must see them. */
function expectedFromCapture() {
  const blocks = fs.readFileSync(sharedFile('fixtures/seed-article.txt'), 'utf8').split(/\n\s*\n/).map((b) => b.split(/\s+/).join(' ').trim()).filter(Boolean)
  const [headline, , alt, ...paragraphs] = blocks
  return { headline: headline!, alt: alt!, paragraphs }
}

describe.runIf(ready)('the reference article, imported and read in Chromium', () => {
  let dataDir: string
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-e2e-'))
    const imported = runCli(['import', sharedFile('fixtures/seed-article.txt')], { MASTHEAD_DATA_DIR: dataDir })
    expect(imported.status, imported.stderr).toBe(0)
    server = await startServer({ MASTHEAD_DATA_DIR: dataDir })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('follows the headline link from the home page and reads the whole article, word for word and in order', async () => {
    const { headline, alt, paragraphs } = expectedFromCapture()
    expect(paragraphs).toHaveLength(7)
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: headline }).click()
    await page.waitForURL(/\/captured-north-korean-soldiers/)
    const article = page.locator('article')
    await expect(article.count()).resolves.toBe(1)
    const text = (await article.innerText()).split(/\s+/).join(' ')
    expect(text).toContain(headline)
    expect(text).toContain('1 min read')
    await expect(article.locator('h1').innerText()).resolves.toBe(headline)
    const images = await article.locator('img').evaluateAll((imgs) => imgs.map((i) => ({ alt: i.getAttribute('alt'), loaded: (i as HTMLImageElement).naturalWidth > 0 })))
    expect(images).toContainEqual({ alt, loaded: true })
    let from = 0
    for (const paragraph of paragraphs) {
      const at = text.indexOf(paragraph, from)
      expect(at, `paragraph missing or out of order: ${paragraph.slice(0, 60)}…`).toBeGreaterThan(-1)
      from = at + paragraph.length
    }
    const bodyParagraphs = await article.locator('.body p').allInnerTexts()
    expect(bodyParagraphs.map((p) => p.split(/\s+/).join(' '))).toEqual(paragraphs)
  })

  it('reads the same with JavaScript off', async () => {
    const { headline } = expectedFromCapture()
    const noScript = await launchBrowser({ javaScriptEnabled: false })
    try {
      const page = await noScript.context.newPage()
      await page.goto(`${server.url}/`)
      await expect(page.evaluate(() => 1)).resolves.toBe(1) // evaluate still works: it is page scripts that are off
      await page.getByRole('link', { name: headline }).click()
      await expect(page.locator('article h1').innerText()).resolves.toBe(headline)
      await expect(page.locator('article .body p').count()).resolves.toBe(7)
    } finally {
      await noScript.close()
    }
  })
})
