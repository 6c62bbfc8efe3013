import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectListsInStep, referenceListIds } from '../../../test/support/listings.js'
import { addStaff } from '../../../test/support/staff.js'
import { addArticle, createTestSite, dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { wxrDocument } from '../../../test/support/wxr.js'
import { inTransaction } from '../../storage/connect.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { deleteTerm } from '../manage-terms.js'
import { ensurePerson } from '../people/person.repo.js'
import { ensureSection } from '../sections/section.repo.js'
import { ensureTag } from '../tags/tag.repo.js'
import { listPublicArticles, listPublicArticlesWithBodies, type ArticleScope } from './article.repo.js'
import { syncListings } from './article-listings.js'
import { changeWorkflow } from './change-workflow.js'
import { deleteArticle } from './delete-article.js'
import { publishDueArticles } from './publish-due-articles.js'
import { saveArticle } from './save-article.js'
import { updateArticle } from './update-article.js'
import { importFiles } from '../../importers/import-files.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

let site: Awaited<ReturnType<typeof createTestSite>>
let editor: StaffMember
const now = new Date(TEST_NOW)
const hoursFrom = (date: Date, hours: number) => new Date(date.getTime() + hours * 3600_000)
const body = { format: 'markdown' as const, source: 'Words.' }

beforeEach(async () => {
  site = await createTestSite()
  editor = await addStaff(site.db, 'editor', 'Eda Editor')
})
afterEach(async () => { await site.close() })

async function terms() {
  const [harbour, city] = await Promise.all([
    ensureSection(site.db, { name: 'Harbour' }, now), ensureSection(site.db, { name: 'City' }, now)])
  const [tide, ferry, quay] = await Promise.all(['Tide', 'Ferry', 'Quay'].map((name) => ensureTag(site.db, { name }, now)))
  const [mara, jon] = await Promise.all([ensurePerson(site.db, { name: 'Mara Lind' }, now), ensurePerson(site.db, { name: 'Jon Ek' }, now)])
  return { harbour: harbour!, city: city!, tide: tide!, ferry: ferry!, quay: quay!, mara, jon }
}

const total = async (scope: ArticleScope, at = now) => (await listPublicArticles(site.db, scope, { page: 1, perPage: 10, now: at })).total
const headlines = async (scope: ArticleScope, at = now) =>
  (await listPublicArticles(site.db, scope, { page: 1, perPage: 50, now: at })).items.map((a) => a.headline)

async function act(id: string, request: Parameters<typeof changeWorkflow>[3], at = now) {
  const result = await changeWorkflow(site.db, editor, id, request, at)
  if (!result.ok) throw new Error(`${request.action} refused: ${JSON.stringify(result.error)}`)
  await expectListsInStep(site.db, `after ${request.action}`)
}

describe('kept lists and counts', () => {
  it('follow an article through publish, edit, unpublish, publish again, trash, restore and delete', async () => {
    const t = await terms()
    const draft = await addArticle(site.db, { headline: 'Quay reopens', status: 'draft', sectionId: t.harbour.id, tagIds: [t.tide.id, t.quay.id], authorIds: [t.mara.id] })
    await expectListsInStep(site.db, 'after a draft')
    expect(await total({ kind: 'all' })).toBe(0)

    await act(draft.id, { action: 'publish', confirmNoAlt: true })
    expect(await total({ kind: 'all' })).toBe(1)
    expect(await total({ kind: 'section', sectionId: t.harbour.id })).toBe(1)
    expect(await total({ kind: 'tag', tagId: t.quay.id })).toBe(1)
    expect(await total({ kind: 'author', personId: t.mara.id })).toBe(1)

    // A published article's edit moves it between its section's, tags' and authors' lists.
    const edited = await updateArticle(site.db, draft.id, {
      headline: 'Quay reopens', body, status: 'published', sectionId: t.city.id, tagIds: [t.ferry.id, t.tide.id], authorIds: [t.jon.id, t.mara.id],
    }, now, { baseVersion: draft.version, editedBy: null })
    expect(edited.ok, JSON.stringify(!edited.ok && edited.error)).toBe(true)
    await expectListsInStep(site.db, 'after an edit')
    expect(await total({ kind: 'section', sectionId: t.harbour.id })).toBe(0)
    expect(await total({ kind: 'section', sectionId: t.city.id })).toBe(1)
    expect(await total({ kind: 'tag', tagId: t.quay.id })).toBe(0)
    expect(await total({ kind: 'tag', tagId: t.ferry.id })).toBe(1)
    expect(await total({ kind: 'author', personId: t.jon.id })).toBe(1)

    await act(draft.id, { action: 'unpublish' })
    expect(await total({ kind: 'all' })).toBe(0)
    expect(await total({ kind: 'author', personId: t.mara.id })).toBe(0)
    await act(draft.id, { action: 'publish', confirmNoAlt: true })
    expect(await total({ kind: 'all' })).toBe(1)
    await act(draft.id, { action: 'trash' })
    expect(await total({ kind: 'all' })).toBe(0)
    await act(draft.id, { action: 'restore' })
    expect(await total({ kind: 'all' })).toBe(0)
    await act(draft.id, { action: 'publish', confirmNoAlt: true })
    await act(draft.id, { action: 'trash' })
    await act(draft.id, { action: 'delete' })
    expect(await site.db.selectFrom('listingCounts').selectAll().execute()).toEqual([])
  })

  it('list a scheduled article from its time on, without a write; rescheduling moves it, publishing early too', async () => {
    const t = await terms()
    const old = await addArticle(site.db, { headline: 'Older news', tagIds: [t.tide.id], publishedAt: hoursFrom(now, -5) })
    const draft = await addArticle(site.db, { headline: 'Regatta', status: 'draft', tagIds: [t.tide.id] })
    await act(draft.id, { action: 'schedule', at: hoursFrom(now, 2), confirmNoAlt: true })
    const tide: ArticleScope = { kind: 'tag', tagId: t.tide.id }
    expect(await headlines(tide)).toEqual(['Older news'])
    expect(await total(tide)).toBe(1)
    expect(await headlines(tide, hoursFrom(now, 2))).toEqual(['Regatta', 'Older news'])
    expect(await total(tide, hoursFrom(now, 2))).toBe(2)

    await act(draft.id, { action: 'schedule', at: hoursFrom(now, 6), confirmNoAlt: true })
    expect(await total(tide, hoursFrom(now, 3))).toBe(1)
    expect(await total(tide, hoursFrom(now, 6))).toBe(2)
    // The scheduler marking it published changes nothing a reader sees.
    expect(await publishDueArticles(site.db, hoursFrom(now, 7))).toEqual([draft.id])
    await expectListsInStep(site.db, 'after the scheduler')
    expect(await headlines(tide, hoursFrom(now, 7))).toEqual(['Regatta', 'Older news'])

    // Taken off and published again, each keeps its time and so its place.
    await act(draft.id, { action: 'unpublish' }, hoursFrom(now, 8))
    expect(await headlines(tide, hoursFrom(now, 8))).toEqual(['Older news'])
    await act(draft.id, { action: 'publish', confirmNoAlt: true }, hoursFrom(now, 8))
    await act(old.id, { action: 'unpublish' }, hoursFrom(now, 8))
    await act(old.id, { action: 'publish', confirmNoAlt: true }, hoursFrom(now, 8))
    expect(await headlines(tide, hoursFrom(now, 8))).toEqual(['Regatta', 'Older news'])
    expect(await total({ kind: 'all' }, hoursFrom(now, 8))).toBe(2)
  })

  it('leave pages and drafts off every list', async () => {
    const t = await terms()
    await addArticle(site.db, { headline: 'About us', kind: 'page', tagIds: [t.tide.id], authorIds: [t.mara.id] })
    await addArticle(site.db, { headline: 'Not yet', status: 'draft', publishedAt: hoursFrom(now, -1), tagIds: [t.tide.id] })
    await expectListsInStep(site.db)
    expect(await site.db.selectFrom('articleListings').selectAll().execute()).toEqual([])
    expect(await total({ kind: 'tag', tagId: t.tide.id })).toBe(0)
  })

  it('drop a deleted section’s or tag’s list; its articles stay on their other lists', async () => {
    const t = await terms()
    await addArticle(site.db, { headline: 'Ferry', sectionId: t.harbour.id, tagIds: [t.ferry.id, t.tide.id], authorIds: [t.mara.id] })
    await addArticle(site.db, { headline: 'Tide', sectionId: t.harbour.id, tagIds: [t.tide.id] })
    expect((await deleteTerm(site.db, 'tags', t.tide.id, now)).ok).toBe(true)
    await expectListsInStep(site.db, 'after deleting a tag')
    expect((await deleteTerm(site.db, 'sections', t.harbour.id, now)).ok).toBe(true)
    await expectListsInStep(site.db, 'after deleting a section')
    expect(await total({ kind: 'all' })).toBe(2)
    expect(await total({ kind: 'tag', tagId: t.ferry.id })).toBe(1)
  })

  it('are deleted with an article deleted for good', async () => {
    const t = await terms()
    const article = await addArticle(site.db, { headline: 'Ferry', sectionId: t.harbour.id, tagIds: [t.ferry.id], authorIds: [t.mara.id] })
    expect(await deleteArticle(site.db, article.id, now)).toBe(true)
    await expectListsInStep(site.db)
    expect(await site.db.selectFrom('listingCounts').selectAll().execute()).toEqual([])
  })

  it('are left as they were by a failed transaction', async () => {
    const t = await terms()
    const kept = await addArticle(site.db, { headline: 'Kept', tagIds: [t.tide.id] })
    const before = await dumpDatabase(site.db)
    await expect(inTransaction(site.db, async (trx) => {
      await saveArticle(trx, { headline: 'Lost', body, status: 'published', tagIds: [t.tide.id, t.ferry.id] }, now)
      await changeWorkflow(trx, editor, kept.id, { action: 'unpublish' }, now)
      await expectListsInStep(trx, 'inside the transaction')
      throw new Error('the disk is full')
    })).rejects.toThrow('the disk is full')
    expect(await dumpDatabase(site.db)).toEqual(before)
    await expectListsInStep(site.db)
  })

  it('are kept by imports (published, scheduled and draft posts, pages, categories and tags), and by an import run again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-listings-'))
    try {
      const file = path.join(dir, 'export.xml')
      const category = (name: string) => ({ domain: 'category' as const, nicename: name.toLowerCase(), name })
      const tag = (name: string) => ({ domain: 'post_tag' as const, nicename: name.toLowerCase(), name })
      fs.writeFileSync(file, wxrDocument([
        { id: 1, title: 'Quay', categories: [category('Harbour'), tag('Tide'), tag('Boats')], date: '2026-01-01 10:00:00' },
        { id: 2, title: 'Ferry', categories: [category('Harbour'), tag('Boats')], date: '2026-01-02 10:00:00' },
        { id: 3, title: 'Later', status: 'future', categories: [tag('Boats')], date: '2026-09-01 10:00:00' },
        { id: 4, title: 'Unfinished', status: 'draft', categories: [tag('Boats')] },
        { id: 5, title: 'About', type: 'page' },
      ]))
      const first = await importFiles({ db: site.db, files: site.files, now }, [file])
      expect(first.ok, JSON.stringify(!first.ok && first.error)).toBe(true)
      await expectListsInStep(site.db, 'after the import')
      expect(await headlines({ kind: 'all' })).toEqual(['Ferry', 'Quay'])
      // Run again with a post unpublished and another retagged: the same articles are updated.
      fs.writeFileSync(file, wxrDocument([
        { id: 1, title: 'Quay', status: 'draft', categories: [category('Harbour'), tag('Tide')], date: '2026-01-01 10:00:00' },
        { id: 2, title: 'Ferry', categories: [category('City'), tag('Tide')], date: '2026-01-02 10:00:00' },
      ]))
      const again = await importFiles({ db: site.db, files: site.files, now }, [file])
      expect(again.ok && again.value).toMatchObject({ created: 0, updated: 2 })
      await expectListsInStep(site.db, 'after the import run again')
      expect(await headlines({ kind: 'all' })).toEqual(['Ferry'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('are written only when they change: syncing an article in step writes nothing, a wrong time is put right', async () => {
    const t = await terms()
    const article = await addArticle(site.db, { headline: 'Ferry', tagIds: [t.ferry.id], authorIds: [t.mara.id] })
    const before = await dumpDatabase(site.db)
    await syncListings(site.db, [article.id, article.id, 'no-such-article'])
    expect(await dumpDatabase(site.db)).toEqual(before)
    await site.db.updateTable('articleListings').set({ listedAt: '2000-01-01T00:00:00.000Z' }).where('scope', '=', 'tag').execute()
    await syncListings(site.db, [article.id])
    expect(await dumpDatabase(site.db)).toEqual(before)
  })
})

describe('public lists read from the kept lists', () => {
  it('show the same articles in the same order as filtering and sorting every article did, page by page', async () => {
    const t = await terms()
    const sections = [t.harbour.id, t.city.id, null]
    const tags = [t.tide.id, t.ferry.id, t.quay.id]
    const people = [t.mara.id, t.jon.id]
    let seed = 11
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const statuses = ['published', 'published', 'published', 'scheduled', 'draft'] as const
    for (let i = 0; i < 70; i++) {
      const status = statuses[random(statuses.length)]!
      // Few distinct times, so many ties (broken by id), some in the future.
      const publishedAt = hoursFrom(now, random(12) - 8)
      const saved = await saveArticle(site.db, {
        headline: `Story ${i}`, body, status, kind: random(10) === 0 ? 'page' : 'post',
        publishedAt: status === 'scheduled' ? hoursFrom(now, random(4) + 1) : status === 'draft' && random(2) ? null : publishedAt,
        sectionId: sections[random(3)] ?? null,
        tagIds: tags.filter(() => random(2) === 1), authorIds: people.filter(() => random(3) !== 0),
      }, now)
      expect(saved.ok, JSON.stringify(!saved.ok && saved.error)).toBe(true)
    }
    await expectListsInStep(site.db)
    const scopes: ArticleScope[] = [
      { kind: 'all' },
      ...sections.flatMap((id) => (id ? [{ kind: 'section' as const, sectionId: id }] : [])),
      ...tags.map((id) => ({ kind: 'tag' as const, tagId: id })),
      ...people.map((id) => ({ kind: 'author' as const, personId: id })),
    ]
    for (const at of [now, hoursFrom(now, 2), hoursFrom(now, 10)]) {
      for (const scope of scopes) {
        const expected = await referenceListIds(site.db, scope, at)
        const perPage = 7
        const shown: string[] = []
        const pages = Math.max(1, Math.ceil(expected.length / perPage))
        for (let page = 1; page <= pages + 1; page++) {
          const result = await listPublicArticles(site.db, scope, { page, perPage, now: at })
          expect(result.total, `${JSON.stringify(scope)} at ${at.toISOString()}`).toBe(expected.length)
          expect(result.pages).toBe(pages)
          shown.push(...result.items.map((a) => a.id))
        }
        expect(shown, `${JSON.stringify(scope)} at ${at.toISOString()}`).toEqual(expected)
        const feed = await listPublicArticlesWithBodies(site.db, scope, { limit: 5, now: at })
        expect(feed.map((a) => a.id)).toEqual(expected.slice(0, 5))
        expect(feed.every((a) => a.body.html.length > 0)).toBe(true)
      }
    }
  })
})
