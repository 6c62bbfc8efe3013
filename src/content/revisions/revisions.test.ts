import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import type { ArticleInput } from '../articles/article.js'
import { parseArticleInput, writeArticle } from '../articles/save-article.js'
import { updateArticle } from '../articles/update-article.js'
import { storePicture } from '../media/store-picture.js'
import { ensurePerson } from '../people/person.repo.js'
import { ensureSection } from '../sections/section.repo.js'
import { ensureTag } from '../tags/tag.repo.js'
import { compareRevisions } from './compare-revisions.js'
import { restoreRevision } from './restore-revision.js'
import { getRevision, listRevisions } from './revision.repo.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const input = (changes: Partial<ArticleInput> = {}): ArticleInput =>
  ({ headline: 'Tide tables', body: { format: 'markdown', source: 'High water at **six** tonight.' }, status: 'published', ...changes })

async function editedThreeTimes() {
  const article = await addArticle(site.db, input())
  const v2 = await updateArticle(site.db, article.id, input({ headline: 'Tide tables for June', body: { format: 'markdown', source: 'High water at **seven** tonight, the harbour master said.' } }), later(1), { baseVersion: 1, editedBy: 'alice' })
  const v3 = await updateArticle(site.db, article.id, input({ headline: 'Tide tables for June', dek: 'Check before you sail.' }), later(2), { baseVersion: 2, editedBy: 'bob' })
  if (!v2.ok || !v3.ok) throw new Error('edit refused')
  return v3.value
}

