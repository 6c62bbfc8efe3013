import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import type { Db } from '../../storage/connect.js'
import { ensurePerson } from '../people/person.repo.js'
import { ensureSection } from '../sections/section.repo.js'
import { plainText } from './highlight-parts.js'
import { parseSearchQuery } from './search-query.js'
import { CANDIDATES, searchArticles, type Candidates, type SearchFilters } from './search.repo.js'

const now = new Date(TEST_NOW)
const DAY = 86_400_000

async function search(db: Db, input: string, filters: SearchFilters = {}, perPage = 50) {
  const query = parseSearchQuery(input)
  if (!query.ok) throw new Error(`no terms in ${input}`)
  return searchArticles(db, query.value, filters, { page: 1, perPage, now })
}
const slugsOf = async (db: Db, input: string, filters?: SearchFilters) => (await search(db, input, filters)).items.map((h) => h.article.slug)

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FILLER = ('council river market winter school bridge museum railway harvest election festival weather hospital library '
  + 'factory island mountain village coast theatre garden airport stadium forest castle canal bakery harbour tunnel orchard '
  + 'parade storm meadow quarry chapel ferry vote budget court police farmer teacher nurse mayor artist driver miner baker '
  + 'fisher student pilot judge builder singer').split(' ')

/** Words that the filler never contains: where they are planted decides the right answer. */
const PLANTED = ['lighthouse', 'glacier', 'orchestra', 'vineyard', 'submarine', 'telescope'] as const

interface Doc { slug: string; headline: string[]; dek: string[]; body: string[] }

/**
 * 240 articles of filler, each body exactly 60 words, dek 10 and headline 4 (so lengths do not
 * decide), then the planted words: the expected winner of each query follows from the plan.
 */
function corpus() {
  const next = random(20260601)
  const words = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(next() * FILLER.length)]!)
  const docs: Doc[] = Array.from({ length: 240 }, (_, i) => ({ slug: `story-${i}`, headline: words(4), dek: words(10), body: words(60) }))
  const put = (doc: Doc, field: 'headline' | 'dek' | 'body', word: string, times: number, offset = 1) => {
    for (let k = 0; k < times; k++) doc[field][(k * 7 + offset) % doc[field].length] = word
  }
  const expected: Record<string, string> = {}
  // Headline beats body: one mention in a headline outranks three in a body (equal weights would not).
  put(docs[10]!, 'headline', 'lighthouse', 1)
  for (const i of [20, 30, 40, 50]) put(docs[i]!, 'body', 'lighthouse', 3)
  expected.lighthouse = 'story-10'
  // Dek beats body: one mention in the dek outranks two in a body.
  put(docs[60]!, 'dek', 'glacier', 1)
  for (const i of [61, 62, 63]) put(docs[i]!, 'body', 'glacier', 2)
  expected.glacier = 'story-60'
  // Term frequency: six mentions outrank one or two, bodies being the same length.
  for (const [i, times] of [[70, 1], [71, 2], [72, 6], [73, 1], [74, 2]] as const) put(docs[i]!, 'body', 'telescope', times)
  expected.telescope = 'story-72'
  // Rarer terms weigh more: "vineyard" is in over a hundred articles, "submarine" in seven, so three
  // mentions of the rare word beat three of the common one (without idf the two would tie).
  for (let i = 100; i < 210; i++) put(docs[i]!, 'body', 'vineyard', 1)
  put(docs[80]!, 'body', 'submarine', 3)
  put(docs[80]!, 'body', 'vineyard', 1, 3)
  for (const i of [81, 82, 83, 84, 85, 86]) {
    put(docs[i]!, 'body', 'vineyard', 3)
    put(docs[i]!, 'body', 'submarine', 1, 3)
  }
  expected['vineyard submarine'] = 'story-80'
  // Prefix matching: "orchest" finds "orchestra", and the headline mention comes first.
  put(docs[90]!, 'body', 'orchestra', 2)
  put(docs[91]!, 'headline', 'orchestra', 1)
  put(docs[92]!, 'body', 'orchestra', 1)
  expected.orchest = 'story-91'
  return { docs, expected }
}

