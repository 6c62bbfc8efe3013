import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { ASSETS } from '../assets/assets.js'
import { CACHE } from '../cache-control.js'
import { RESULTS_PER_PAGE, SUGGESTIONS } from './search-routes.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const get = async (path: string) => {
  const res = await site.app.request(path)
  return { status: res.status, headers: res.headers, text: await res.text() }
}
/** The page without its inlined stylesheets, for assertions about markup. */
const markup = (html: string) => html.replace(/<style>.*?<\/style>/gs, '')
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length

describe('the search page', () => {
  it('shows only the form for an empty query, complete without JavaScript', async () => {
    const { status, text, headers } = await get('/search/?q=%20%20')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe(CACHE.page)
    const html = markup(text)
    expect(html).toMatch(/<form role="search" action="\/search\/" method="get"/)
    expect(html).toContain('<label for="search-q">Search articles</label>')
    expect(html).toMatch(/<input type="search" id="search-q" name="q"/)
    expect(html).toMatch(/<select id="search-section" name="section">/)
    expect(html).toMatch(/<select id="search-author" name="author">/)
    expect(html).toMatch(/<input type="date" id="search-from" name="from"/)
    expect(html).toMatch(/<input type="date" id="search-to" name="to"/)
    expect(html).toContain('<button type="submit">Search</button>')
    expect(html).not.toContain('search-result')
    expect(html).not.toContain('No articles match')
    expect(html).toContain(`<script src="${ASSETS.searchScript.path}" defer=""></script>`)
    expect(count(html, /<script/g)).toBe(1) // no inline script
  })

  it('lists results with headline link, section, date and highlighted snippet, and counts them', async () => {
    const world = await ensureSection(site.db, { name: 'World' }, now)
    await addArticle(site.db, {
      headline: 'Ferry strike ends', sectionId: world.id, publishedAt: new Date('2026-05-20T08:00:00Z'),
      body: { format: 'markdown', source: 'Crews return after a week of the ferry strike.' },
    })
    await addArticle(site.db, { headline: 'Ferry fares rise', body: { format: 'markdown', source: 'Tickets cost more.' } })
    await addArticle(site.db, { headline: 'Unrelated', body: { format: 'markdown', source: 'Nothing here.' } })
    const html = markup((await get('/search/?q=ferry+strike')).text)
    expect(html).toContain('1 result for “ferry strike”')
    expect(html).toContain('<a href="/ferry-strike-ends/"><mark>Ferry</mark> <mark>strike</mark> ends</a>')
    expect(html).toContain('<a href="/section/world/">World</a>')
    expect(html).toContain('<time datetime="2026-05-20T08:00:00.000Z">20 May 2026</time>')
    expect(html).toContain('<p class="snippet">Crews return after a week of the <mark>ferry</mark> <mark>strike</mark>.</p>')
    expect(html).toContain('value="ferry strike"')
    expect(markup((await get('/search/?q=ferry')).text)).toContain('2 results for “ferry”')
  })

  it('escapes article text: markup in a headline or body is shown, never run', async () => {
    await addArticle(site.db, {
      headline: 'Why <script> tags matter',
      body: { format: 'markdown', source: 'Never trust `<script>alert("x")</script>` or <img src=x onerror=alert(1)> from input.' },
    })
    const html = markup((await get('/search/?q=script')).text)
    expect(html).toContain('Why &lt;<mark>script</mark>&gt; tags matter')
    expect(html).toContain('&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;')
    expect(html).not.toContain('<script>')
    expect(html).not.toMatch(/onerror/)
    expect(count(html, /<script/g)).toBe(1)
  })

  it('says clearly when nothing matches, and when the query has no words', async () => {
    await addArticle(site.db, { headline: 'Tide tables' })
    const none = markup((await get('/search/?q=zeppelin')).text)
    expect(none).toContain('No articles match “zeppelin”')
    expect(none).not.toContain('class="search-result"')
    const symbols = await get('/search/?q=%22*%5E%3A')
    expect(symbols.status).toBe(200)
    expect(markup(symbols.text)).toContain('Your search has no words in it to look for.')
  })

  it('narrows by section, author and dates, keeping the choices in the form', async () => {
    const world = await ensureSection(site.db, { name: 'World' }, now)
    const sport = await ensureSection(site.db, { name: 'Sport' }, now)
    const mara = await ensurePerson(site.db, { name: 'Mara Lind' }, now)
    await addArticle(site.db, { headline: 'Regatta in the bay', sectionId: sport.id, authorIds: [mara.id], publishedAt: new Date('2026-05-02T10:00:00Z') })
    await addArticle(site.db, { headline: 'Regatta diplomacy', sectionId: world.id, publishedAt: new Date('2026-05-03T10:00:00Z') })
    const bySection = markup((await get('/search/?q=regatta&section=sport')).text)
    expect(bySection).toContain('1 result')
    expect(bySection).toContain('href="/regatta-in-the-bay/"')
    expect(bySection).toContain('<option value="sport" selected="">Sport</option>')
    const byAuthor = markup((await get('/search/?q=regatta&author=mara-lind')).text)
    expect(byAuthor).toContain('href="/regatta-in-the-bay/"')
    expect(byAuthor).not.toContain('href="/regatta-diplomacy/"')
    expect(byAuthor).toContain('<option value="mara-lind" selected="">Mara Lind</option>')
    const byDate = markup((await get('/search/?q=regatta&from=2026-05-03&to=2026-05-03')).text)
    expect(byDate).toContain('href="/regatta-diplomacy/"')
    expect(byDate).not.toContain('href="/regatta-in-the-bay/"')
    expect(byDate).toContain('value="2026-05-03"')
  })

  it('ignores filters it cannot use, says so, and still searches', async () => {
    await addArticle(site.db, { headline: 'Regatta results' })
    const { status, text } = await get('/search/?q=regatta&section=atlantis&author=%3Cb%3E&from=2026-02-31')
    expect(status).toBe(200)
    const html = markup(text)
    expect(html).toContain('Not understood, so left out of the search: the author, the “from” date, the section (there is no such section).')
    expect(html).toContain('1 result for “regatta”')
  })

  it(`pages at ${RESULTS_PER_PAGE} results and answers 404 past the end or for a bad page`, async () => {
    for (let i = 1; i <= RESULTS_PER_PAGE + 2; i++) {
      await addArticle(site.db, { headline: `Harbour notice ${i}`, publishedAt: new Date(now.getTime() - i * 60_000) })
    }
    const first = markup((await get('/search/?q=harbour')).text)
    expect(first).toContain(`${RESULTS_PER_PAGE + 2} results`)
    expect(count(first, /class="search-result"/g)).toBe(RESULTS_PER_PAGE)
    expect(first).toContain('href="/search/?q=harbour&amp;page=2" rel="next"')
    const second = await get('/search/?q=harbour&page=2')
    expect(second.status).toBe(200)
    expect(count(second.text, /class="search-result"/g)).toBe(2)
    expect(second.text).toContain('<ol class="search-results" start="21">')
    expect((await get('/search/?q=harbour&page=3')).status).toBe(404)
    expect((await get('/search/?q=harbour&page=abc')).status).toBe(404)
    expect((await get('/search/?q=nothingatall&page=1')).status).toBe(200)
  })

  it('is linked from the masthead of every page and redirects to its slashed URL', async () => {
    expect((await get('/')).text).toContain('<a class="search-link" href="/search/">Search</a>')
    const bare = await site.app.request('/search?q=tide')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/search/?q=tide')
  })
})

