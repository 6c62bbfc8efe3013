import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../http/app.js'
import { createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { signedInClient } from '../../../test/support/staff.js'
import { htmlPage, testPicture } from '../../../test/support/pictures.js'
import { createApiKey, revokeApiKey } from '../keys/manage-api-keys.js'
import type { ApiKeyKind } from '../keys/api-key.js'
import { ArticleListJson, ArticleResponse } from './article-schemas.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

async function keyOf(kind: ApiKeyKind, name = 'Wire desk') {
  const created = await createApiKey(site.db, { name, kind }, now)
  if (!created.ok) throw new Error('no key')
  return created.value
}

/** A request to /api/v1 with a key (or none, with `key: null`). */
function call(path: string, { key, method = 'GET', json, headers = {}, body }: { key: string | null; method?: string; json?: unknown; headers?: Record<string, string>; body?: BodyInit }) {
  const h: Record<string, string> = { ...headers }
  if (key !== null) h.Authorization = `Bearer ${key}`
  if (json !== undefined) h['Content-Type'] = 'application/json'
  return site.app.request(`${TEST_SITE_URL}/api/v1${path}`, { method, headers: h, body: json !== undefined ? JSON.stringify(json) : body })
}

const draft = { headline: 'Harbour reopens', body: { format: 'markdown', source: 'The quay is open again.' } }

describe('write API authentication', () => {
  it('refuses a missing, malformed, wrong, Content API or revoked key with 401', async () => {
    const write = await keyOf('write')
    const content = await keyOf('content')
    const revoked = await keyOf('write', 'Old desk')
    await revokeApiKey(site.db, revoked.key.id, now)
    const cases: [string, Record<string, string>][] = [
      ['none', {}],
      ['not bearer', { Authorization: `Basic ${write.secret}` }],
      ['wrong', { Authorization: `Bearer mh_${'0'.repeat(40)}` }],
      ['content key', { Authorization: `Bearer ${content.secret}` }],
      ['revoked', { Authorization: `Bearer ${revoked.secret}` }],
    ]
    for (const [label, headers] of cases) {
      const res = await call('/articles', { key: null, headers })
      expect(res.status, label).toBe(401)
      expect((await res.json()).error, label).toMatchObject({ type: 'unauthorized', message: expect.any(String) })
    }
    const ok = await call('/articles', { key: write.secret })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Cache-Control')).toBe('no-store')
    expect((await call('/nothing-here', { key: write.secret })).status).toBe(404)
  })

  it('lets a read-only key read but not write (403)', async () => {
    const read = await keyOf('read')
    expect((await call('/articles', { key: read.secret })).status).toBe(200)
    const res = await call('/articles', { key: read.secret, method: 'POST', json: draft })
    expect(res.status).toBe(403)
    expect((await res.json()).error.type).toBe('forbidden')
    expect(await site.db.selectFrom('articles').select('id').execute()).toEqual([])
  })

  it('accepts a staff session, but a write only with its CSRF token in X-CSRF-Token', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    expect((await client.request('/api/v1/articles')).status).toBe(200)
    const post = (headers: Record<string, string>) => client.request('/api/v1/articles', {
      method: 'POST', body: JSON.stringify(draft), headers: { 'Content-Type': 'application/json', ...headers },
    })
    expect((await post({})).status).toBe(403)
    expect((await post({ 'X-CSRF-Token': 'forged' })).status).toBe(403)
    const session = await site.db.selectFrom('sessions').select('csrfToken').executeTakeFirstOrThrow()
    const res = await post({ 'X-CSRF-Token': session.csrfToken })
    expect(res.status).toBe(201)
    const { article } = await res.json()
    const row = await site.db.selectFrom('articles').select('ownerId').where('id', '=', article.id).executeTakeFirstOrThrow()
    expect(row.ownerId).not.toBeNull()
  })
})

describe('write API with a staff session', () => {
  it("applies the staff member's role: a contributor writes a draft but may not publish it, and lists only their own", async () => {
    const write = await keyOf('write')
    const other = await call('/articles', { key: write.secret, method: 'POST', json: { ...draft, headline: 'Not theirs' } })
    expect(other.status).toBe(201)
    const { client } = await signedInClient(site.app, site.db, 'contributor')
    const session = await site.db.selectFrom('sessions').select('csrfToken').executeTakeFirstOrThrow()
    const send = (path: string, json: unknown) => client.request(`/api/v1${path}`, {
      method: 'POST', body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
    })
    const created = await send('/articles', draft)
    expect(created.status).toBe(201)
    const { article } = await created.json()
    expect((await send(`/articles/${article.id}/publish`, {})).status).toBe(403)
    const listed = await (await client.request('/api/v1/articles')).json()
    expect(listed.articles.map((a: { id: string }) => a.id)).toEqual([article.id])
    expect((await client.request(`/api/v1/articles/${(await other.json()).article.id}`)).status).toBe(403)
  })
})

