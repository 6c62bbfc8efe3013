import sharp from 'sharp'
import { createApiKey } from '../../src/api/keys/manage-api-keys.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/content/articles/create-article.js'
import { storePicture } from '../../src/content/media/store-picture.js'
import { ensureSection } from '../../src/content/sections/section.repo.js'
import { ensureTag } from '../../src/content/tags/tag.repo.js'
import { createWebhook } from '../../src/content/webhooks/manage-webhooks.js'
import { silentLog } from '../../src/core/log.js'
import { adminApp } from '../../src/http/admin/admin-app.js'
import type { Role } from '../../src/staff/roles.js'
import type { StaffMember } from '../../src/staff/staff-member.js'
import { AdminClient, addStaff } from '../support/staff.js'
import { createTestSite, dumpDatabase, TEST_NOW, TEST_SITE_URL } from '../support/test-site.js'

const now = new Date(TEST_NOW)

/**
 * Every admin route that names a resource by id, taken from the router itself, so a route added
 * later is swept too: a staff member whose role does not allow it gets 403 or 404 for someone
 * else's article, picture, section, tag or colleague, and the database is left as it was.
 */
describe('no admin route lets a role reach what it may not (IDOR), by id', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let owner: StaffMember
  const ids: Record<string, string> = {}
  const clients = {} as Record<Role, AdminClient>

  beforeAll(async () => {
    site = await createTestSite()
    owner = await addStaff(site.db, 'author', 'Owner Writer')
    const created = await createArticle(site.db, owner, { headline: 'Someone else’s draft', body: { format: 'markdown', source: 'Words.' } }, now)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    ids.article = created.value.id
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#08f' } }).png().toBuffer()
    ids.media = (await storePicture(site.db, site.files, png, { alt: 'x', uploadedBy: owner.id }, now)).picture.id
    ids.section = (await ensureSection(site.db, { name: 'Harbour' }, now)).id
    ids.tag = (await ensureTag(site.db, { name: 'Ferries' }, now)).id
    ids.staff = owner.id
    const webhook = await createWebhook(site.db, { url: 'https://hooks.example/in', events: '*' }, now)
    if (!webhook.ok) throw new Error(JSON.stringify(webhook.error))
    ids.webhook = webhook.value.id
    const apiKey = await createApiKey(site.db, { name: 'Wire desk', kind: 'write' }, now)
    if (!apiKey.ok) throw new Error(JSON.stringify(apiKey.error))
    ids.apikey = apiKey.value.key.id
    for (const role of ['contributor', 'author', 'editor'] as Role[]) {
      const member = await addStaff(site.db, role, `${role} sweeper`)
      clients[role] = new AdminClient(site.app)
      await clients[role].signIn(member.email)
    }
  })
  afterAll(() => site.close())

  /** Routes with an id, and the roles that must be refused there for a resource not their own. */
  const routes = adminApp({ db: null as never, files: null as never, clock: null as never, log: silentLog, siteUrl: TEST_SITE_URL }).routes
    .filter((r) => r.method !== 'ALL' && /\/:id\b/.test(r.path))
    .map((r) => ({ method: r.method, path: r.path }))
  const KIND: [RegExp, string, Role[]][] = [
    [/^\/admin\/articles\//, 'article', ['contributor', 'author']],
    [/^\/admin\/staff\//, 'staff', ['contributor', 'author', 'editor']],
    [/^\/admin\/integrations\/webhooks\//, 'webhook', ['contributor', 'author', 'editor']],
    [/^\/admin\/integrations\//, 'apikey', ['contributor', 'author', 'editor']],
    [/^\/admin\/taxonomy\/sections\//, 'section', ['contributor', 'author']],
    [/^\/admin\/taxonomy\/tags\//, 'tag', ['contributor', 'author']],
    // Anyone may look at a picture's page; only its uploader and editors change or delete it.
    [/^\/admin\/media\//, 'media', ['contributor', 'author']],
  ]
  const cases = routes.flatMap(({ method, path }) => {
    const kind = KIND.find(([pattern]) => pattern.test(path))
    if (!kind) return [{ method, path, kind: 'unknown', role: 'contributor' as Role }]
    if (kind[1] === 'media' && method === 'GET') return []
    return kind[2].map((role) => ({ method, path, kind: kind[1], role }))
  })

  it('knows every kind of resource an id route names', () => {
    expect(cases.filter((c) => c.kind === 'unknown').map((c) => c.path)).toEqual([])
    expect(cases.length).toBeGreaterThan(20)
  })

  it.each(cases)('$role: $method $path on someone else’s $kind → 403 or 404, nothing changed', async ({ method, path, kind, role }) => {
    const client = clients[role]
    // A parameter's pattern (`:id{[0-9a-f]{24}}`, `:action{enable|delete}`) is dropped; a list of
    // choices gives its last, the most destructive.
    const url = path.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, name: string, pattern?: string) =>
      name === 'id' ? ids[kind]! : pattern && /^\{[\w|]+\}$/.test(pattern) ? pattern.slice(1, -1).split('|').at(-1)! : 'x')
    const before = await dumpDatabase(site.db)
    const hooksBefore = await site.db.selectFrom('webhooks').selectAll().execute()
    const keysBefore = await site.db.selectFrom('apiKeys').selectAll().execute()
    await client.get('/admin/') // a fresh form token
    const res = method === 'GET' ? await client.get(url) : await client.post(url, { role: 'administrator', alt: 'changed', name: 'Changed', headline: 'Changed', body: 'x', baseVersion: '1' })
    expect([403, 404], `${res.status}`).toContain(res.status)
    const after = await dumpDatabase(site.db)
    for (const table of ['articles', 'media', 'sections', 'tags', 'users'] as const) expect(after[table], table).toEqual(before[table])
    expect(await site.db.selectFrom('webhooks').selectAll().execute()).toEqual(hooksBefore)
    expect(await site.db.selectFrom('apiKeys').selectAll().execute()).toEqual(keysBefore)
  })
})

/**
 * Permission comes before anything about the request: someone else's article is refused (403)
 * whether or not the form says which version it was opened at, whether that version is current,
 * and whether its tags exist. A 409 ("someone saved meanwhile") or 422 ("no such tag") would
 * tell a contributor about an article they may not touch, and checks the form before the right.
 */
describe('saving someone else’s article is refused before the form is looked at', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let articleId: string
  const clients = {} as Record<'contributor' | 'author', AdminClient>

  beforeAll(async () => {
    site = await createTestSite()
    const owner = await addStaff(site.db, 'author', 'Owner Writer')
    const created = await createArticle(site.db, owner, { headline: 'Someone else’s draft', body: { format: 'markdown', source: 'Words.' } }, now)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    articleId = created.value.id
    for (const role of ['contributor', 'author'] as const) {
      clients[role] = new AdminClient(site.app)
      await clients[role].signIn((await addStaff(site.db, role, `${role} saver`)).email)
    }
  })
  afterAll(() => site.close())

  const forms: [string, Record<string, string>][] = [
    ['no baseVersion', { headline: 'Changed', bodySource: 'x', bodyFormat: 'markdown' }],
    ['a stale baseVersion', { headline: 'Changed', bodySource: 'x', bodyFormat: 'markdown', baseVersion: '7' }],
    ['a tag that does not exist', { headline: 'Changed', bodySource: 'x', bodyFormat: 'markdown', baseVersion: '1', tags: 'No such tag' }],
  ]
  const routes = ['/', '/autosave', '/submit', '/publish']
  const cases = (['contributor', 'author'] as const).flatMap((role) => routes.flatMap((route) => forms.map(([what, form]) => ({ role, route, what, form }))))

  it.each(cases)('$role: POST …$route with $what → 403', async ({ role, route, form }) => {
    const client = clients[role]
    await client.get('/admin/')
    const before = await dumpDatabase(site.db)
    const res = route === '/autosave'
      ? await client.request(`/admin/articles/${articleId}/autosave`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': client.formToken },
        body: JSON.stringify(form),
      })
      : await client.post(`/admin/articles/${articleId}${route}`, form)
    expect(res.status).toBe(403)
    expect(await dumpDatabase(site.db)).toEqual(before)
  })
})
