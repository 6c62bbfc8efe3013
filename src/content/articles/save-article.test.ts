import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { storePicture } from '../media/store-picture.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { ensureTag } from '../tags/tag.repo.js'
import { saveArticle } from './save-article.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const body = { format: 'markdown' as const, source: 'Some words here.' }

describe('saveArticle', () => {
  it('makes a unique slug from the headline', async () => {
    const first = await saveArticle(site.db, { headline: 'Budget passes', body }, now)
    const second = await saveArticle(site.db, { headline: 'Budget passes', body }, now)
    expect(first.ok && first.value.article.slug).toBe('budget-passes')
    expect(second.ok && second.value.article.slug).toBe('budget-passes-2')
  })

  it('keeps the slug of a published article when its headline changes, but lets a draft follow its headline', async () => {
    await saveArticle(site.db, { headline: 'Draft title', body, sourceKey: 'k1' }, now)
    const draft = await saveArticle(site.db, { headline: 'Better draft title', body, sourceKey: 'k1' }, now)
    expect(draft.ok && draft.value.article.slug).toBe('better-draft-title')
    await saveArticle(site.db, { headline: 'Live story', body, status: 'published', sourceKey: 'k2' }, now)
    const renamed = await saveArticle(site.db, { headline: 'Live story, updated', body, status: 'published', sourceKey: 'k2' }, now)
    expect(renamed.ok && renamed.value).toMatchObject({ created: false, article: { slug: 'live-story', headline: 'Live story, updated' } })
  })

  it('refuses a slug that is taken or reserved, naming the field', async () => {
    await saveArticle(site.db, { headline: 'One', body, slug: 'one' }, now)
    expect(await saveArticle(site.db, { headline: 'Two', body, slug: 'one' }, now)).toEqual({ ok: false, error: { type: 'slug-taken', slug: 'one' } })
    const reserved = await saveArticle(site.db, { headline: 'Three', body, slug: 'tag' }, now)
    expect(!reserved.ok && reserved.error).toMatchObject({ type: 'invalid', issues: [{ field: 'slug' }] })
  })

  it('names every invalid field', async () => {
    const result = await saveArticle(site.db, {
      headline: '  ', body: { format: 'rtf' as 'html', source: '' }, language: 'English', canonicalUrl: 'javascript:alert(1)',
    }, now)
    expect(result.ok).toBe(false)
    const fields = !result.ok && result.error.type === 'invalid' ? result.error.issues.map((i) => i.field).sort() : []
    expect(fields).toEqual(['body.format', 'canonicalUrl', 'headline', 'language'])
  })

  it('refuses references to sections, tags, people and pictures that do not exist', async () => {
    const tag = await ensureTag(site.db, { name: 'Real' }, now)
    const result = await saveArticle(site.db, {
      headline: 'Refs', body, sectionId: 'nope', tagIds: [tag.id, 'ghost-tag'], authorIds: ['nobody'], hero: { pictureId: 'missing' },
    }, now)
    expect(!result.ok && result.error).toEqual({
      type: 'invalid',
      issues: [
        { field: 'sectionId', message: 'no such section: nope' },
        { field: 'tagIds.1', message: 'no such tag: ghost-tag' },
        { field: 'authorIds.0', message: 'no such person: nobody' },
        { field: 'hero.pictureId', message: 'no such picture: missing' },
      ],
    })
    expect(await site.db.selectFrom('articles').select('id').execute()).toEqual([])
  })

  it('counts the hero picture in the reading time', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('r', { width: 500, height: 300 }), {}, now)
    const words = Array.from({ length: 400 }, () => 'word').join(' ') // 1.45 min
    const without = await saveArticle(site.db, { headline: 'No picture', body: { format: 'markdown', source: words } }, now)
    const withHero = await saveArticle(site.db, { headline: 'Picture', body: { format: 'markdown', source: words }, hero: { pictureId: picture.id } }, now)
    expect(without.ok && without.value.article.readingMinutes).toBe(1)
    expect(withHero.ok && withHero.value.article.readingMinutes).toBe(2) // 1.45 + 0.2
  })

  it('needs a future time to schedule, and stamps the publication time when publishing', async () => {
    const past = await saveArticle(site.db, { headline: 'Late', body, status: 'scheduled', publishedAt: new Date(now.getTime() - 1000) }, now)
    expect(!past.ok && past.error).toMatchObject({ type: 'invalid', issues: [{ field: 'publishedAt' }] })
    const published = await saveArticle(site.db, { headline: 'Now', body, status: 'published' }, now)
    expect(published.ok && published.value.article.publishedAt).toEqual(now)
  })

  it('saves an editor document, rendered through the sanitiser', async () => {
    const source = JSON.stringify({ type: 'doc', content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Harbour' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Calm', marks: [{ type: 'bold' }] }, { type: 'text', text: ' water.' }] },
      { type: 'image', attrs: { src: '/media/x.webp', alt: 'Boats', onerror: 'alert(1)' } },
    ] })
    const saved = await saveArticle(site.db, { headline: 'Doc', body: { format: 'doc', source } }, now)
    expect(saved.ok && saved.value.article.body).toEqual({
      format: 'doc', source,
      html: '<h2>Harbour</h2><p><strong>Calm</strong> water.</p><img src="/media/x.webp" alt="Boats" loading="lazy" decoding="async">',
    })
    expect(saved.ok && saved.value.article.wordCount).toBe(3)
  })

  it('refuses an editor document that is not one, naming body.source and what is wrong', async () => {
    const broken = await saveArticle(site.db, { headline: 'Broken', body: { format: 'doc', source: '{"type":"doc","content":[' } }, now)
    expect(!broken.ok && broken.error).toEqual({
      type: 'invalid', issues: [{ field: 'body.source', message: expect.stringMatching(/^not an editor document: not valid JSON: /) }],
    })
    const notDoc = await saveArticle(site.db, { headline: 'Not a doc', body: { format: 'doc', source: '{"type":"paragraph"}' } }, now)
    expect(!notDoc.ok && notDoc.error).toEqual({
      type: 'invalid', issues: [{ field: 'body.source', message: 'not an editor document: the document’s root must be of type "doc", not "paragraph"' }],
    })
    // The same source is fine as Markdown, and an empty editor is an empty document.
    expect((await saveArticle(site.db, { headline: 'Markdown', body: { format: 'markdown', source: '{"type":"doc","content":[' } }, now)).ok).toBe(true)
    expect((await saveArticle(site.db, { headline: 'Empty', body: { format: 'doc', source: '' } }, now)).ok).toBe(true)
    expect(await site.db.selectFrom('articles').select('headline').orderBy('headline').execute()).toEqual([{ headline: 'Empty' }, { headline: 'Markdown' }])
  })
})
