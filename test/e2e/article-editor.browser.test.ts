import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLog } from '../../src/core/log.js'
import { findArticleById } from '../../src/content/articles/article.repo.js'
import { createArticle } from '../../src/content/articles/create-article.js'
import { storePicture } from '../../src/content/media/store-picture.js'
import { placeholderPicture } from '../../src/images/placeholder-picture.js'
import { createApp } from '../../src/http/app.js'
import { type Db } from '../../src/storage/connect.js'
import { memoryFileStore } from '../../src/storage/files/local-file-store.js'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../support/browser.js'
import { freePort } from '../support/cli.js'
import { hasBrowser, hasBuild } from '../support/requirements.js'
import { addStaff, TEST_PASSWORD } from '../support/staff.js'
import { openTestDatabase } from '../support/test-database.js'

const ready = hasBrowser() && hasBuild()

describe.runIf(ready)('writing and publishing an article in Chromium', () => {
  let db: Db
  let closeTestDb = async () => {}
  const files = memoryFileStore()
  let server: ServerType
  let url: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    ;({ db, close: closeTestDb } = await openTestDatabase())
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    // A real clock: autosave times and the publication time are now.
    const app = createApp({ db, files, clock: { now: () => new Date() }, log: silentLog, siteUrl: url })
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    await closeTestDb()
  })

  /** A signed-in page for a new staff member, with page errors collected. */
  async function signedInPage(role: 'author' | 'editor', name: string) {
    const staff = await addStaff(db, role, name, new Date())
    await browser.context.clearCookies() // signed out: one browser profile serves every test
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${url}/admin/sign-in`)
    await page.getByLabel('Email').fill(staff.email)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${url}/admin/`)
    return { page, errors, staff }
  }

  /** Types into the body editor of an open article page. */
  async function typeInBody(page: Page, text: string) {
    await page.locator('[data-body-editor-ready]').waitFor()
    await page.getByRole('textbox', { name: 'Body', exact: true }).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(text)
  }

  it('an author creates an article, writes the body in the editor, autosaves, publishes, and readers see it', async () => {
    const { page, errors } = await signedInPage('author', 'Ada Writer')
    await page.goto(`${url}/admin/articles/new`)
    await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Ferries return to the outer islands')
    await page.getByRole('textbox', { name: /^Dek/ }).fill('The winter timetable ends a week early.')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.waitForURL(/\/admin\/articles\/[0-9a-f]{24}\/\?notice=created$/)
    const id = /articles\/([0-9a-f]{24})\//.exec(page.url())![1]!

    await page.locator('[data-body-editor-ready]').waitFor()
    const body = page.getByRole('textbox', { name: 'Body', exact: true })
    await body.click()
    await page.keyboard.type('The first boat left at dawn, full of schoolchildren.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('More sailings follow on Monday.')
    const status = page.locator('[data-autosave-status]')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^Saved at \d\d:\d\d$/)
    const saved = await findArticleById(db, id)
    expect(saved?.body.format).toBe('doc')
    expect(saved?.body.html).toContain('<p>More sailings follow on Monday.</p>')
    expect(saved?.status).toBe('draft')

    await page.getByRole('button', { name: 'Publish now' }).click()
    await page.waitForURL(/notice=published$/)
    await expect(page.getByRole('status').filter({ hasText: 'Published' }).count()).resolves.toBeGreaterThan(0)

    const reader = await browser.context.newPage()
    const response = await reader.goto(`${url}/ferries-return-to-the-outer-islands/`)
    expect(response?.status()).toBe(200)
    await expect(reader.locator('article h1').innerText()).resolves.toBe('Ferries return to the outer islands')
    await expect(reader.locator('article .body p').allInnerTexts()).resolves.toEqual([
      'The first boat left at dawn, full of schoolchildren.',
      'More sailings follow on Monday.',
    ])
    expect(errors).toEqual([])
  })

  it('creates a new article with its first autosave, and shows a conflict when another window saved first', async () => {
    const { page, errors } = await signedInPage('editor', 'Eda Editor')
    await page.goto(`${url}/admin/articles/new`)
    await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Harbour dues rise')
    await typeInBody(page, 'The council agreed the rise on Tuesday.')
    const status = page.locator('[data-autosave-status]')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^Saved at \d\d:\d\d$/)
    await page.waitForURL(/\/admin\/articles\/[0-9a-f]{24}\/$/)
    const id = /articles\/([0-9a-f]{24})\//.exec(page.url())![1]!
    expect(await findArticleById(db, id)).toMatchObject({ headline: 'Harbour dues rise', status: 'draft', version: 1 })

    // The same article open in a second window, which saves first.
    const other = await browser.context.newPage()
    await other.goto(`${url}/admin/articles/${id}/`)
    await typeInBody(other, ' Fishing boats are exempt.')
    await expect.poll(() => other.locator('[data-autosave-status]').innerText(), { timeout: 10_000 }).toMatch(/^Saved at/)

    await typeInBody(page, ' Ferries pay double.')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^Not saved: You \(in another window\) saved this article at \d\d:\d\d while you were editing/)
    expect((await findArticleById(db, id))?.body.html).toContain('Fishing boats are exempt.')
    expect((await findArticleById(db, id))?.body.html).not.toContain('Ferries pay double.')
    await expect(page.getByRole('textbox', { name: 'Body', exact: true }).innerText()).resolves.toContain('Ferries pay double.')
    await other.close()
    expect(errors).toEqual([])
  })

  it('keeps unsaved changes to a published article in the browser, never on the public page, and brings them back', async () => {
    const { page, errors } = await signedInPage('editor', 'Pia Publisher')
    await page.goto(`${url}/admin/articles/new`)
    await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Lighthouse keeper retires')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.waitForURL(/notice=created$/)
    await typeInBody(page, 'After forty years on the rock.')
    await page.getByRole('button', { name: 'Publish now' }).click()
    await page.waitForURL(/notice=published$/)
    const id = /articles\/([0-9a-f]{24})\//.exec(page.url())![1]!

    await typeInBody(page, ' A party follows on Friday.')
    const status = page.locator('[data-autosave-status]')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^Unsaved changes kept in this browser at \d\d:\d\d\. Press Update/)
    expect((await findArticleById(db, id))?.body.html).not.toContain('A party follows')

    await page.goto(`${url}/admin/articles/${id}/`)
    await page.getByRole('button', { name: 'Bring them back' }).click()
    await page.locator('[data-body-editor-ready]').waitFor()
    await expect(page.getByRole('textbox', { name: 'Body', exact: true }).innerText()).resolves.toContain('A party follows on Friday.')
    await page.getByRole('button', { name: 'Update' }).click()
    await page.waitForURL(/notice=saved$/)
    expect((await findArticleById(db, id))?.body.html).toContain('A party follows on Friday.')
    await expect(page.getByRole('button', { name: 'Bring them back' }).count()).resolves.toBe(0)
    expect(errors).toEqual([])
  })

  it('asks before publishing a hero picture without alt text', async () => {
    const { page, errors, staff } = await signedInPage('author', 'Hal Hero')
    const { picture } = await storePicture(db, files, await placeholderPicture('pier', { width: 400, height: 300 }), {}, new Date())
    const created = await createArticle(db, staff, { headline: 'Pier repaired', body: { format: 'doc', source: '' }, hero: { pictureId: picture.id, alt: '' } }, new Date())
    const id = created.ok ? created.value.id : ''
    await page.goto(`${url}/admin/articles/${id}/`)
    const asked: string[] = []
    page.once('dialog', (dialog) => { asked.push(dialog.message()); void dialog.dismiss() })
    await page.getByRole('button', { name: 'Publish now' }).click()
    await expect.poll(() => asked).toEqual(['The hero picture has no alt text. Publish anyway?'])
    expect((await findArticleById(db, id))?.status).toBe('draft')
    page.once('dialog', (dialog) => { void dialog.accept() })
    await page.getByRole('button', { name: 'Publish now' }).click()
    await page.waitForURL(/notice=published$/)
    expect((await findArticleById(db, id))?.status).toBe('published')
    expect(errors).toEqual([])
  })
})
