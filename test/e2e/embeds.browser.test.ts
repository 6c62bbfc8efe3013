import http from 'node:http'
import { getRequestListener } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMBED_FRAME_ORIGINS } from '../../src/content/body/embed-providers.js'
import { launchOfflineBrowser } from '../support/browser.js'
import { hasBrowser } from '../support/requirements.js'
import { addArticle, createTestSite } from '../support/test-site.js'

const YT = 'dQw4w9WgXcQ'
/** Strings that would run if an embed's title or caption reached the page unescaped. */
const HOSTILE = ['"><img src=x onerror=alert(1)>', "'><svg onload=alert(2)>", '</iframe><script>alert(3)</script>', '" srcdoc="<script>alert(4)</script>']

/** Every CSP violation the page reports, from before its first byte runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __violations: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`))
  })
  const console: string[] = []
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) console.push(m.text()) })
  return async () => [...await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), ...console]
}

/**
 * An article page with an allow-listed embed, in Chromium under the site's real headers. The
 * browser reaches no network, so the frame itself fails to load: what is checked is the page
 * (its DOM, its layout) and the policy (no violation), not the provider's player.
 */
describe.runIf(hasBrowser())('an embed on a public article page, in Chromium', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let server: http.Server
  let origin: string
  let browser: Browser

  beforeAll(async () => {
    site = await createTestSite()
    await addArticle(site.db, {
      headline: 'Quay reopens',
      body: {
        format: 'html',
        source: `<p>The quay reopened on Monday.</p>
<figure class="kg-card kg-embed-card"><iframe src="https://www.youtube.com/embed/${YT}" width="560" height="315" title="Video: the quay reopens" allowfullscreen></iframe><figcaption>Opening day</figcaption></figure>
<iframe src="https://tracker.example/frame"></iframe>
<iframe src="https://www.youtube.com.evil.test/embed/${YT}"></iframe>
<iframe srcdoc="<p>inline</p>"></iframe>
<p>More words after the video.</p>`,
      },
    })
    await addArticle(site.db, {
      headline: 'Hostile titles',
      body: {
        format: 'doc',
        source: JSON.stringify({ type: 'doc', content: HOSTILE.map((payload) => ({ type: 'embed', attrs: { src: `https://www.youtube.com/embed/${YT}`, title: payload, caption: payload } })) }),
      },
    })
    const listener = getRequestListener(site.app.fetch)
    server = http.createServer((req, res) => void listener(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    browser = await launchOfflineBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
    await site?.close()
  })

  it('shows the allowed embed sandboxed, laid out by the site’s stylesheet, with no CSP violation; the other frames are gone', async () => {
    const page = await browser.newPage()
    const violations = await watchViolations(page)
    const res = await page.goto(`${origin}/quay-reopens/`, { waitUntil: 'load' })
    expect(res?.status()).toBe(200)
    const csp = res?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain(`frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`)

    const frames = page.locator('article .body iframe')
    await expect(frames.count()).resolves.toBe(1)
    const frame = frames.first()
    await expect(frame.getAttribute('src')).resolves.toBe(`https://www.youtube-nocookie.com/embed/${YT}`)
    await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-scripts allow-same-origin allow-popups allow-presentation')
    await expect(frame.getAttribute('title')).resolves.toBe('Video: the quay reopens')
    await expect(frame.getAttribute('referrerpolicy')).resolves.toBe('strict-origin-when-cross-origin')
    await expect(frame.getAttribute('srcdoc')).resolves.toBeNull()
    await expect(page.locator('article .body figure.embed.embed-video > figcaption').innerText()).resolves.toBe('Opening day')
    await expect(page.locator('[style]').count()).resolves.toBe(0)
    // The responsive shape comes from the hashed inline stylesheet, not from a style attribute.
    const box = await frame.evaluate((el) => ({ ratio: getComputedStyle(el).aspectRatio, width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }))
    expect(box.ratio).toBe('16 / 9')
    expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02)

    // The frame is lazy: bring it into view, so the browser really asks for it under the policy.
    await frame.scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    expect(page.frames().some((f) => f.url().startsWith('https://www.youtube-nocookie.com/') || f.url().startsWith('chrome-error:'))).toBe(true)
    expect(await violations()).toEqual([])
    await page.close()
  })

  it('keeps hostile titles and captions of allowed embeds as text: nothing runs, nothing is added', async () => {
    const page = await browser.newPage()
    const violations = await watchViolations(page)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss() })
    await page.goto(`${origin}/hostile-titles/`, { waitUntil: 'load' })
    await page.waitForTimeout(300)
    const frames = page.locator('article .body iframe')
    await expect(frames.count()).resolves.toBe(HOSTILE.length)
    for (const [i, payload] of HOSTILE.entries()) {
      await expect(frames.nth(i).getAttribute('title')).resolves.toBe(payload)
      await expect(frames.nth(i).getAttribute('srcdoc')).resolves.toBeNull()
      await expect(page.locator('article .body figcaption').nth(i).innerText()).resolves.toBe(payload)
    }
    await expect(page.locator('article .body img, article .body svg, article .body script').count()).resolves.toBe(0)
    expect(dialogs).toEqual([])
    expect(await violations()).toEqual([])
    await page.close()
  })

  it('a frame from anywhere else would be blocked and reported by the policy (the check can fail)', async () => {
    const page = await browser.newPage()
    const violations = await watchViolations(page)
    await page.goto(`${origin}/quay-reopens/`, { waitUntil: 'load' })
    await page.evaluate(() => {
      const frame = document.createElement('iframe')
      frame.src = 'https://tracker.example/frame'
      document.body.append(frame)
    })
    await page.waitForTimeout(300)
    expect((await violations()).join('\n')).toMatch(/frame-src https:\/\/tracker\.example/)
    await page.close()
  })
})
