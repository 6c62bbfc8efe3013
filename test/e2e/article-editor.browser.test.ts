import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLog } from '../../src/core/log.js'
import { findArticleById } from '../../src/content/articles/article.repo.js'
import { createApp } from '../../src/http/app.js'
import { openSqlite, type Db } from '../../src/storage/connect.js'
import { memoryFileStore } from '../../src/storage/files/local-file-store.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { launchBrowser } from '../support/browser.js'
import { freePort } from '../support/cli.js'
import { hasBrowser, hasBuild } from '../support/requirements.js'
import { addStaff, TEST_PASSWORD } from '../support/staff.js'

const ready = hasBrowser() && hasBuild()

describe.runIf(ready)('writing and publishing an article in Chromium', () => {
  let db: Db
  let server: ServerType
  let url: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    db = openSqlite(':memory:')
    await migrateToLatest(db)
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    // A real clock: autosave times and the publication time are now.
    const app = createApp({ db, files: memoryFileStore(), clock: { now: () => new Date() }, log: silentLog, siteUrl: url })
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    await db?.destroy()
  })

  it('an author creates an article, writes the body in the editor, autosaves, publishes, and readers see it', async () => {
    const author = await addStaff(db, 'author', 'Ada Writer', new Date())
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))

    await page.goto(`${url}/admin/sign-in`)
    await page.getByLabel('Email').fill(author.email)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${url}/admin/`)

    await page.goto(`${url}/admin/articles/new`)
    await page.getByLabel('Headline').fill('Ferries return to the outer islands')
    await page.getByLabel('Dek').fill('The winter timetable ends a week early.')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.waitForURL(/\/admin\/articles\/[0-9a-f]{24}\/\?notice=created$/)
    const id = /articles\/([0-9a-f]{24})\//.exec(page.url())![1]!

    await page.locator('[data-body-editor-ready]').waitFor()
    const body = page.getByRole('textbox', { name: 'Body' })
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
})

