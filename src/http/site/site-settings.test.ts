import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { storePicture } from '../../content/media/store-picture.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const page = async (path = '/') => (await site.app.request(path)).text()
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, any>)
const nav = (html: string) => /<nav class="sections"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? ''

describe('settings on the public site', () => {
  it('lists the sections in the masthead until a menu is set, then the menu', async () => {
    await ensureSection(site.db, { name: 'World' }, now)
    expect(nav(await page())).toContain('href="/section/world/"')
    await writeSettings(site.db, { navigation: [{ label: 'About us', url: '/about/' }, { label: 'Shop', url: 'https://shop.example/' }] }, now)
    const menu = nav(await page())
    expect(menu).toContain('<a href="/about/">About us</a>')
    expect(menu).toContain('<a href="https://shop.example/">Shop</a>')
    expect(menu).not.toContain('/section/world/')
    expect(menu).toContain('href="/search/"')
  })

  it('links the social accounts in the footer and gives them as the publisher’s sameAs', async () => {
    await addArticle(site.db, { headline: 'Ferry strike ends' })
    await writeSettings(site.db, { social: { x: 'https://x.com/ledger', mastodon: 'https://mastodon.social/@ledger' } }, now)
    const home = await page()
    expect(home).toMatch(/<footer[\s\S]*<a href="https:\/\/x.com\/ledger" rel="me">X \(Twitter\)<\/a>/)
    expect(home).toContain('<a href="https://mastodon.social/@ledger" rel="me">Mastodon</a>')
    expect(jsonLd(home)[0]!.publisher.sameAs).toEqual(['https://x.com/ledger', 'https://mastodon.social/@ledger'])
    const article = jsonLd(await page('/ferry-strike-ends/')).find((d) => d['@type'] === 'NewsArticle')!
    expect(article.publisher.sameAs).toEqual(['https://x.com/ledger', 'https://mastodon.social/@ledger'])
  })

  it('writes the language in <html lang> and dates in the site’s time zone', async () => {
    await addArticle(site.db, { headline: 'Late news', publishedAt: new Date('2026-05-31T23:30:00Z') })
    await writeSettings(site.db, { language: 'en-GB' }, now)
    let home = await page()
    expect(home).toContain('<html lang="en-GB">')
    expect(home).toContain('31 May 2026')
    await writeSettings(site.db, { timeZone: 'Europe/Oslo' }, now)
    home = await page()
    expect(home).toContain('1 June 2026')
    expect(home).toContain('datetime="2026-05-31T23:30:00.000Z"')
    expect(await page('/late-news/')).toContain('1 June 2026')
  })

  it('shows the logo in the masthead and gives it as the publisher’s logo', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('logo', { width: 800, height: 200 }), {}, now)
    await writeSettings(site.db, { title: 'The Ledger', logoId: picture.id }, now)
    const home = await page()
    expect(home).toMatch(/<a class="site-title" href="\/"><img src="\/media\/[^"]+" width="\d+" height="\d+" alt="The Ledger"/)
    expect(jsonLd(home)[0]!.publisher.logo).toEqual({ '@type': 'ImageObject', url: `http://news.test/media/${picture.key}`, width: 800, height: 200 })
  })

  it('falls back to the site name when the logo has left the media library', async () => {
    await writeSettings(site.db, { title: 'The Ledger', logoId: 'gone' }, now)
    expect(await page()).toContain('<a class="site-title" href="/">The Ledger</a>')
  })
})
