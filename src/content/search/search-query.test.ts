import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery } from './search-query.js'
import { searchArticles } from './search.repo.js'

const parsed = (input: string) => {
  const result = parseSearchQuery(input)
  if (!result.ok) throw new Error(`expected terms in ${JSON.stringify(input)}`)
  return result.value
}

describe('parseSearchQuery', () => {
  it('quotes every term as an FTS5 string with a prefix star, all of them required', () => {
    expect(parsed('Ferry  Strike')).toEqual({ terms: ['ferry', 'strike'], words: '"ferry"* AND "strike"*', substrings: null })
  })
  it('says why there is nothing to search for', () => {
    expect(parseSearchQuery('')).toEqual({ ok: false, error: 'empty' })
    expect(parseSearchQuery(' \t\n')).toEqual({ ok: false, error: 'empty' })
    expect(parseSearchQuery('" * ^ : - ( )')).toEqual({ ok: false, error: 'no-words' })
  })
  it('turns FTS5 operators and punctuation into plain terms', () => {
    expect(parsed('NEAR(a b) OR c NOT d').words).toBe('"near"* AND "a"* AND "b"* AND "or"* AND "c"* AND "not"* AND "d"*')
    expect(parsed('headline:ferry -strike ^tide "unbalanced').terms).toEqual(['headline', 'ferry', 'strike', 'tide', 'unbalanced'])
  })
  it(`keeps at most ${MAX_TERMS} distinct terms from the first ${MAX_QUERY_LENGTH} characters`, () => {
    expect(parsed('one two three four five six seven eight nine ten').terms).toHaveLength(MAX_TERMS)
    expect(parsed('tide tide TIDE').terms).toEqual(['tide'])
    expect(parsed(`${'x'.repeat(MAX_QUERY_LENGTH)} later`).terms).toEqual(['x'.repeat(MAX_QUERY_LENGTH)])
  })
  it('adds substring matching for Korean and Chinese terms of three characters or more only', () => {
    expect(parsed('의사당').substrings).toBe('"의사당"')
    expect(parsed('서울').substrings).toBeNull() // two characters: trigrams cannot match it; the prefix search does
    expect(parsed('의사당 서울').substrings).toBeNull()
    expect(parsed('parliament').substrings).toBeNull() // Latin words are matched as words, not substrings
  })
})

describe('hostile queries against the real index', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeAll(async () => {
    site = await createTestSite()
    await addArticle(site.db, { headline: 'Near the harbour', body: { format: 'markdown', source: 'Or not, said the ferry captain.' } })
  })
  afterAll(async () => { await site.close() })

  const inputs = ['"', '""', '*', 'NEAR(', 'NEAR(harbour ferry, 2)', 'OR', 'harbour OR', 'AND NOT', '-ferry', '^harbour', 'headline:harbour',
    'body_text:ferry', '"unbalanced', 'harbour"*', '(ferry', 'ferry)', '{headline}: ferry', "'; drop table articles; --", '\u0000ferry', 'ferry*"*']
  it.each(inputs)('searches %j without an FTS5 syntax error', async (input) => {
    const query = parseSearchQuery(input)
    if (!query.ok) return
    await expect(searchArticles(site.db, query.value, {}, { page: 1, perPage: 20, now: new Date(TEST_NOW) })).resolves.toBeDefined()
  })
  it('treats operator words as words to find', async () => {
    const search = async (input: string) =>
      (await searchArticles(site.db, parsed(input), {}, { page: 1, perPage: 20, now: new Date(TEST_NOW) })).total
    expect(await search('NEAR(harbour')).toBe(1) // "near" and "harbour" are both in the headline
    expect(await search('harbour OR lighthouse')).toBe(0) // OR is a required term here, and so is lighthouse
    expect(await search('-ferry')).toBe(1) // not an exclusion
  })
})
