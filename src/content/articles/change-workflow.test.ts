import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addStaff } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { storePicture } from '../media/store-picture.js'
import { findPublicArticleBySlug } from './article.repo.js'
import { availableActions } from './article-workflow.js'
import { changeWorkflow } from './change-workflow.js'
import { createArticle } from './create-article.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const later = new Date(now.getTime() + 3600_000)
const body = { format: 'markdown' as const, source: 'Words.' }
let contributor: StaffMember
let author: StaffMember
let editor: StaffMember

beforeEach(async () => {
  site = await createTestSite()
  contributor = await addStaff(site.db, 'contributor', 'Cora Contributor')
  author = await addStaff(site.db, 'author', 'Abe Author')
  editor = await addStaff(site.db, 'editor', 'Eda Editor')
})
afterEach(async () => { await site.close() })

async function draftBy(staff: StaffMember, headline = 'Harbour reopens') {
  const created = await createArticle(site.db, staff, { headline, body }, now)
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.value
}

describe('createArticle', () => {
  it('makes a draft owned by the creator, bylined to them, whatever status the input asks for', async () => {
    const created = await createArticle(site.db, author, { headline: 'Tide tables', body, status: 'published' }, now)
    expect(created.ok && created.value).toMatchObject({
      status: 'draft', publishedAt: null, workflow: { ownerId: author.id, reviewState: null, trashedAt: null },
      authors: [{ id: author.personId, name: 'Abe Author' }],
    })
  })

  it('keeps pages for those who manage pages', async () => {
    expect(await createArticle(site.db, author, { headline: 'About us', body, kind: 'page' }, now)).toEqual({ ok: false, error: { type: 'forbidden' } })
    expect((await createArticle(site.db, editor, { headline: 'About us', body, kind: 'page' }, now)).ok).toBe(true)
  })
})

