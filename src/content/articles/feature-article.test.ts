import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { readChangeMarker } from '../site-changes.js'
import { findArticleById } from './article.repo.js'
import { featureArticle } from './feature-article.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('featureArticle', () => {
  it('sets and clears the flag, and marks the site changed', async () => {
    const article = await addArticle(site.db, { headline: 'Harbour wall repaired' })
    expect(article.featured).toBe(false)
    const before = await readChangeMarker(site.db)
    expect(await featureArticle(site.db, article.id, true, now)).toBe(true)
    expect((await findArticleById(site.db, article.id))?.featured).toBe(true)
    expect(await readChangeMarker(site.db)).not.toBe(before)
    await featureArticle(site.db, article.id, false, now)
    expect((await findArticleById(site.db, article.id))?.featured).toBe(false)
  })

  it('says when there is no such article', async () => {
    expect(await featureArticle(site.db, '000000000000000000000000', true, now)).toBe(false)
  })
})
