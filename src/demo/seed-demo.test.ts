import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { listPublicArticles } from '../content/articles/article.repo.js'
import { readSettings } from '../content/settings/settings.repo.js'
import { demoArticles, demoSiteTitle } from './demo-articles.js'
import { seedDemoIfEmpty } from './seed-demo.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('seedDemoIfEmpty', () => {
  it('fills an empty site once: every demo article published, with section, author, tags and its own picture', async () => {
    expect(await seedDemoIfEmpty(site.db, site.files, now)).toBe(demoArticles.length)
    const page = await listPublicArticles(site.db, { kind: 'all' }, { page: 1, perPage: 50, now })
    expect(page.total).toBe(demoArticles.length)
    for (const article of page.items) {
      expect(article.section, article.headline).not.toBeNull()
      expect(article.authors.length, article.headline).toBeGreaterThan(0)
      expect(article.tags.length, article.headline).toBeGreaterThan(0)
      expect(article.hero?.alt, article.headline).toBeTruthy()
      expect(await site.files.read(article.hero!.picture.key)).toBeDefined()
    }
    expect(new Set(page.items.map((a) => a.hero!.picture.id)).size).toBe(demoArticles.length)
    expect((await readSettings(site.db)).title).toBe(demoSiteTitle)
    expect(await seedDemoIfEmpty(site.db, site.files, now)).toBe(0)
  })

  it('leaves a site that already has articles alone, for good', async () => {
    await addArticle(site.db, { headline: 'Our own story' })
    expect(await seedDemoIfEmpty(site.db, site.files, now)).toBe(0)
    await site.db.deleteFrom('articles').execute()
    expect(await seedDemoIfEmpty(site.db, site.files, now)).toBe(0)
  })
})
