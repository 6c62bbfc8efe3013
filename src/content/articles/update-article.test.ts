import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { ensureTag } from '../tags/tag.repo.js'
import type { ArticleInput } from './article.js'
import { parseArticleInput, saveArticle, writeArticle } from './save-article.js'
import { updateArticle } from './update-article.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const body = { format: 'markdown' as const, source: 'The tide comes in at six.' }
const input = (changes: Partial<ArticleInput> = {}): ArticleInput => ({ headline: 'Tide tables', body, status: 'published', ...changes })

describe('updateArticle', () => {
  it('starts a new article at version 1 and raises the version on every save', async () => {
    const saved = await saveArticle(site.db, input(), now)
    expect(saved.ok && saved.value.article.version).toBe(1)
    const id = saved.ok ? saved.value.article.id : ''
    const first = await updateArticle(site.db, id, input({ headline: 'Tide tables for June' }), later(1), { baseVersion: 1, editedBy: 'alice' })
    expect(first.ok && first.value).toMatchObject({ id, version: 2, headline: 'Tide tables for June', updatedAt: later(1) })
    const second = await updateArticle(site.db, id, input({ headline: 'Tide tables for July' }), later(2), { baseVersion: 2, editedBy: 'bob' })
    expect(second.ok && second.value.version).toBe(3)
  })

  it('refuses the second of two editors who started from the same version, saying who saved first and when', async () => {
    const article = await addArticle(site.db, { headline: 'Tide tables' })
    const alice = await updateArticle(site.db, article.id, input({ dek: 'By Alice' }), later(5), { baseVersion: article.version, editedBy: 'alice' })
    expect(alice.ok).toBe(true)
    const bob = await updateArticle(site.db, article.id, input({ dek: 'By Bob' }), later(6), { baseVersion: article.version, editedBy: 'bob' })
    expect(bob).toEqual({ ok: false, error: { type: 'conflict', currentVersion: 2, updatedAt: later(5), editedBy: 'alice' } })
    const stored = await site.db.selectFrom('articles').select(['dek', 'version']).where('id', '=', article.id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ dek: 'By Alice', version: 2 })
  })

  it('answers not-found, invalid (naming the fields) and slug-taken', async () => {
    const article = await addArticle(site.db, { headline: 'Tide tables' })
    await addArticle(site.db, { headline: 'Ferry times', slug: 'ferry-times' })
    const edit = { baseVersion: 1, editedBy: null }
    expect(await updateArticle(site.db, 'no-such-id', input(), now, edit)).toEqual({ ok: false, error: { type: 'not-found' } })
    const invalid = await updateArticle(site.db, article.id, input({ headline: ' ', language: 'English' }), now, edit)
    expect(!invalid.ok && invalid.error.type === 'invalid' && invalid.error.issues.map((i) => i.field).sort()).toEqual(['headline', 'language'])
    const missingTag = await updateArticle(site.db, article.id, input({ tagIds: ['gone'] }), now, edit)
    expect(!missingTag.ok && missingTag.error).toEqual({ type: 'invalid', issues: [{ field: 'tagIds.0', message: 'no such tag: gone' }] })
    expect(await updateArticle(site.db, article.id, input({ slug: 'ferry-times' }), now, edit)).toEqual({ ok: false, error: { type: 'slug-taken', slug: 'ferry-times' } })
    expect((await site.db.selectFrom('articles').select('version').where('id', '=', article.id).executeTakeFirstOrThrow()).version).toBe(1)
  })

  it('keeps the source key an import gave the article when the edit names none', async () => {
    const article = await addArticle(site.db, { headline: 'Imported', sourceKey: 'wp:12' })
    await updateArticle(site.db, article.id, input({ headline: 'Imported, edited' }), later(1), { baseVersion: 1, editedBy: 'alice' })
    const again = await saveArticle(site.db, input({ headline: 'Imported again', sourceKey: 'wp:12' }), later(2))
    expect(again.ok && again.value).toMatchObject({ created: false, article: { id: article.id, version: 3 } })
  })

  it('takes an editor\'s save of a scheduled article whose time came meanwhile, storing it as published', async () => {
    const due = later(30)
    const article = await addArticle(site.db, { headline: 'Regatta', status: 'scheduled', publishedAt: due })
    const edit = { baseVersion: article.version, editedBy: 'alice' }
    const saved = await updateArticle(site.db, article.id, input({ headline: 'Regatta results', status: 'scheduled', publishedAt: due }), later(31), edit)
    expect(saved.ok && saved.value).toMatchObject({ status: 'published', publishedAt: due, version: 2 })
    const moved = await updateArticle(site.db, article.id, input({ status: 'scheduled', publishedAt: later(20) }), later(32), { ...edit, baseVersion: 2 })
    expect(!moved.ok && moved.error).toMatchObject({ type: 'invalid', issues: [{ field: 'publishedAt' }] })
  })
})

describe('a changed slug', () => {
  it('redirects the old URL of a public article to the new one', async () => {
    const article = await addArticle(site.db, { headline: 'Old name', slug: 'old-slug' })
    const renamed = await updateArticle(site.db, article.id, input({ headline: 'New name', slug: 'new-slug' }), now, { baseVersion: 1, editedBy: 'alice' })
    expect(renamed.ok && renamed.value.slug).toBe('new-slug')
    const old = await site.app.request('/old-slug/')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/new-slug/')
    expect((await site.app.request('/new-slug/')).status).toBe(200)

    // Renamed back: the article answers at its old URL again, and the newer one redirects.
    await updateArticle(site.db, article.id, input({ slug: 'old-slug' }), later(1), { baseVersion: 2, editedBy: 'alice' })
    expect((await site.app.request('/old-slug/')).status).toBe(200)
    expect((await site.app.request('/new-slug/')).headers.get('location')).toBe('/old-slug/')
    expect(await site.db.selectFrom('redirects').select('fromPath').execute()).toEqual([{ fromPath: '/new-slug/' }])
  })

  it('makes no redirect for a draft or a scheduled article that readers have not seen', async () => {
    const draft = await addArticle(site.db, { headline: 'Draft', slug: 'draft-slug', status: 'draft' })
    await updateArticle(site.db, draft.id, input({ status: 'draft', slug: 'draft-renamed' }), now, { baseVersion: 1, editedBy: null })
    const scheduled = await addArticle(site.db, { headline: 'Soon', slug: 'soon', status: 'scheduled', publishedAt: later(60) })
    await updateArticle(site.db, scheduled.id, input({ status: 'scheduled', publishedAt: later(60), slug: 'soon-renamed' }), now, { baseVersion: 1, editedBy: null })
    expect(await site.db.selectFrom('redirects').selectAll().execute()).toEqual([])
  })

  it('redirects when an import changes a public article\'s slug through its source key', async () => {
    const tag = await ensureTag(site.db, { name: 'Harbour' }, now)
    await addArticle(site.db, { headline: 'Quay', slug: 'quay', sourceKey: 'wp:1', tagIds: [tag.id] })
    const parsed = parseArticleInput(input({ headline: 'Quay', slug: 'the-quay', sourceKey: 'wp:1' }))
    if (!parsed.ok) throw new Error('invalid test input')
    await site.db.transaction().execute((trx) => writeArticle(trx, parsed.value, later(1), { revision: false }))
    expect((await site.app.request('/quay/')).headers.get('location')).toBe('/the-quay/')
  })
})
