import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placeholderPicture } from '../../src/images/placeholder-picture.js'
import { launchBrowser } from '../support/browser.js'
import { startServer } from '../support/cli.js'
import { hasBrowser, hasBuild } from '../support/requirements.js'

type Browser = Awaited<ReturnType<typeof launchBrowser>>
const PASSWORD = 'long harbour password'

/**
 * The whole newsroom story, in Chromium against a real `masthead serve`: set-up of the
 * first administrator → invitations → a contributor's draft with a pasted picture, submitted →
 * an editor publishes it → it is on the home page with a `srcset` picture → an author is refused
 * the editor's article → two people editing one article, and the second save gets the conflict.
 * Each person has their own browser profile (their own cookies), as in a real newsroom.
 */
describe.runIf(hasBrowser() && hasBuild())('a newsroom in the browser, from set-up to publication', () => {
  let dir: string
  let server: Awaited<ReturnType<typeof startServer>>
  const browsers: Browser[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-newsroom-'))
    server = await startServer({ MASTHEAD_DATA_DIR: path.join(dir, 'data'), MASTHEAD_DEMO: '0' })
  })
  afterAll(async () => {
    for (const browser of browsers) await browser.close()
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function newPerson(): Promise<Page> {
    const browser = await launchBrowser()
    browsers.push(browser)
    const page = await browser.context.newPage()
    page.setDefaultTimeout(15_000)
    page.on('pageerror', (error) => pageErrors.push(error.message))
    return page
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/admin/sign-in`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/admin/`)
  }

  /** The administrator invites someone; returns the one-time link the page shows. */
  async function invite(admin: Page, name: string, email: string, role: string): Promise<string> {
    await admin.goto(`${server.url}/admin/staff/`)
    await admin.getByRole('textbox', { name: /^Name/ }).fill(name)
    await admin.getByRole('textbox', { name: 'Email' }).fill(email)
    await admin.getByLabel('Role', { exact: true }).selectOption(role)
    await admin.getByRole('button', { name: 'Invite' }).click()
    return admin.getByLabel('The link').inputValue()
  }

  async function acceptInvitation(link: string, email: string): Promise<Page> {
    const page = await newPerson()
    await page.goto(link)
    await page.getByLabel(/^New password/).fill(PASSWORD)
    await page.getByRole('button', { name: 'Save password' }).click()
    await page.waitForURL(/notice=password-set/)
    await signIn(page, email)
    return page
  }

  it('runs the whole story', async () => {
    // 1. The first start printed a set-up link; the administrator uses it.
    const setupLink = /(http:\/\/\S+\/admin\/setup\?token=\S+)/.exec(server.output())?.[1]
    expect(setupLink, server.output()).toBeDefined()
    const admin = await newPerson()
    await admin.goto(setupLink!)
    await admin.getByLabel(/^Your name/).fill('Ada Okafor')
    await admin.getByLabel('Email').fill('ada@news.test')
    await admin.getByLabel(/^Password/).fill(PASSWORD)
    await admin.getByRole('button', { name: 'Create administrator' }).click()
    await admin.waitForURL(`${server.url}/admin/`)

    // 2. Invitations: an editor, an author and a contributor.
    const editorLink = await invite(admin, 'Eda Editor', 'eda@news.test', 'editor')
    const authorLink = await invite(admin, 'Aki Author', 'aki@news.test', 'author')
    const contributorLink = await invite(admin, 'Cas Contributor', 'cas@news.test', 'contributor')
    const editor = await acceptInvitation(editorLink, 'eda@news.test')
    const author = await acceptInvitation(authorLink, 'aki@news.test')
    const contributor = await acceptInvitation(contributorLink, 'cas@news.test')

    // 3. The contributor writes a draft, pastes a picture into the body, uses it as the hero, submits.
    await contributor.goto(`${server.url}/admin/articles/new`)
    await contributor.getByRole('textbox', { name: 'Headline', exact: true }).fill('Seals return to the estuary')
    await contributor.getByRole('button', { name: 'Create draft' }).click()
    await contributor.waitForURL(/notice=created$/)
    const articleUrl = contributor.url().replace(/\?.*$/, '')
    await contributor.locator('[data-body-editor-ready]').waitFor()
    await contributor.getByRole('textbox', { name: 'Body', exact: true }).click()
    await contributor.keyboard.type('Forty grey seals were counted on the sandbank this morning.')
    await contributor.keyboard.press('Enter')
    const png = await placeholderPicture('seals', { width: 1600, height: 900 })
    await contributor.locator('.body-editor-text').evaluate((target, bytes) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(bytes)], 'seals.png', { type: 'image/png' }))
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, [...png])
    const altDialog = contributor.getByRole('dialog', { name: 'Describe the picture' })
    await altDialog.getByRole('textbox', { name: 'Alt text' }).fill('Grey seals resting on a sandbank')
    await altDialog.getByRole('button', { name: 'Save' }).click()
    await altDialog.waitFor({ state: 'detached' })
    const src = await contributor.locator('.body-editor-text img').getAttribute('src')
    const pictureId = /\/media\/pictures\/([0-9a-f]{24})\//.exec(src ?? '')?.[1]
    expect(pictureId, `uploaded picture address: ${src}`).toBeDefined()
    await contributor.getByLabel('Picture id').fill(pictureId!)
    await contributor.getByRole('textbox', { name: /^Alt text/ }).fill('Grey seals resting on a sandbank')
    await contributor.getByRole('button', { name: 'Save draft' }).click()
    await contributor.waitForURL(/notice=saved$/)
    await contributor.getByRole('button', { name: 'Submit for review' }).click()
    await contributor.waitForURL(/notice=/)
    expect(await contributor.getByRole('button', { name: 'Publish now' }).count()).toBe(0)

    // 4. The editor finds it in the review queue and publishes it.
    await editor.goto(`${server.url}/admin/review/`)
    await editor.getByRole('link', { name: 'Seals return to the estuary' }).click()
    await editor.waitForURL(`${articleUrl}`)
    await editor.getByRole('button', { name: 'Publish now' }).click()
    await editor.waitForURL(/notice=published$/)

    // 5. Readers see it on the home page, with a responsive picture.
    const reader = await newPerson()
    await reader.goto(`${server.url}/`)
    const card = reader.locator('article', { hasText: 'Seals return to the estuary' }).first()
    await expect(card.count()).resolves.toBe(1)
    const srcsets = await card.locator('picture source, img').evaluateAll((els) => els.map((el) => el.getAttribute('srcset') ?? ''))
    expect(srcsets.some((s) => /\s400w/.test(s) && /\s800w/.test(s)), srcsets.join(' | ')).toBe(true)
    await reader.getByRole('link', { name: 'Seals return to the estuary' }).first().click()
    await expect(reader.locator('article .body p').first().innerText()).resolves.toBe('Forty grey seals were counted on the sandbank this morning.')

    // 6. The author may not edit someone else's article.
    const refused = await author.goto(articleUrl)
    expect(refused?.status()).toBe(403)

    // 7. Two people edit the same article: the second save gets the conflict, nothing is lost.
    await editor.goto(articleUrl)
    await admin.goto(articleUrl)
    await editor.getByRole('textbox', { name: 'Headline', exact: true }).fill('Seals return to the estuary in numbers')
    await admin.getByRole('textbox', { name: 'Headline', exact: true }).fill('Forty seals return to the estuary')
    await editor.getByRole('button', { name: 'Update' }).click()
    await editor.waitForURL(/notice=saved$/)
    const [conflict] = await Promise.all([
      admin.waitForResponse((r) => r.url().startsWith(articleUrl) && r.request().method() === 'POST'),
      admin.getByRole('button', { name: 'Update' }).click(),
    ])
    expect(conflict.status()).toBe(409)
    await expect(admin.getByText(/Eda Editor saved this article at \d\d:\d\d while you were editing/).count()).resolves.toBeGreaterThan(0)
    await expect(admin.getByRole('textbox', { name: 'Headline', exact: true }).inputValue()).resolves.toBe('Forty seals return to the estuary')
    // (Fetched afresh: the reader's browser may keep its copy for the minute the page allows.)
    const publicHtml = await (await fetch(`${server.url}/seals-return-to-the-estuary/`)).text()
    expect(publicHtml).toContain('<h1>Seals return to the estuary in numbers</h1>')

    expect(pageErrors).toEqual([])
  }, 180_000)
})