describe('revisions', () => {
  it('keeps one per save, listed newest first with who, when, version, headline and word count', async () => {
    const article = await editedThreeTimes()
    const list = await listRevisions(site.db, article.id)
    expect(list.map(({ version, savedBy, savedAt, headline, wordCount }) => ({ version, savedBy, savedAt, headline, wordCount }))).toEqual([
      { version: 3, savedBy: 'bob', savedAt: later(2), headline: 'Tide tables for June', wordCount: 5 },
      { version: 2, savedBy: 'alice', savedAt: later(1), headline: 'Tide tables for June', wordCount: 9 },
      { version: 1, savedBy: null, savedAt: now, headline: 'Tide tables', wordCount: 5 },
    ])
  })

  it('holds everything needed to restore the article whole', async () => {
    const section = await ensureSection(site.db, { name: 'Harbour' }, now)
    const [t1, t2] = [await ensureTag(site.db, { name: 'Tides' }, now), await ensureTag(site.db, { name: 'Boats' }, now)]
    const person = await ensurePerson(site.db, { name: 'Mara Lind' }, now)
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('rev', { width: 400, height: 300 }), {}, now)
    const article = await addArticle(site.db, input({
      dek: 'Dek', sectionId: section.id, tagIds: [t2.id, t1.id], authorIds: [person.id], language: 'en-GB', kind: 'page',
      hero: { pictureId: picture.id, alt: 'Alt', caption: 'Caption', credit: 'Credit' }, canonicalUrl: 'https://old.example/tide/',
    }))
    const [summary] = await listRevisions(site.db, article.id)
    expect((await getRevision(site.db, summary!.id))?.content).toEqual({
      headline: 'Tide tables', dek: 'Dek', slug: article.slug, kind: 'page', status: 'published', publishedAt: now,
      body: { format: 'markdown', source: 'High water at **six** tonight.' },
      hero: { pictureId: picture.id, alt: 'Alt', caption: 'Caption', credit: 'Credit' },
      sectionId: section.id, tagIds: [t2.id, t1.id], authorIds: [person.id], language: 'en-GB', canonicalUrl: 'https://old.example/tide/',
    })
    expect(await getRevision(site.db, 'no-such-revision')).toBeUndefined()
  })

  it('compares two revisions field by field, and the body word by word in its visible text', async () => {
    const article = await editedThreeTimes()
    const [v3, v2, v1] = await Promise.all((await listRevisions(site.db, article.id)).map((r) => getRevision(site.db, r.id)))
    const change = compareRevisions(v1!, v2!)
    expect(change.fields).toEqual([{ field: 'headline', before: 'Tide tables', after: 'Tide tables for June' }])
    expect(change.body.textChanged).toBe(true)
    expect(change.body.parts).toEqual([
      { change: 'same', text: 'High water at ' },
      { change: 'removed', text: 'six' },
      { change: 'added', text: 'seven' },
      { change: 'same', text: ' tonight' },
      { change: 'added', text: ', the harbour master said' },
      { change: 'same', text: '.' },
    ])
    const unchangedBody = compareRevisions(v1!, { ...v1!, content: { ...v1!.content, dek: 'New dek', tagIds: ['x'] } })
    expect(unchangedBody.fields.map((f) => f.field)).toEqual(['dek', 'tagIds'])
    expect(unchangedBody.body).toEqual({ sourceChanged: false, textChanged: false, parts: [{ change: 'same', text: 'High water at six tonight.' }] })
    expect(compareRevisions(v2!, v3!).body.parts.filter((p) => p.change === 'removed').map((p) => p.text).join('')).toContain('seven')
  })

  it('restores an old revision as a new version, keeping history and the publication state', async () => {
    const article = await editedThreeTimes()
    const first = (await listRevisions(site.db, article.id)).at(-1)!
    const restored = await restoreRevision(site.db, article.id, first.id, later(3), { baseVersion: 3, editedBy: 'carol' })
    expect(restored.ok && restored.value).toMatchObject({ version: 4, headline: 'Tide tables', dek: '', status: 'published', publishedAt: now })
    expect(restored.ok && restored.value.body.source).toBe('High water at **six** tonight.')
    const list = await listRevisions(site.db, article.id)
    expect(list.map((r) => [r.version, r.savedBy, r.restoredFrom])).toEqual([[4, 'carol', 1], [3, 'bob', null], [2, 'alice', null], [1, null, null]])
  })

  it('refuses a restore based on a stale version, and a revision of another article', async () => {
    const article = await editedThreeTimes()
    const other = await addArticle(site.db, input({ headline: 'Other' }))
    const [otherRevision] = await listRevisions(site.db, other.id)
    const first = (await listRevisions(site.db, article.id)).at(-1)!
    expect(await restoreRevision(site.db, article.id, first.id, later(3), { baseVersion: 2, editedBy: 'carol' }))
      .toEqual({ ok: false, error: { type: 'conflict', currentVersion: 3, updatedAt: later(2), editedBy: 'bob' } })
    expect(await restoreRevision(site.db, article.id, otherRevision!.id, later(3), { baseVersion: 3, editedBy: 'carol' }))
      .toEqual({ ok: false, error: { type: 'revision-not-found' } })
    expect(await restoreRevision(site.db, 'gone', first.id, later(3), { baseVersion: 3, editedBy: 'carol' })).toEqual({ ok: false, error: { type: 'not-found' } })
    expect(await listRevisions(site.db, article.id)).toHaveLength(3)
  })

  it('costs imports nothing: none is written, and the imported state becomes the first revision when the article is edited', async () => {
    const parsed = parseArticleInput(input({ sourceKey: 'wp:7' }))
    if (!parsed.ok) throw new Error('invalid test input')
    const written = await site.db.transaction().execute((trx) => writeArticle(trx, parsed.value, now, { revision: false }))
    const id = written.ok ? written.value.id : ''
    expect(await listRevisions(site.db, id)).toEqual([])
    await updateArticle(site.db, id, input({ headline: 'Edited' }), later(1), { baseVersion: 1, editedBy: 'alice' })
    const list = await listRevisions(site.db, id)
    expect(list.map((r) => [r.version, r.savedBy, r.headline, r.savedAt])).toEqual([[2, 'alice', 'Edited', later(1)], [1, null, 'Tide tables', now]])
  })
})
