import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWorkspace } from '../../../test/support/import-workspace.js'
import { dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { hasShared, sharedFile } from '../../../test/support/requirements.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { importFiles } from '../import-files.js'
import { extractArticle } from './extract-article.js'
import { splitByline } from './split-byline.js'

const ws = importWorkspace('mh-html-')
const now = new Date(TEST_NOW)

const write = ws.write
const importOne = async (file: string) => {
  const result = await importFiles({ ...ws.site, now }, [file])
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return { report: result.value, article: (await findArticleById(ws.site.db, result.value.articles[0]!.articleId))! }
}
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * The share of the expected text's words (lowercase, counted with repeats) that the stored text
 * has: each stored word can match one expected word only.
 */
function overlap(expected: string[], stored: string[]): number {
  const left = new Map<string, number>()
  for (const word of stored) left.set(word, (left.get(word) ?? 0) + 1)
  let found = 0
  for (const word of expected) {
    const n = left.get(word) ?? 0
    if (n > 0) {
      found++
      left.set(word, n - 1)
    }
  }
  return expected.length ? found / expected.length : 0
}

const CORPUS = 'corpora/readability'
const sites = hasShared() ? fs.readdirSync(sharedFile(CORPUS)).sort() : []

describe.runIf(hasShared())('saved news pages (conformance with Firefox Reader View)', () => {
  it('has the ten pages', () => expect(sites).toHaveLength(10))

  it.each(sites)('%s: headline, byline, and at least 90 percent of the words', async (name) => {
    const folder = sharedFile(`${CORPUS}/${name}`)
    const expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8')) as { title: string; byline: string | null }
    const source = fs.readFileSync(path.join(folder, 'source.html'), 'utf8')

    // The byline as extracted, before splitting, is Firefox's exactly.
    expect(extractArticle(source)?.byline ?? null).toBe(expected.byline)

    const { article } = await importOne(path.join(folder, 'source.html'))
    expect(article.headline).toBe(expected.title)
    expect(article.status).toBe('published')
    // The stored authors are the expected byline split by the same rule (so a dated byline gives none).
    expect(article.authors.map((a) => a.name)).toEqual(splitByline(expected.byline))

    const row = await ws.site.db.selectFrom('articles').select('bodyText').where('id', '=', article.id).executeTakeFirstOrThrow()
    const expectedHtml = fs.readFileSync(path.join(folder, 'expected.html'), 'utf8')
    const expectedWords = words(parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body.textContent ?? '')
    expect(expectedWords.length).toBeGreaterThan(100)
    const storedWords = words(row.bodyText)
    const share = overlap(expectedWords, storedWords)
    // The reverse share is printed for information: how much of what was stored Firefox also kept.
    console.log(`readability ${name}: ${(share * 100).toFixed(1)} % of ${expectedWords.length} expected words stored; `
      + `${(overlap(storedWords, expectedWords) * 100).toFixed(1)} % of ${storedWords.length} stored words expected`)
    expect(share).toBeGreaterThanOrEqual(0.9)
  })
})

const page = (head: string, body: string) => `<!doctype html><html lang="pt_br"><head>${head}</head><body>${body}</body></html>`
const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the harbour story, long enough for Readability to take it as the article's text, with more words, and more, and more.</p>`).join('')

describe('a saved news page', () => {
  const head = `<title>Harbour plans | The Gazette</title>
    <link rel="canonical" href="https://gazette.example/2024/harbour-plans/">
    <meta property="og:title" content="Harbour plans">
    <meta property="og:description" content="The port grows &amp; the town argues.">
    <meta property="og:image" content="/pictures/harbour.jpg"><meta property="og:image:alt" content="Cranes at dusk">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-05-02T08:00:00Z"}]}</script>`
  const body = `<article><h1>Harbour plans</h1><p class="byline">By Ana Ruiz and Tom Ek</p>${paragraphs}<p><a href="/2024/earlier/">Earlier</a></p></article>`

  it('becomes a published post with its metadata, and updates on a second import', async () => {
    const file = write('harbour.html', page(head, body))
    const { article } = await importOne(file)
    expect(article).toMatchObject({
      kind: 'post', status: 'published', headline: 'Harbour plans', dek: 'The port grows & the town argues.', language: 'pt-BR',
      canonicalUrl: 'https://gazette.example/2024/harbour-plans/', publishedAt: new Date('2024-05-02T08:00:00Z'),
    })
    expect(article.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Tom Ek'])
    expect(article.hero).toMatchObject({ alt: 'Cranes at dusk', picture: { remoteUrl: 'https://gazette.example/pictures/harbour.jpg' } })
    expect(article.body.html).toContain('href="https://gazette.example/2024/earlier/"')

    write('harbour.html', page(head, body.replace('Paragraph 1 ', 'Corrected paragraph 1 ')))
    const again = await importOne(file)
    expect(again.report).toMatchObject({ created: 0, updated: 1 })
    expect(again.article.body.html).toContain('Corrected paragraph 1')
    expect(await ws.site.db.selectFrom('articles').select('sourceKey').execute()).toEqual([{ sourceKey: 'html:https://gazette.example/2024/harbour-plans/' }])
  })

  it('without a canonical URL is keyed by its content, takes article:published_time and falls back to the html lang', async () => {
    const { article } = await importOne(write('plain.html', page('<title>Tide tables</title><meta property="article:published_time" content="2023-01-02T03:04:05Z">', `<article>${paragraphs}</article>`)))
    expect(article).toMatchObject({ headline: 'Tide tables', canonicalUrl: null, hero: null, authors: [], language: 'pt-BR', publishedAt: new Date('2023-01-02T03:04:05Z') })
    const row = await ws.site.db.selectFrom('articles').select('sourceKey').executeTakeFirstOrThrow()
    expect(row.sourceKey).toMatch(/^html:[0-9a-f]{64}$/)
  })

  it('with no article in it stops the import, naming the file, and changes nothing', async () => {
    await importOne(write('first.html', page('<title>First</title>', `<article>${paragraphs}</article>`)))
    const before = await dumpDatabase(ws.site.db)
    const file = write('empty.html', page('<title>Nothing</title>', ''))
    const result = await importFiles({ ...ws.site, now }, [file], { skipInvalid: true })
    expect(!result.ok && result.error).toEqual({ file, message: 'no article found in the page' })
    expect(await dumpDatabase(ws.site.db)).toEqual(before)
  })
})