describe('ranking on a generated corpus', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  const { docs, expected } = corpus()
  beforeAll(async () => {
    site = await createTestSite()
    for (const [i, doc] of docs.entries()) {
      await addArticle(site.db, {
        slug: doc.slug, headline: doc.headline.join(' '), dek: doc.dek.join(' '),
        body: { format: 'markdown', source: doc.body.join(' ') }, publishedAt: new Date(now.getTime() - i * 60_000),
      })
    }
  })
  afterAll(async () => { await site.close() })

  it('has the corpus it was meant to have', async () => {
    expect(docs.length).toBeGreaterThanOrEqual(200)
    expect((await search(site.db, 'lighthouse')).total).toBe(5)
    expect((await search(site.db, 'telescope')).total).toBe(5)
    expect((await search(site.db, 'vineyard submarine')).total).toBe(7)
    expect((await search(site.db, 'vineyard')).total).toBe(117)
  })

  it.each(Object.keys(corpus().expected))('ranks the most relevant article first for %j', async (query) => {
    const [first] = await slugsOf(site.db, query)
    expect(first).toBe(expected[query])
  })

  it('orders by term frequency after the winner', async () => {
    const ranked = await slugsOf(site.db, 'telescope')
    expect(ranked.slice(0, 3)).toEqual(['story-72', ...ranked.slice(1, 3)])
    expect(ranked.slice(1, 3).sort()).toEqual(['story-71', 'story-74'])
  })

  it('pages through results without overlap', async () => {
    const query = parseSearchQuery('council')
    if (!query.ok) throw new Error('no terms')
    const first = await searchArticles(site.db, query.value, {}, { page: 1, perPage: 20, now })
    const second = await searchArticles(site.db, query.value, {}, { page: 2, perPage: 20, now })
    expect(first.total).toBeGreaterThan(40)
    expect(first.pages).toBe(Math.ceil(first.total / 20))
    const ids = new Set(first.items.map((h) => h.article.id))
    expect(second.items.some((h) => ids.has(h.article.id))).toBe(false)
  })
})

/**
 * Only the candidates are ranked by relevance: the newest `recent` matches and the newest
 * `headlines` with every term in the headline. The rest follow newest first. Small limits here,
 * so a dozen articles show what the site does with thousands of matches.
 */
