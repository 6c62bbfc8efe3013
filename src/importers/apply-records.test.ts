import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { findArticleById, findPublicArticleBySlug } from '../content/articles/article.repo.js'
import { inTransaction } from '../storage/connect.js'
import { RecordWriter } from './apply-records.js'
import type { ImportRecord } from './import-record.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const record = (overrides: Partial<ImportRecord> = {}): ImportRecord => ({
  sourceKey: 'test:1', location: 'post 1 "Old pier reopens"', kind: 'post', headline: 'Old pier reopens',
  bodyHtml: '<p>The pier is open again.</p>', status: 'published', publishedAt: new Date('2019-01-05T10:00:00Z'),
  createdAt: new Date('2019-01-04T09:00:00Z'), updatedAt: new Date('2019-01-06T08:00:00Z'),
  section: { name: 'Local News', slug: 'local' }, tags: [{ name: 'Piers' }, { name: 'Tourism' }],
  authors: [{ name: 'Ada Byrne', slug: 'ada' }],
  hero: { remoteUrl: 'https://old.example/wp-content/uploads/pier.jpg', alt: 'The pier at dusk', caption: 'Reopened', width: 1200, height: 800 },
  redirectsFrom: ['/?p=1', '/2019/01/05/old-pier-reopens/', '/old-pier-reopens/'],
  ...overrides,
})

const write = (records: ImportRecord[]) => inTransaction(site.db, async (trx) => {
  const writer = new RecordWriter({ db: trx, files: site.files, now })
  const out = []
  for (const r of records) out.push(await writer.write(r, 'export.xml'))
  return out
})

describe('RecordWriter', () => {
  it('writes a record with its original times, section, ordered tags, authors and remote hero picture', async () => {
    const [applied] = await write([record()])
    expect(applied).toMatchObject({ action: 'created', slug: 'old-pier-reopens', location: 'post 1 "Old pier reopens"' })
    const article = (await findArticleById(site.db, applied!.articleId))!
    expect(article.createdAt).toEqual(new Date('2019-01-04T09:00:00Z'))
    expect(article.updatedAt).toEqual(new Date('2019-01-06T08:00:00Z'))
    expect(article.publishedAt).toEqual(new Date('2019-01-05T10:00:00Z'))
    expect(article.section).toMatchObject({ slug: 'local', name: 'Local News' })
    expect(article.tags.map((t) => t.name)).toEqual(['Piers', 'Tourism'])
    expect(article.authors).toMatchObject([{ slug: 'ada', name: 'Ada Byrne' }])
    expect(article.hero).toMatchObject({ alt: 'The pier at dusk', caption: 'Reopened', picture: { remoteUrl: 'https://old.example/wp-content/uploads/pier.jpg', width: 1200 } })

    const page = await (await site.app.request('/old-pier-reopens/')).text()
    expect(page).toMatch(/<img src="https:\/\/old\.example\/wp-content\/uploads\/pier\.jpg" alt="The pier at dusk" width="1200" height="800"/)
  })

  it('updates on a second import of the same record and reuses terms and pictures', async () => {
    await write([record()])
    const [again] = await write([record({ headline: 'Old pier reopens to crowds' })])
    expect(again).toMatchObject({ action: 'updated', slug: 'old-pier-reopens' })
    expect(await site.db.selectFrom('articles').select('id').execute()).toHaveLength(1)
    expect(await site.db.selectFrom('media').select('id').execute()).toHaveLength(1)
    expect(await site.db.selectFrom('tags').select('id').execute()).toHaveLength(2)
  })

  it('takes a tag named twice in one record once', async () => {
    const [applied] = await write([record({ tags: [{ name: 'Piers' }, { name: 'piers', slug: 'piers' }, { name: 'Piers' }] })])
    const article = (await findArticleById(site.db, applied!.articleId))!
    expect(article.tags.map((t) => t.slug)).toEqual(['piers'])
  })

  it('sends old URLs, with or without their query or trailing slash, to the new one', async () => {
    await write([record()])
    for (const old of ['/?p=1', '/2019/01/05/old-pier-reopens/', '/2019/01/05/old-pier-reopens']) {
      const res = await site.app.request(old)
      expect(res.status, old).toBe(301)
      expect(res.headers.get('location'), old).toBe('/old-pier-reopens/')
    }
    expect((await site.app.request('/?p=2')).status).toBe(404)
    // A redirect never leads to an article readers may not see.
    await write([record({ status: 'draft' })])
    expect((await site.app.request('/?p=1')).status).toBe(404)
  })

  it('keeps pages out of the front page but serves them', async () => {
    await write([record({ kind: 'page', sourceKey: 'test:about', headline: 'About us', redirectsFrom: [] })])
    expect((await site.app.request('/about-us/')).status).toBe(200)
    expect(await (await site.app.request('/')).text()).not.toContain('About us')
    expect((await findPublicArticleBySlug(site.db, 'about-us', now))?.kind).toBe('page')
  })

  it('checks a record before writing anything, naming the record and the field', async () => {
    const writer = new RecordWriter({ ...site, now })
    expect(writer.check(record({ headline: ' ' }), 'export.xml')).toEqual({
      file: 'export.xml', record: 'post 1 "Old pier reopens"', field: 'headline', message: 'headline: a headline is required',
    })
    expect(writer.check(record({ language: 'not a language' }), 'export.xml')?.field).toBe('language')
    expect(writer.check(record(), 'export.xml')).toBeUndefined()
  })
})