describe('write API articles', () => {
  let key: string
  beforeEach(async () => { key = (await keyOf('write')).secret })
  const create = async (input: unknown = draft) => {
    const res = await call('/articles', { key, method: 'POST', json: input })
    expect(res.status).toBe(201)
    return (await res.json()).article
  }

  it('names every invalid field', async () => {
    const res = await call('/articles', { key, method: 'POST', json: { headline: ' ', body: { format: 'markdown', source: 42 } } })
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error.type).toBe('invalid')
    expect(error.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['headline', 'body.source']))
    const article = await create()
    const scheduled = await call(`/articles/${article.id}/schedule`, { key, method: 'POST', json: { publishAt: 'tomorrow' } })
    expect(scheduled.status).toBe(422)
    expect((await scheduled.json()).error.issues[0].field).toBe('publishAt')
    const past = await call(`/articles/${article.id}/schedule`, { key, method: 'POST', json: { publishAt: '2020-01-01T00:00:00Z' } })
    expect((await past.json()).error.issues[0].field).toBe('publishAt')
    const limit = await call('/articles?limit=500', { key })
    expect(limit.status).toBe(400)
    expect((await limit.json()).error.issues[0].field).toBe('limit')
    const notJson = await call('/articles', { key, method: 'POST', body: 'headline=x', headers: { 'Content-Type': 'text/plain' } })
    expect(notJson.status).toBe(400)
  })

  it('creates, reads, lists with filters, updates, publishes, unpublishes, schedules and deletes', async () => {
    const article = await create({ ...draft, tagIds: [] })
    expect(article).toMatchObject({ headline: 'Harbour reopens', status: 'draft', version: 1, authors: [] })
    expect((await (await call(`/articles/${article.id}`, { key })).json()).article.body.source).toBe('The quay is open again.')
    expect((await call('/articles/nope', { key })).status).toBe(404)

    const updated = await call(`/articles/${article.id}`, { key, method: 'PATCH', json: { baseVersion: 1, headline: 'Harbour reopens at dawn' } })
    expect(updated.status).toBe(200)
    expect((await updated.json()).article).toMatchObject({ headline: 'Harbour reopens at dawn', version: 2, body: { source: 'The quay is open again.' } })

    const published = await call(`/articles/${article.id}/publish`, { key, method: 'POST', json: {} })
    expect((await published.json()).article).toMatchObject({ status: 'published', publishedAt: TEST_NOW })
    expect((await call(`/articles/${article.id}/publish`, { key, method: 'POST', json: {} })).status).toBe(409)
    const list = await (await call('/articles?status=published', { key })).json()
    expect(list.articles.map((a: { id: string }) => a.id)).toEqual([article.id])
    expect(list.meta).toEqual({ page: 1, limit: 20, total: 1, pages: 1 })
    // Answers have the shape the OpenAPI document gives them (documented from these schemas).
    expect(ArticleListJson.strict().safeParse(list).success).toBe(true)
    expect(ArticleResponse.safeParse(await (await call(`/articles/${article.id}`, { key })).json()).success).toBe(true)
    expect((await (await call('/articles?status=draft', { key })).json()).articles).toEqual([])

    expect((await (await call(`/articles/${article.id}/unpublish`, { key, method: 'POST' })).json()).article.status).toBe('draft')
    const at = '2026-07-01T06:00:00.000Z'
    const scheduled = await call(`/articles/${article.id}/schedule`, { key, method: 'POST', json: { publishAt: at } })
    expect((await scheduled.json()).article).toMatchObject({ status: 'scheduled', publishedAt: at })

    expect((await call(`/articles/${article.id}`, { key, method: 'DELETE' })).status).toBe(204)
    expect((await call(`/articles/${article.id}`, { key })).status).toBe(404)
  })

  it('refuses a stale baseVersion with 409, naming the current version', async () => {
    const article = await create()
    await call(`/articles/${article.id}`, { key, method: 'PATCH', json: { baseVersion: 1, dek: 'First' } })
    const stale = await call(`/articles/${article.id}`, { key, method: 'PATCH', json: { baseVersion: 1, dek: 'Second' } })
    expect(stale.status).toBe(409)
    expect((await stale.json()).error).toMatchObject({ type: 'conflict', details: { currentVersion: 2 } })
  })

  it('filters by section and tag slugs', async () => {
    const section = await (await call('/sections', { key, method: 'POST', json: { name: 'World' } })).json()
    const tag = await (await call('/tags', { key, method: 'POST', json: { name: 'Harbour' } })).json()
    const inBoth = await create({ ...draft, sectionId: section.section.id, tagIds: [tag.tag.id] })
    await create({ ...draft, headline: 'Elsewhere' })
    const ids = async (q: string) => (await (await call(`/articles?${q}`, { key })).json()).articles.map((a: { id: string }) => a.id)
    expect(await ids('section=world')).toEqual([inBoth.id])
    expect(await ids('tag=harbour')).toEqual([inBoth.id])
    expect(await ids('tag=nothing')).toEqual([])
  })
})