describe('relevance among the newest matches and the headline matches, the rest by date', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  const next = random(20261127)
  const words = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(next() * FILLER.length)]!)
  /** Equal lengths everywhere (headline 4, dek 10, body 60 words), so only the planted word decides. */
  const article = (slug: string, plant: { headline?: boolean; dek?: boolean; body?: number }) => {
    const headline = words(4)
    const dek = words(10)
    const body = words(60)
    if (plant.headline) headline[1] = 'beacon'
    if (plant.dek) dek[3] = 'beacon'
    for (let k = 0; k < (plant.body ?? 0); k++) body[(k * 9 + 2) % body.length] = 'beacon'
    return { slug, headline: headline.join(' '), dek: dek.join(' '), body: { format: 'markdown' as const, source: body.join(' ') } }
  }
  // Oldest first; each a minute newer than the one before, and written in that order.
  const plan = [
    article('old-strong', { body: 6 }),
    article('old-headline', { headline: true }),
    ...Array.from({ length: 8 }, (_, i) => article(`plain-${i}`, { body: 1 })),
    article('new-dek', { dek: true }),
    article('newest-plain', { body: 1 }),
  ]
  const slugsNewestFirst = plan.map((a) => a.slug).reverse()
  const small: Candidates = { recent: 3, headlines: 1 }

  beforeAll(async () => {
    site = await createTestSite()
    const harbour = await ensureSection(site.db, { name: 'Harbour' }, now)
    for (const [i, a] of plan.entries()) {
      const sectionId = ['old-strong', 'plain-0', 'plain-1'].includes(a.slug) ? harbour.id : undefined
      await addArticle(site.db, { ...a, sectionId, publishedAt: new Date(now.getTime() - (plan.length - i) * 60_000) })
    }
    // Newer than all, with the word in its headline, but not yet public: neither found nor counted, nor taking a place.
    await addArticle(site.db, { ...article('later', { headline: true }), status: 'scheduled', publishedAt: new Date(now.getTime() + DAY) })
  })
  afterAll(async () => { await site.close() })

  const ranked = async (candidates: Candidates, filters: SearchFilters = {}, page = 1, perPage = 50) => {
    const query = parseSearchQuery('beacon')
    if (!query.ok) throw new Error('no terms')
    return searchArticles(site.db, query.value, filters, { page, perPage, now, candidates })
  }
  const slugs = async (...args: Parameters<typeof ranked>) => (await ranked(...args)).items.map((h) => h.article.slug)

  it('ranks every match by relevance while they are all candidates', async () => {
    const found = await slugs({ recent: 100, headlines: 100 })
    expect(found[0]).toBe('old-headline')
    expect(found.slice(1, 3).sort()).toEqual(['new-dek', 'old-strong'])
    // Single body mentions tie: newest first.
    expect(found.slice(3)).toEqual(slugsNewestFirst.filter((s) => s.startsWith('newest') || s.startsWith('plain')))
  })

  it('ranks the newest matches and the headline matches, then lists the rest newest first', async () => {
    const found = await slugs(small)
    // Candidates: the three newest (newest-plain, new-dek, plain-7) and the newest headline match (old-headline).
    expect(found.slice(0, 4)).toEqual(['old-headline', 'new-dek', 'newest-plain', 'plain-7'])
    // The rest by date: the strongest body match, being the oldest, comes last.
    expect(found.slice(4)).toEqual(['plain-6', 'plain-5', 'plain-4', 'plain-3', 'plain-2', 'plain-1', 'plain-0', 'old-strong'])
  })

  it('counts every match exactly, and pages through candidates and rest without gaps or overlap', async () => {
    const all = await slugs(small)
    expect(all).toHaveLength(plan.length)
    const pages = [await ranked(small, {}, 1, 3), await ranked(small, {}, 2, 3), await ranked(small, {}, 3, 3), await ranked(small, {}, 4, 3)]
    for (const page of pages) {
      expect(page.total).toBe(plan.length)
      expect(page.pages).toBe(4)
    }
    expect(pages.flatMap((p) => p.items.map((h) => h.article.slug))).toEqual(all)
    expect((await ranked(small, {}, 5, 3)).items).toEqual([])
  })

  it('picks the candidates among the filtered matches', async () => {
    expect(await slugs(small, { sectionSlug: 'harbour' })).toEqual(['old-strong', 'plain-1', 'plain-0'])
    expect(await slugs({ recent: 1, headlines: 1 }, { sectionSlug: 'harbour' })).toEqual(['plain-1', 'plain-0', 'old-strong'])
  })

  it('uses candidates the site can afford: a few hundred, not every match', () => {
    expect(CANDIDATES.recent).toBeGreaterThanOrEqual(100)
    expect(CANDIDATES.headlines).toBeGreaterThanOrEqual(20)
  })
})

