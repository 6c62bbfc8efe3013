import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/api/keys/manage-api-keys.js'
import { ensurePerson } from '../../src/content/people/person.repo.js'
import { ensureTag } from '../../src/content/tags/tag.repo.js'
import { addArticle, createTestSite, dumpDatabase, TEST_NOW } from '../support/test-site.js'

const now = new Date(TEST_NOW)

/** Filters (NQL) that try to reach hidden rows or fields, break out into SQL, or make the parser work hard. */
const FILTERS = [
  "title:'x' OR 1=1 --", "title:'x'' OR ''1''=''1'", 'title:"x\\" OR 1=1 --"', "slug:'a'); DROP TABLE articles; --",
  'status:draft', 'status:[draft,published]', 'visibility:members', 'authors.email:ada@news.test', 'authors.password:x', 'password:x',
  'body_source:~secret', 'html:~secret', 'plaintext:~secret', 'published_at:>1970-01-01+status:draft', "id:-'0'", 'tag:-harbour,status:draft',
  'tag:[harbour,x)', 'title:~\'%\'', "title:~'_'", 'title:~^\'\\\'', '(((((((((((((((((((((((((((((((((((((((((((((((((((title:x)))))))))))))))))))))))))))))))))))))))))))))))))))',
  `${'title:x,'.repeat(2000)}title:y`, `title:'${'a'.repeat(20000)}'`, 'title:x+'.repeat(500), '$', "'", '"', ':', '[', '+', ',', '-', '~',
  'featured:true+featured:false', 'updated_at:>now-1000000000d', 'published_at:<\'9999-99-99\'', 'tags.slug:harbour', 'primary_tag.slug:x',
  'authors.slug:[ana-reyes,secret-draft]', 'title:\u0000', 'title:\uE000', 'title:null', 'title:-null',
]

describe('Content API filters (NQL), order and fields are data, never SQL, and never reach hidden rows', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let key: string
  beforeAll(async () => {
    site = await createTestSite()
    const created = await createApiKey(site.db, { name: 'Tests' }, now)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    key = created.value.secret
    const tag = await ensureTag(site.db, { name: 'Harbour' }, now)
    const person = await ensurePerson(site.db, { name: 'Ana Reyes' }, now)
    await addArticle(site.db, { headline: 'Harbour report', tagIds: [tag.id], authorIds: [person.id] }, now)
    await addArticle(site.db, { headline: 'Secret draft', status: 'draft', tagIds: [tag.id], authorIds: [person.id], body: { format: 'markdown', source: 'secret words' } }, now)
  })
  afterAll(() => site.close())

  const get = (path: string, params: Record<string, string>) =>
    site.app.request(`/ghost/api/content/${path}?${new URLSearchParams({ key, ...params })}`)

  it('a filter finds the public post (the control)', async () => {
    const res = await get('posts/', { filter: 'tag:harbour' })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Harbour report')
  })

  it.each(FILTERS)('filter=%s: 200 or 400, quickly, no draft, the tables intact', async (filter) => {
    const before = await dumpDatabase(site.db)
    for (const resource of ['posts/', 'pages/', 'tags/', 'authors/']) {
      const started = performance.now()
      const res = await get(resource, { filter })
      expect([200, 400], `${resource} ${res.status}`).toContain(res.status)
      expect(performance.now() - started, resource).toBeLessThan(2_000)
      expect(await res.text()).not.toMatch(/Secret draft|secret words/)
    }
    expect(await dumpDatabase(site.db)).toEqual(before)
  })

  it.each(["title asc; DROP TABLE articles", 'password desc', 'body_source asc', "title asc, (select 1)", 'title sideways', "published_at desc'--"])('order=%s: 200 or 400, no draft', async (order) => {
    const res = await get('posts/', { order })
    expect([200, 400]).toContain(res.status)
    expect(await res.text()).not.toMatch(/Secret draft/)
  })

  it.each(['body_source', 'password', 'status', 'title,(select 1)', 'email', "id'--"])('fields=%s: never a hidden column', async (fields) => {
    const res = await get('posts/', { fields })
    expect([200, 400]).toContain(res.status)
    expect(await res.text()).not.toMatch(/secret words|"status":"draft"|password|@news\.test/)
  })
})
