import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { featureArticle } from '../../content/articles/feature-article.js'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { compileFilter } from './filter-fields.js'
import { parseFilter } from './nql-filter.js'
import { browsePostIds, DEFAULT_POST_ORDER, POST_FILTER_FIELDS } from './post-query.js'
import { browseTags, DEFAULT_TAG_ORDER, TAG_FILTER_FIELDS } from './tag-query.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const slugById = new Map<string, string>()

beforeAll(async () => {
  site = await createTestSite()
  const { db } = site
  const [news, sport, tide] = await Promise.all(['News', 'Sport', 'Tide'].map((name) => ensureTag(db, { name }, now)))
  const mara = await ensurePerson(db, { name: 'Mara Lind' }, now)
  const jon = await ensurePerson(db, { name: 'Jon Ek' }, now)
  const world = await ensureSection(db, { name: 'World' }, now)
  const add = async (headline: string, input: Omit<Parameters<typeof addArticle>[1], 'headline'>) => {
    const article = await addArticle(db, { ...input, headline })
    slugById.set(article.id, article.slug)
    return article
  }
  const harbour = await add('Harbour reopens', { tagIds: [news!.id, tide!.id], authorIds: [mara.id], sectionId: world.id, publishedAt: new Date('2026-05-01T08:00:00Z') })
  await featureArticle(db, harbour.id, true, now)
  await add('Sport results', { tagIds: [sport!.id], authorIds: [jon.id, mara.id], publishedAt: new Date('2026-05-20T08:00:00Z') })
  await add('Tide tables', { tagIds: [tide!.id, news!.id], authorIds: [jon.id], publishedAt: new Date('2026-05-30T08:00:00Z') })
  await add('Quiet day', { publishedAt: new Date('2026-04-01T08:00:00Z') })
  await add('Draft about news', { status: 'draft', tagIds: [news!.id] })
  await add('Scheduled news', { status: 'scheduled', tagIds: [news!.id], publishedAt: new Date('2026-07-01T08:00:00Z') })
  await add('About news', { kind: 'page', tagIds: [news!.id] })
})
afterAll(async () => { await site.close() })

/** The slugs of the public posts a filter selects, newest first. */
async function posts(filter: string): Promise<string[]> {
  const parsed = parseFilter(filter, now)
  if (!parsed.ok) throw new Error(`${filter}: ${JSON.stringify(parsed.error)}`)
  const where = compileFilter(parsed.value, POST_FILTER_FIELDS)
  if (!where.ok) throw new Error(`${filter}: ${JSON.stringify(where.error)}`)
  const { ids, total } = await browsePostIds(site.db, 'post', now, { where: where.value, order: DEFAULT_POST_ORDER, limit: 'all', page: 1 })
  expect(total).toBe(ids.length)
  return ids.map((id) => slugById.get(id)!)
}

const compile = (filter: string) => {
  const parsed = parseFilter(filter, now)
  return parsed.ok ? compileFilter(parsed.value, POST_FILTER_FIELDS) : parsed
}