describe('languages and scripts', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeAll(async () => {
    site = await createTestSite()
    const add = (headline: string, body: string) => addArticle(site.db, { headline, body: { format: 'markdown', source: body } })
    await add('서울 날씨', '오늘 서울에서 비가 내렸습니다. 국회의사당에서 회의가 열렸습니다.')
    await add('Новости', 'В Москве открыли новый мост. Москва готовится к зиме.')
    await add('Le café du port', 'On y boit un café crème en regardant les bateaux. Naïve élève.')
    await add('Control', 'Nothing accented, nothing foreign: cafeteria plans and seoulful puns.')
  })
  afterAll(async () => { await site.close() })

  it('finds Korean words with particles attached, by prefix', async () => {
    expect(await slugsOf(site.db, '서울')).toEqual(['서울-날씨'])
    const [hit] = (await search(site.db, '서울')).items
    expect(hit!.snippet.find((p) => p.mark)?.text).toBe('서울에서')
  })
  it('finds Korean substrings inside longer words through the trigram index', async () => {
    expect(await slugsOf(site.db, '의사당')).toEqual(['서울-날씨'])
    expect(await slugsOf(site.db, '회의가')).toEqual(['서울-날씨'])
  })
  it('finds Cyrillic words, whatever their case', async () => {
    expect(await slugsOf(site.db, 'москва')).toEqual(['новости'])
    expect(await slugsOf(site.db, 'МОСТ')).toEqual(['новости'])
    expect(await slugsOf(site.db, 'москве')).toEqual(['новости'])
  })
  it('matches accented and unaccented Latin both ways', async () => {
    expect(await slugsOf(site.db, 'cafe')).toEqual(['le-cafe-du-port', 'control']) // "cafe*" also prefixes "cafeteria"; the exact word ranks first
    expect(await slugsOf(site.db, 'café crème')).toEqual(['le-cafe-du-port'])
    expect(await slugsOf(site.db, 'naive eleve')).toEqual(['le-cafe-du-port'])
  })
  it('highlights the word as the article writes it', async () => {
    const [hit] = (await search(site.db, 'creme')).items
    expect(hit!.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['crème'])
    expect(plainText(hit!.snippet)).toContain('On y boit un café crème')
  })
})

describe('filters', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeAll(async () => {
    site = await createTestSite()
    const world = await ensureSection(site.db, { name: 'World' }, now)
    const sport = await ensureSection(site.db, { name: 'Sport' }, now)
    const mara = await ensurePerson(site.db, { name: 'Mara Lind' }, now)
    const ola = await ensurePerson(site.db, { name: 'Ola Berg' }, now)
    const add = (slug: string, sectionId: string, authorIds: string[], publishedAt: string) =>
      addArticle(site.db, { slug, headline: `Regatta report ${slug}`, sectionId, authorIds, publishedAt: new Date(publishedAt) })
    await add('w-mara-may9', world.id, [mara.id], '2026-05-09T23:59:59.999Z')
    await add('w-ola-may10', world.id, [ola.id], '2026-05-10T00:00:00.000Z')
    await add('s-mara-may10', sport.id, [mara.id, ola.id], '2026-05-10T23:59:59.999Z')
    await add('s-ola-may11', sport.id, [ola.id], '2026-05-11T00:00:00.000Z')
  })
  afterAll(async () => { await site.close() })
  const sorted = async (filters: SearchFilters) => (await slugsOf(site.db, 'regatta', filters)).sort()

  it('by section', async () => {
    expect(await sorted({ sectionSlug: 'world' })).toEqual(['w-mara-may9', 'w-ola-may10'])
    expect(await sorted({ sectionSlug: 'nowhere' })).toEqual([])
  })
  it('by author, among several authors too', async () => {
    expect(await sorted({ authorSlug: 'mara-lind' })).toEqual(['s-mara-may10', 'w-mara-may9'])
    expect(await sorted({ authorSlug: 'ola-berg', sectionSlug: 'sport' })).toEqual(['s-mara-may10', 's-ola-may11'])
  })
  it('by date range, both ends included, in UTC', async () => {
    expect(await sorted({ from: '2026-05-10', to: '2026-05-10' })).toEqual(['s-mara-may10', 'w-ola-may10'])
    expect(await sorted({ from: '2026-05-10' })).toEqual(['s-mara-may10', 's-ola-may11', 'w-ola-may10'])
    expect(await sorted({ to: '2026-05-09' })).toEqual(['w-mara-may9'])
  })
  it('keeps future articles out whatever the range', async () => {
    await addArticle(site.db, { slug: 'later', headline: 'Regatta later', status: 'scheduled', publishedAt: new Date(now.getTime() + DAY) })
    expect(await sorted({ from: '2026-01-01', to: '2027-01-01' })).not.toContain('later')
  })
})
