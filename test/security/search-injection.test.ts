import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePerson } from '../../src/content/people/person.repo.js'
import { ensureSection } from '../../src/content/sections/section.repo.js'
import { addArticle, createTestSite, TEST_NOW } from '../support/test-site.js'

const now = new Date(TEST_NOW)

/** SQL and FTS5 syntax a reader could type, none of which may change what the query does. */
const HOSTILE = [
  "'", '"', "' OR 1=1 --", '" OR 1=1 --', "harbour' OR '1'='1", "1; DROP TABLE articles; --", "') UNION SELECT id, body_source, 1, 1 FROM articles --",
  'harbour OR secret', 'NEAR(harbour secret)', 'harbour NOT ferry', 'harbour*', '*', '^harbour', 'headline:secret', 'body_text:secret', '{headline}: secret',
  '"harbour', 'harbour"', '""""', '(', ')', '((harbour)', 'harbour AND', 'AND OR NOT', '-harbour', '+', '\\', '%', '_', 'x'.repeat(5000),
  '\u0000', '\uE000secret\uE001', 'harbour\u0000 OR 1=1', '🙂', 'ハーバー', '항구 OR 1=1',
]

describe('search: query text and filters are data, never SQL or FTS5 syntax', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeAll(async () => {
    site = await createTestSite()
    const section = await ensureSection(site.db, { name: 'Harbour' }, now)
    const author = await ensurePerson(site.db, { name: 'Ana Reyes' }, now)
    await addArticle(site.db, { headline: 'Harbour report', sectionId: section.id, authorIds: [author.id] }, now)
    await addArticle(site.db, { headline: 'Secret draft about the harbour', status: 'draft' }, now)
  })
  afterAll(() => site.close())

  const count = async () => Number((await site.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it.each(HOSTILE)('q=%s: no error, no draft, the tables intact', async (q) => {
    const before = await count()
    for (const url of [`/search/?q=${encodeURIComponent(q)}`, `/search/suggest?q=${encodeURIComponent(q)}`]) {
      const res = await site.app.request(url)
      expect(res.status, url).toBe(200)
      const text = await res.text()
      expect(text, url).not.toMatch(/Secret draft/i)
    }
    expect(await count()).toBe(before)
  })

  it.each(HOSTILE)('filters section/author/from/to/page=%s: ignored or not found, never an error', async (value) => {
    for (const name of ['section', 'author', 'from', 'to', 'page']) {
      const res = await site.app.request(`/search/?q=harbour&${name}=${encodeURIComponent(value)}`)
      expect([200, 404], `${name}=${value}`).toContain(res.status)
      expect(await res.text()).not.toMatch(/Secret draft/i)
    }
  })

  it('a real query still finds the public article (the control), and OR is a word, not an operator', async () => {
    expect(await (await site.app.request('/search/?q=harbour')).text()).toContain('href="/harbour-report/"')
    const json = await (await site.app.request(`/search/suggest?q=${encodeURIComponent('nothing OR harbour')}`)).json() as { results: unknown[] }
    expect(json.results).toEqual([])
  })
})