describe('write API sections, tags and pictures', () => {
  let key: string
  beforeEach(async () => { key = (await keyOf('write')).secret })

  it('lists, creates, updates and deletes sections and tags, naming invalid fields', async () => {
    for (const [path, noun] of [['/sections', 'section'], ['/tags', 'tag']] as const) {
      const created = await call(path, { key, method: 'POST', json: { name: 'Port news' } })
      expect(created.status).toBe(201)
      const term = (await created.json())[noun]
      expect(term).toMatchObject({ name: 'Port news', slug: 'port-news' })
      const clash = await call(path, { key, method: 'POST', json: { name: 'Port news' } })
      expect(clash.status).toBe(422)
      expect((await clash.json()).error.issues[0].field).toBe('slug')
      const edited = await call(`${path}/${term.id}`, { key, method: 'PATCH', json: { description: 'Ships' } })
      expect((await edited.json())[noun]).toMatchObject({ name: 'Port news', description: 'Ships' })
      const listed = await (await call(path, { key })).json()
      expect(listed[`${noun}s`].map((t: { id: string }) => t.id)).toEqual([term.id])
      expect((await call(`${path}/${term.id}`, { key, method: 'DELETE' })).status).toBe(204)
      expect((await call(`${path}/${term.id}`, { key, method: 'DELETE' })).status).toBe(404)
    }
  })

  it('refuses authors managing sections', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const session = await site.db.selectFrom('sessions').select('csrfToken').executeTakeFirstOrThrow()
    const res = await client.request('/api/v1/sections', {
      method: 'POST', body: JSON.stringify({ name: 'World' }), headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
    })
    expect(res.status).toBe(403)
  })

  const upload = (bytes: Buffer, type: string, app = site.app) => {
    const form = new FormData()
    form.set('file', new File([new Uint8Array(bytes)], 'quay.png', { type }))
    form.set('alt', 'The quay at dawn')
    return app.request(`${TEST_SITE_URL}/api/v1/pictures`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${key}` } })
  }

  it('uploads a picture, and refuses other files (415) and pictures over the limit (413)', async () => {
    const res = await upload(await testPicture('png'), 'image/png')
    expect(res.status).toBe(201)
    const { picture } = await res.json()
    expect(picture).toMatchObject({ alt: 'The quay at dawn', width: 64, height: 48 })
    const row = await site.db.selectFrom('media').select('uploadedBy').where('id', '=', picture.id).executeTakeFirstOrThrow()
    expect(row.uploadedBy).toBeNull()

    const html = await upload(htmlPage, 'image/png')
    expect(html.status).toBe(415)
    expect((await html.json()).error).toMatchObject({ type: 'unsupported-media-type', issues: [{ field: 'file' }] })

    const small = createApp({ db: site.db, files: site.files, clock: site.clock, log: { info() {}, warn() {}, error() {} } as never, siteUrl: TEST_SITE_URL, uploadLimitBytes: 100 })
    const big = await upload(await testPicture('png', 400, 300), 'image/png', small)
    expect(big.status).toBe(413)
    expect((await big.json()).error.type).toBe('too-large')
    const notForm = await call('/pictures', { key, method: 'POST', json: {} })
    expect(notForm.status).toBe(415)
  })
})