describe('changeWorkflow', () => {
  it('takes a contributor’s draft through review: submitted, sent back with a note, submitted again, published by an editor', async () => {
    const draft = await draftBy(contributor)
    expect(availableActions(contributor, draft, now)).toEqual(['submit', 'trash'])
    const submitted = await changeWorkflow(site.db, contributor, draft.id, { action: 'submit' }, now)
    expect(submitted.ok && submitted.value.article?.workflow.reviewState).toBe('submitted')
    expect(availableActions(editor, submitted.ok ? submitted.value.article! : draft, now)).toEqual(['return', 'publish', 'schedule', 'trash'])

    expect(await changeWorkflow(site.db, editor, draft.id, { action: 'return', note: '  ' }, now)).toMatchObject({ ok: false, error: { type: 'invalid', issues: [{ field: 'note' }] } })
    const returned = await changeWorkflow(site.db, editor, draft.id, { action: 'return', note: 'Two sources, please.' }, now)
    expect(returned.ok && returned.value.article?.workflow).toMatchObject({ reviewState: 'returned', reviewNote: 'Two sources, please.' })
    expect((await changeWorkflow(site.db, contributor, draft.id, { action: 'submit' }, now)).ok).toBe(true)

    expect(await changeWorkflow(site.db, contributor, draft.id, { action: 'publish', confirmNoAlt: false }, now)).toEqual({ ok: false, error: { type: 'forbidden' } })
    const published = await changeWorkflow(site.db, editor, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    expect(published.ok && published.value.article).toMatchObject({ status: 'published', publishedAt: now, workflow: { reviewState: null, reviewNote: '' } })
    expect(await findPublicArticleBySlug(site.db, draft.slug, now)).toBeDefined()
  })

  it('schedules only for later, and a scheduled article goes public at its time', async () => {
    const draft = await draftBy(author)
    expect(await changeWorkflow(site.db, author, draft.id, { action: 'schedule', at: now, confirmNoAlt: false }, now))
      .toMatchObject({ ok: false, error: { type: 'invalid', issues: [{ field: 'publishAt' }] } })
    const scheduled = await changeWorkflow(site.db, author, draft.id, { action: 'schedule', at: later, confirmNoAlt: false }, now)
    expect(scheduled.ok && scheduled.value.article).toMatchObject({ status: 'scheduled', publishedAt: later })
    expect(await findPublicArticleBySlug(site.db, draft.slug, now)).toBeUndefined()
    expect(await findPublicArticleBySlug(site.db, draft.slug, later)).toBeDefined()
  })

  it('unpublishes: the article leaves the site, keeps its first publication time; a schedule is forgotten', async () => {
    const draft = await draftBy(author)
    await changeWorkflow(site.db, author, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    const unpublished = await changeWorkflow(site.db, author, draft.id, { action: 'unpublish' }, later)
    expect(unpublished.ok && unpublished.value.article).toMatchObject({ status: 'draft', publishedAt: now })
    expect(await findPublicArticleBySlug(site.db, draft.slug, later)).toBeUndefined()
    const again = await changeWorkflow(site.db, author, draft.id, { action: 'publish', confirmNoAlt: false }, later)
    expect(again.ok && again.value.article?.publishedAt).toEqual(now)

    const other = await draftBy(author, 'Ferry timetable')
    await changeWorkflow(site.db, author, other.id, { action: 'schedule', at: later, confirmNoAlt: false }, now)
    const unscheduled = await changeWorkflow(site.db, author, other.id, { action: 'unpublish' }, now)
    expect(unscheduled.ok && unscheduled.value.article).toMatchObject({ status: 'draft', publishedAt: null })
  })

  it('moves to the trash (off the site) and back as a draft; only editors delete for good, and only from the trash', async () => {
    const draft = await draftBy(author)
    await changeWorkflow(site.db, author, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    const trashed = await changeWorkflow(site.db, author, draft.id, { action: 'trash' }, now)
    expect(trashed.ok && trashed.value.article).toMatchObject({ status: 'draft', workflow: { trashedAt: now } })
    expect(await findPublicArticleBySlug(site.db, draft.slug, now)).toBeUndefined()
    expect(await changeWorkflow(site.db, author, draft.id, { action: 'publish', confirmNoAlt: false }, now))
      .toEqual({ ok: false, error: { type: 'not-applicable', message: 'It is in the trash: restore it first.' } })
    expect(await changeWorkflow(site.db, author, draft.id, { action: 'delete' }, now)).toEqual({ ok: false, error: { type: 'forbidden' } })
    const restored = await changeWorkflow(site.db, author, draft.id, { action: 'restore' }, now)
    expect(restored.ok && restored.value.article).toMatchObject({ status: 'draft', workflow: { trashedAt: null } })
    expect(await changeWorkflow(site.db, editor, draft.id, { action: 'delete' }, now)).toMatchObject({ ok: false, error: { type: 'not-applicable' } })
    await changeWorkflow(site.db, editor, draft.id, { action: 'trash' }, now)
    expect(await changeWorkflow(site.db, editor, draft.id, { action: 'delete' }, now)).toEqual({ ok: true, value: { article: null } })
    expect(await changeWorkflow(site.db, editor, draft.id, { action: 'restore' }, now)).toEqual({ ok: false, error: { type: 'not-found' } })
  })

  it('asks for a second yes before publishing a hero picture without alt text', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('pier', { width: 400, height: 300 }), {}, now)
    const created = await createArticle(site.db, author, { headline: 'Pier', body, hero: { pictureId: picture.id, alt: '' } }, now)
    const id = created.ok ? created.value.id : ''
    expect(await changeWorkflow(site.db, author, id, { action: 'publish', confirmNoAlt: false }, now)).toEqual({ ok: false, error: { type: 'hero-without-alt' } })
    expect(await changeWorkflow(site.db, author, id, { action: 'schedule', at: later, confirmNoAlt: false }, now)).toEqual({ ok: false, error: { type: 'hero-without-alt' } })
    expect((await changeWorkflow(site.db, author, id, { action: 'publish', confirmNoAlt: true }, now)).ok).toBe(true)
  })

  it('refuses others’ articles below editor, and a contributor’s once published', async () => {
    const draft = await draftBy(contributor)
    for (const request of [{ action: 'submit' }, { action: 'trash' }] as const) {
      expect(await changeWorkflow(site.db, author, draft.id, request, now)).toEqual({ ok: false, error: { type: 'forbidden' } })
    }
    await changeWorkflow(site.db, editor, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    expect(await changeWorkflow(site.db, contributor, draft.id, { action: 'trash' }, now)).toEqual({ ok: false, error: { type: 'forbidden' } })
  })
})