describe('NQL filters on posts, run on SQLite', () => {
  it('compare scalar fields: equal, not, greater and less, in and not in', async () => {
    expect(await posts('featured:true')).toEqual(['harbour-reopens'])
    expect(await posts('featured:false')).toEqual(['tide-tables', 'sport-results', 'quiet-day'])
    expect(await posts('slug:-harbour-reopens')).toEqual(['tide-tables', 'sport-results', 'quiet-day'])
    expect(await posts('slug:[quiet-day,sport-results]')).toEqual(['sport-results', 'quiet-day'])
    expect(await posts('slug:-[quiet-day,sport-results]')).toEqual(['tide-tables', 'harbour-reopens'])
    expect(await posts("published_at:>'2026-05-20 08:00:00'")).toEqual(['tide-tables'])
    expect(await posts("published_at:>='2026-05-20T08:00:00Z'")).toEqual(['tide-tables', 'sport-results'])
    expect(await posts("published_at:<'2026-05-01'")).toEqual(['quiet-day'])
    expect(await posts("published_at:<='2026-05-01T08:00:00.000Z'")).toEqual(['harbour-reopens', 'quiet-day'])
    expect(await posts('published_at:>now-7d')).toEqual(['tide-tables'])
    expect(await posts('reading_time:>=1')).toHaveLength(4)
    expect(await posts('visibility:public')).toHaveLength(4)
    expect(await posts('visibility:paid')).toEqual([])
    expect(await posts('custom_excerpt:null')).toHaveLength(4)
    expect(await posts("custom_excerpt:-null")).toEqual([])
  })

  it('search text with ~, ~^ and ~$, ignoring case', async () => {
    expect(await posts("title:~'TIDE'")).toEqual(['tide-tables'])
    expect(await posts("title:~^'sport'")).toEqual(['sport-results'])
    expect(await posts("title:~$'day'")).toEqual(['quiet-day'])
    expect(await posts("title:-~'S'")).toEqual(['quiet-day'])
    expect(await posts("title:~'%'")).toEqual([])
  })

  it('match tags and authors by slug, through exists subqueries', async () => {
    expect(await posts('tag:news')).toEqual(['tide-tables', 'harbour-reopens'])
    expect(await posts('tags.slug:news')).toEqual(['tide-tables', 'harbour-reopens'])
    expect(await posts('tag:-news')).toEqual(['sport-results', 'quiet-day'])
    expect(await posts('tag:[news,sport]')).toEqual(['tide-tables', 'sport-results', 'harbour-reopens'])
    expect(await posts('tag:-[news,sport]')).toEqual(['quiet-day'])
    expect(await posts('tag:[news+tide]')).toEqual(['tide-tables', 'harbour-reopens'])
    expect(await posts('tag:[news+sport]')).toEqual([])
    expect(await posts('tag:null')).toEqual(['quiet-day'])
    expect(await posts('tag:-null')).toEqual(['tide-tables', 'sport-results', 'harbour-reopens'])
    expect(await posts('primary_tag:tide')).toEqual(['tide-tables'])
    expect(await posts('author:mara-lind')).toEqual(['sport-results', 'harbour-reopens'])
    expect(await posts('primary_author:mara-lind')).toEqual(['harbour-reopens'])
    expect(await posts('authors:-mara-lind')).toEqual(['tide-tables', 'quiet-day'])
    expect(await posts('section:world')).toEqual(['harbour-reopens'])
    expect(await posts('section:null')).toEqual(['tide-tables', 'sport-results', 'quiet-day'])
  })

  it('combine with + (and), , (or) and parentheses', async () => {
    expect(await posts('tag:news+featured:true')).toEqual(['harbour-reopens'])
    expect(await posts('tag:sport,featured:true')).toEqual(['sport-results', 'harbour-reopens'])
    expect(await posts('(tag:news,tag:sport)+author:jon-ek')).toEqual(['tide-tables', 'sport-results'])
    expect(await posts('tag:news+author:jon-ek,slug:quiet-day')).toEqual(['tide-tables', 'quiet-day'])
  })

  it('never show drafts, scheduled posts not yet due, or pages', async () => {
    expect(await posts('tag:news,tag:-news')).toEqual(['tide-tables', 'sport-results', 'harbour-reopens', 'quiet-day'])
    expect(await posts("title:~'news'")).toEqual([])
  })

  it('refuse fields outside the allow-list, naming them', () => {
    for (const field of ['password', 'authors.email', 'body_source', 'status', 'source_key', 'hasOwnProperty', '__proto__']) {
      expect(compile(`${field}:x`), field).toEqual({ ok: false, error: { type: 'unknown-field', field } })
    }
    expect(compile('tag:news+authors.password:x')).toEqual({ ok: false, error: { type: 'unknown-field', field: 'authors.password' } })
  })

  it('refuse values and comparisons that do not fit the field', () => {
    expect(compile('featured:maybe')).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'featured', message: 'expects true or false' } })
    expect(compile("published_at:>'yesterday'")).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'published_at' } })
    expect(compile("reading_time:~'5'")).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'reading_time' } })
    expect(compile('tag:>news')).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'tag' } })
    expect(compile('slug:[news+sport]')).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'slug' } })
    expect(compile('featured:>true')).toMatchObject({ ok: false, error: { type: 'invalid-value', field: 'featured' } })
  })

  it('keep injection attempts as bound values: the SQL text never holds them', async () => {
    const attempts = ["tag:'x\\' OR 1=1'", "title:'a\\'; DROP TABLE articles; --'", "slug:[news,'\\') OR (1=1']", "title:~'\\' OR \\'\\'=\\''"]
    for (const filter of attempts) {
      expect(await posts(filter), filter).toEqual([])
      const where = compile(filter)
      if (!where.ok) throw new Error(filter)
      const query = site.db.selectFrom('articles as a').select('a.id').where(where.value).compile()
      expect(query.sql, filter).not.toMatch(/OR 1=1|DROP|'/i)
      expect(query.parameters.some((p) => typeof p === 'string' && /OR|DROP/.test(p)), filter).toBe(true)
    }
    expect(await site.db.selectFrom('articles').select('id').execute()).toHaveLength(7)
  })
})

describe('NQL filters on tags', () => {
  it('select by slug, name and text, and refuse unknown fields', async () => {
    const tags = async (filter: string) => {
      const parsed = parseFilter(filter, now)
      if (!parsed.ok) throw new Error(filter)
      const where = compileFilter(parsed.value, TAG_FILTER_FIELDS)
      if (!where.ok) throw new Error(JSON.stringify(where.error))
      return (await browseTags(site.db, { where: where.value, order: DEFAULT_TAG_ORDER, limit: 'all', page: 1 })).items.map((t) => t.slug)
    }
    expect(await tags('slug:[news,tide]')).toEqual(['news', 'tide'])
    expect(await tags("name:~^'s'")).toEqual(['sport'])
    expect(await tags('visibility:public+slug:-news')).toEqual(['sport', 'tide'])
    const parsed = parseFilter('posts:1', now)
    expect(parsed.ok && compileFilter(parsed.value, TAG_FILTER_FIELDS)).toEqual({ ok: false, error: { type: 'unknown-field', field: 'posts' } })
  })
})
