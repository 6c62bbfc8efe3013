import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.js'
import { testPicture } from '../support/pictures.js'
import { hasBrowser } from '../support/requirements.js'
import { addStaff, TEST_PASSWORD } from '../support/staff.js'
import { createTestSite } from '../support/test-site.js'

const ready = hasBrowser()

describe.runIf(ready)('the media library in Chromium', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let server: ServerType
  let url: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    site = await createTestSite()
    await addStaff(site.db, 'contributor', 'Mara Lind')
    server = serve({ fetch: site.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    await site?.close()
  })

  /** A signed-in page that records console errors, page errors and CSP violations. */
  async function libraryPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage()
    const problems: string[] = []
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`) })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`))
    })
    await page.goto(`${url}/admin/media/`)
    if (page.url().includes('/admin/sign-in')) {
      await page.getByLabel('Email').fill('mara.lind@news.test')
      await page.getByLabel('Password').fill(TEST_PASSWORD)
      await Promise.all([page.waitForURL(/\/admin\/media\/$/), page.getByRole('button', { name: 'Sign in' }).click()])
    }
    return { page, problems }
  }

  it('uploads a pasted picture, a dropped one and a chosen one, each appearing first in the grid', async () => {
    const { page, problems } = await libraryPage()
    const cards = page.locator('[data-media-grid] > li')
    await expect(cards.count()).resolves.toBe(0)
    await expect(page.getByText('You can also drop pictures here').isVisible()).resolves.toBe(true)

    const pasted = (await testPicture('png', 320, 200)).toString('base64')
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }))
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, pasted)
    const status = page.locator('[data-upload-status]')
    await status.getByText('The pasted picture was added.').waitFor({ timeout: 20_000 })
    await expect(cards.count()).resolves.toBe(1)

    const dropped = (await testPicture('jpeg', 640, 480)).toString('base64')
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], 'harbour.jpg', { type: 'image/jpeg' }))
      const zone = document.querySelector('[data-drop-zone]')!
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    }, dropped)
    await status.getByText('“harbour.jpg” was added.').waitFor({ timeout: 20_000 })
    await expect(cards.count()).resolves.toBe(2)

    await page.locator('input[type=file]').setInputFiles({ name: 'gulls.webp', mimeType: 'image/webp', buffer: await testPicture('webp', 500, 300) })
    await page.getByRole('textbox', { name: 'Alt text' }).fill('Gulls on the harbour wall')
    await page.getByRole('button', { name: 'Upload' }).click()
    await status.getByText('“gulls.webp” was added.').waitFor({ timeout: 20_000 })
    await expect(cards.count()).resolves.toBe(3)
    await expect(cards.first().locator('.media-alt').innerText()).resolves.toBe('Gulls on the harbour wall')
    expect(page.url()).toBe(`${url}/admin/media/`)

    // The newest first, each thumbnail loaded; after a reload the server shows the same three.
    const rows = await site.db.selectFrom('media').select(['id', 'originalName']).execute()
    const nameOf = new Map(rows.map((r) => [r.id, r.originalName]))
    const shownIds = () => cards.evaluateAll((items) => items.map((li) => li.getAttribute('data-picture-id')!))
    expect((await shownIds()).map((id) => nameOf.get(id))).toEqual(['gulls.webp', 'harbour.jpg', 'image.png'])
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-media-grid] img')].every((img) => img.complete && img.naturalWidth > 0))
    await page.reload()
    expect((await shownIds()).sort()).toEqual([...nameOf.keys()].sort())
    expect(problems).toEqual([])
  })

  it('says why a file was not added, in the live region', async () => {
    const { page, problems } = await libraryPage()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' }))
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    const failed = page.locator('[data-upload-status] .failed')
    await failed.waitFor({ timeout: 20_000 })
    await expect(failed.innerText()).resolves.toBe('“logo.svg” was not added: SVG pictures are not accepted: they can carry scripts.')
    await expect(page.locator('[data-upload-status]').getAttribute('aria-live')).resolves.toBe('polite')
    // The refused upload answered 415: Chromium logs that as a failed resource, nothing else may appear.
    expect(problems.filter((p) => !/status of 415/.test(p))).toEqual([])
  })
})
