import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWorkspace } from '../../test/support/import-workspace.js'
import { testBackend } from '../../test/support/test-database.js'
import { dumpDatabase, TEST_NOW } from '../../test/support/test-site.js'
import { hasShared, sharedFile } from '../../test/support/requirements.js'
import { findPublicArticleBySlug } from '../content/articles/article.repo.js'
import { parseSearchQuery } from '../content/search/search-query.js'
import { searchArticles } from '../content/search/search.repo.js'
import { importFiles } from './import-files.js'

const ws = importWorkspace('mh-import-')
const now = new Date(TEST_NOW)

const write = ws.write
const capture = (headline: string, paragraphs = ['One paragraph of text.']) =>
  `${headline}\n\n· 1 min read\n\nA picture of the quay\n\n${paragraphs.join('\n\n')}\n`

describe('importFiles', () => {
  it('creates a published article with a placeholder picture carrying the alt text', async () => {
    const result = await importFiles({ ...ws.site, now }, [write('a.txt', capture('Quay reopens', ['First.', 'Second.']))])
    expect(result.ok && result.value).toMatchObject({ created: 1, updated: 0 })
    const article = await findPublicArticleBySlug(ws.site.db, 'quay-reopens', now)
    expect(article?.status).toBe('published')
    expect(article?.body.html).toBe('<p>First.</p>\n<p>Second.</p>')
    expect(article?.hero?.alt).toBe('A picture of the quay')
    expect(article?.hero?.picture.width).toBe(1600)
    expect(await ws.site.files.read(article!.hero!.picture.key)).toBeDefined()
  })

  it('updates instead of duplicating when the same capture is imported again', async () => {
    const file = write('a.txt', capture('Quay reopens'))
    await importFiles({ ...ws.site, now }, [file])
    write('a.txt', capture('Quay reopens', ['Corrected text.']))
    const again = await importFiles({ ...ws.site, now }, [file])
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 1 })
    const rows = await ws.site.db.selectFrom('articles').select(['slug', 'bodyHtml']).execute()
    expect(rows).toEqual([{ slug: 'quay-reopens', bodyHtml: '<p>Corrected text.</p>' }])
    expect(await ws.site.db.selectFrom('media').select('id').execute()).toHaveLength(1)
  })

  const badFiles: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /the file is empty/],
    ['blank.txt', '  \n\n ', /the file is empty/],
    ['bogus.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /not a recognised format: the file is a PNG picture/],
    ['notes.txt', 'Shopping list\n\nmilk\n\neggs', /not a recognised format/],
    ['latin1.txt', new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]), /not UTF-8/],
    ['headless.txt', '· 1 min read\n\nalt\n\nBody text.', /line 1: no headline/],
    // Passes parsing, fails validation while writing: the first file's article and picture are rolled back.
    ['long-alt.txt', `Long alt\n\n· 1 min read\n\n${'x'.repeat(1200)}\n\nBody.`, /hero\.alt/],
  ]
  it.each(badFiles)('refuses %s, names it, and leaves the database exactly as it was', async (name, content, message) => {
    await importFiles({ ...ws.site, now }, [write('good.txt', capture('Already here'))])
    const before = await dumpDatabase(ws.site.db)
    const filesBefore = ws.site.files.keys().sort()
    // The good file goes first: all-or-nothing means it is not written either.
    const result = await importFiles({ ...ws.site, now }, [write('another.txt', capture('Would be new')), write(name, content)])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.file).toContain(name)
    expect(`${result.error.file}, line ${result.error.line}: ${result.error.message}`).toMatch(message)
    expect(await dumpDatabase(ws.site.db)).toEqual(before)
    expect(ws.site.files.keys().sort()).toEqual(filesBefore)
  })

  it('indexes what it imports for search, once, at the end of the import', async () => {
    await importFiles({ ...ws.site, now }, [write('a.txt', capture('Quay reopens', ['The ferry berth is repaired.'])), write('b.txt', capture('Harbour dues rise'))])
    const query = parseSearchQuery('ferry')
    if (!query.ok) throw new Error('query refused')
    const found = await searchArticles(ws.site.db, query.value, {}, { page: 1, perPage: 10, now })
    expect(found.items.map((hit) => hit.article.headline)).toEqual(['Quay reopens'])
    // SQLite's index is kept by triggers, which the import put aside and must have put back;
    // PostgreSQL's is a generated column, nothing to put back.
    if (testBackend !== 'sqlite') return
    const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'articles_search_%' order by name`.execute(ws.site.db)
    expect(triggers.rows.map((r) => r.name)).toEqual(['articles_search_delete', 'articles_search_insert', 'articles_search_published', 'articles_search_update'])
  })

  it('names a missing file', async () => {
    const result = await importFiles({ ...ws.site, now }, [path.join(ws.dir, 'nope.txt')])
    expect(!result.ok && result.error).toMatchObject({ file: expect.stringContaining('nope.txt'), message: 'no such file' })
  })

  it.runIf(hasShared())('imports the reference capture: headline, alt text, seven paragraphs, 1 min read', async () => {
    const result = await importFiles({ ...ws.site, now }, [sharedFile('fixtures/seed-article.txt')])
    expect(result.ok).toBe(true)
    const slug = result.ok ? result.value.articles[0]!.slug : ''
    const article = await findPublicArticleBySlug(ws.site.db, slug, now)
    expect(article?.headline).toBe('Captured North Korean Soldiers in Ukraine Show Unwavering Loyalty Despite Capture')
    expect(article?.readingMinutes).toBe(1)
    expect(article?.hero?.alt).toBe('article picture')
    expect(article?.body.html.match(/<p>/g)).toHaveLength(7)
  })
})