describe('suggestions', () => {
  it(`answers JSON with at most ${SUGGESTIONS} public matches: headline, URL and snippet`, async () => {
    for (let i = 1; i <= SUGGESTIONS + 3; i++) await addArticle(site.db, { headline: `Lighthouse log ${i}` })
    await addArticle(site.db, { headline: 'Lighthouse draft', status: 'draft' })
    await addArticle(site.db, { headline: 'Lantern <b>bold</b>', body: { format: 'markdown', source: 'The lantern glows.' } })
    const res = await site.app.request('/search/suggest?q=lighth')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const { results } = await res.json() as { results: { headline: string; url: string; snippet: string }[] }
    expect(results).toHaveLength(SUGGESTIONS)
    expect(results.every((r) => r.headline.startsWith('Lighthouse log') && r.url.startsWith('/lighthouse-log-'))).toBe(true)
    const lantern = await (await site.app.request('/search/suggest?q=lantern')).json()
    expect(lantern).toEqual({
      results: [{
        headline: 'Lantern <b>bold</b>', url: '/lantern-b-bold-b/', snippet: 'The lantern glows.',
        snippetParts: [{ text: 'The ', mark: false }, { text: 'lantern', mark: true }, { text: ' glows.', mark: false }],
      }],
    })
    expect(await (await site.app.request('/search/suggest?q=%22')).json()).toEqual({ results: [] })
    expect(await (await site.app.request('/search/suggest')).json()).toEqual({ results: [] })
  })
})

describe('the search script', () => {
  it('is served under its content hash, for a year, as JavaScript', async () => {
    const { path, body } = ASSETS.searchScript
    const { createHash } = await import('node:crypto')
    expect(path).toBe(`/assets/search.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.js`)
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe(CACHE.immutable)
    expect(res.text).toBe(body)
    expect((await get('/assets/search.0000000000.js')).status).toBe(404)
    expect((await get('/assets/')).status).toBe(404)
  })
})
