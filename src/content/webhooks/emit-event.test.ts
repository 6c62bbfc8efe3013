import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testPicture } from '../../../test/support/pictures.js'
import { addArticle, TEST_NOW } from '../../../test/support/test-site.js'
import { memoryFileStore } from '../../storage/files/local-file-store.js'
import { deletePicture } from '../media/delete-picture.js'
import { storePicture } from '../media/store-picture.js'
import { dialectOf, type Db } from '../../storage/connect.js'
import { changeWorkflow } from '../articles/change-workflow.js'
import { deleteArticle } from '../articles/delete-article.js'
import { publishDueArticles } from '../articles/publish-due-articles.js'
import { parseArticleInput, writeArticle } from '../articles/save-article.js'
import { updateArticle } from '../articles/update-article.js'
import { createTerm, deleteTerm, editTerm } from '../manage-terms.js'
import { emitEvent } from './emit-event.js'
import { createWebhook, setWebhookEnabled } from './manage-webhooks.js'
import type { WebhookEventName } from './webhook-event.js'
import { openTestDatabase } from '../../../test/support/test-database.js'

const now = new Date(TEST_NOW)
const admin = { id: 'admin', role: 'administrator' as const }
let closeTestDb = async () => {}
let db: Db

beforeEach(async () => {
  ;({ db, close: closeTestDb } = await openTestDatabase())
})
afterEach(() => closeTestDb())

async function hook(events: '*' | WebhookEventName[] = '*') {
  const created = await createWebhook(db, { url: 'https://receiver.test/hooks', events }, now)
  if (!created.ok) throw new Error('refused')
  return created.value
}

// The order rows were queued in (ids share a second here): SQLite's rowid, PostgreSQL's row position
// (a fresh table that is only appended to).
const queued = async () => (await db.selectFrom('webhookEvents').select(['webhookId', 'event', 'payload'])
  .orderBy(dialectOf(db) === 'sqlite' ? sql`rowid` : sql`ctid`).execute())
  .map((r) => ({ webhookId: r.webhookId, event: r.event, data: JSON.parse(r.payload).data }))
const events = async () => (await queued()).map((q) => q.event)

describe('emitEvent', () => {
  it('queues one delivery per enabled webhook subscribed to the event, nothing without one', async () => {
    expect(await emitEvent(db, 'tag.added', { id: 't' }, now)).toEqual([])
    const all = await hook('*')
    const tags = await hook(['tag.added'])
    await hook(['section.added'])
    const off = await hook('*')
    await setWebhookEnabled(db, off.id, false)
    const ids = await emitEvent(db, 'tag.added', { id: 't' }, now)
    expect(ids).toHaveLength(2)
    expect((await queued()).map((q) => q.webhookId).sort()).toEqual([all.id, tags.id].sort())
    const row = await db.selectFrom('webhookEvents').select(['id', 'payload']).where('id', '=', ids[0]!).executeTakeFirstOrThrow()
    expect(JSON.parse(row.payload)).toEqual({ id: row.id, event: 'tag.added', created_at: TEST_NOW, data: { id: 't' } })
  })

  it('queues nothing when the change it belongs to is rolled back', async () => {
    await hook()
    await expect(db.transaction().execute(async (trx) => {
      await createTerm(trx, 'tags', { name: 'Boats', slug: '', description: '' }, now)
      throw new Error('something later failed')
    })).rejects.toThrow('something later failed')
    expect(await queued()).toEqual([])
    expect(await db.selectFrom('tags').select('id').execute()).toEqual([])
  })

  it('announces articles going public, changing while public, leaving and being deleted', async () => {
    await hook()
    const draft = await addArticle(db, { headline: 'Quay', status: 'draft' })
    await updateArticle(db, draft.id, { headline: 'Quay, draft 2', body: { format: 'markdown', source: 'x' } }, now, { baseVersion: draft.version, editedBy: null })
    expect(await events()).toEqual([])
    await changeWorkflow(db, admin, draft.id, { action: 'publish', confirmNoAlt: true }, now)
    const corrected = await updateArticle(db, draft.id, { headline: 'Quay, corrected', body: { format: 'markdown', source: 'x' }, status: 'published' }, now, { baseVersion: 2, editedBy: null })
    expect(corrected.ok).toBe(true)
    for (const action of ['unpublish', 'trash', 'delete'] as const) {
      expect((await changeWorkflow(db, admin, draft.id, { action }, now)).ok).toBe(true)
    }
    expect(await events()).toEqual(['article.published', 'article.updated', 'article.unpublished', 'article.deleted'])
    const [published, updated] = await queued()
    expect(published!.data).toMatchObject({ id: draft.id, headline: 'Quay, draft 2', status: 'published', published_at: TEST_NOW })
    expect(updated!.data).toMatchObject({ headline: 'Quay, corrected' })

    const other = await addArticle(db, { headline: 'Ferry' })
    expect(await deleteArticle(db, other.id, now)).toBe(true)
    expect((await events()).slice(-2)).toEqual(['article.published', 'article.deleted'])
  })

  it('announces a scheduled article when it falls due, once', async () => {
    await hook(['article.published'])
    const later = new Date(now.getTime() + 3_600_000)
    const scheduled = await addArticle(db, { headline: 'Tide tables', status: 'scheduled', publishedAt: later })
    expect(await events()).toEqual([])
    await publishDueArticles(db, later)
    await publishDueArticles(db, later)
    expect(await queued()).toMatchObject([{ event: 'article.published', data: { id: scheduled.id, status: 'published' } }])
  })

  it('announces sections and tags added, changed and deleted', async () => {
    await hook()
    const section = await createTerm(db, 'sections', { name: 'World', slug: '', description: '' }, now)
    const tag = await createTerm(db, 'tags', { name: 'Boats', slug: '', description: '' }, now)
    if (!section.ok || !tag.ok) throw new Error('refused')
    await editTerm(db, 'sections', section.value.id, { name: 'World news', slug: 'world-news', description: '' }, now)
    await editTerm(db, 'tags', tag.value.id, { name: 'Ships', slug: '', description: '' }, now)
    await deleteTerm(db, 'sections', section.value.id, now)
    await deleteTerm(db, 'tags', tag.value.id, now)
    expect(await events()).toEqual(['section.added', 'tag.added', 'section.updated', 'tag.updated', 'section.deleted', 'tag.deleted'])
    expect((await queued())[2]!.data).toMatchObject({ slug: 'world-news', previous_slug: 'world', name: 'World news' })
  })

  it('announces pictures added to and deleted from the library, but not those an import stores', async () => {
    await hook()
    const files = memoryFileStore()
    const { picture } = await storePicture(db, files, await testPicture('png', 120, 80), { alt: 'Gulls', credit: 'A. Snap' }, now)
    await storePicture(db, files, await testPicture('png'), { alt: 'Imported' }, now, { events: false })
    expect(await deletePicture(db, files, picture.id, now)).toMatchObject({ ok: true })
    expect(await queued()).toMatchObject([
      { event: 'media.added', data: { id: picture.id, width: 120, height: 80, alt: 'Gulls', credit: 'A. Snap', mime_type: 'image/png' } },
      { event: 'media.deleted', data: { id: picture.id } },
    ])
  })

  it('stays quiet for imports (writes that ask for no events)', async () => {
    await hook()
    const valid = parseArticleInput({ headline: 'Archive', body: { format: 'markdown', source: 'x' }, status: 'published', publishedAt: now })
    if (!valid.ok) throw new Error('refused')
    await db.transaction().execute((trx) => writeArticle(trx, valid.value, now, { revision: false, events: false }))
    expect(await queued()).toEqual([])
  })
})
