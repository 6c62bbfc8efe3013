import fs from 'node:fs'
import path from 'node:path'
import type { Hono } from 'hono'
import { createApiKey } from '../../src/api/keys/manage-api-keys.js'
import { saveArticle } from '../../src/content/articles/save-article.js'
import { paths } from '../../src/http/paths.js'
import { importFiles, type ImportDeps } from '../../src/importers/import-files.js'
import { wxrDocument } from './wxr.js'

/** What storing one payload gave: the public path of its article, or why it was refused. */
export type Stored = { path: string } | { refused: string }

/**
 * One way HTML reaches a public page. `store` puts every payload into the site as the body of
 * a published article, by the route a newsroom would use, and says where each one ended up.
 *
 * This list is the extension point of the XSS conformance suite: a new input path (the admin
 * editor's `doc` format, the write API) is one more entry here, and the suite runs every
 * payload through it with no other change.
 */
export interface XssInputPath {
  name: string
  store(site: SiteUnderTest, payloads: readonly string[], scratch: string): Promise<Stored[]>
}

/** What a path may use: the storage, and the whole app for paths that go over HTTP. */
export type SiteUnderTest = ImportDeps & { app: Hono }

/** `saveArticle` with a body format, as the admin and any API call it. */
const saveAs = (format: 'html' | 'markdown'): XssInputPath => ({
  name: `saveArticle (${format})`,
  async store({ db, now }, payloads) {
    const stored: Stored[] = []
    for (const [i, payload] of payloads.entries()) {
      const saved = await saveArticle(db, { headline: `xss ${format} ${i}`, status: 'published', body: { format, source: payload } }, now)
      stored.push(saved.ok ? { path: paths.article(saved.value.article.slug) } : { refused: JSON.stringify(saved.error) })
    }
    return stored
  },
})

/**
 * The admin editor's `doc` format (a ProseMirror document) through saveArticle, as the editor
 * saves it: the payload as text, as a link's address, as a picture's address, alt text and
 * caption, and as an embed's address, title and caption, which are the places a document carries
 * strings into the page. (An allow-listed embed titled with a payload is tested on its own in
 * embeds.browser.test.ts: here its frame would load from the provider in every page.)
 */
const saveDoc: XssInputPath = {
  name: 'saveArticle (doc, the editor)',
  async store({ db, now }, payloads) {
    const stored: Stored[] = []
    for (const [i, payload] of payloads.entries()) {
      const doc = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: payload }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: payload } }] }] },
          { type: 'image', attrs: { src: payload, alt: payload, title: payload, caption: payload } },
          { type: 'embed', attrs: { src: payload, title: payload, caption: payload } },
          { type: payload.slice(0, 40) || 'x', content: [{ type: 'text', text: payload }] },
        ],
      }
      const saved = await saveArticle(db, { headline: `xss doc ${i}`, status: 'published', body: { format: 'doc', source: JSON.stringify(doc) } }, now)
      stored.push(saved.ok ? { path: paths.article(saved.value.article.slug) } : { refused: JSON.stringify(saved.error) })
    }
    return stored
  },
}

/** The write API (`POST /api/v1/articles`, then `…/publish`) with a write key, each body format. */
const writeApi: XssInputPath = {
  name: 'write API (html, markdown)',
  async store({ db, now, app }, payloads) {
    const created = await createApiKey(db, { name: 'XSS suite', kind: 'write' }, now)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const call = (path: string, json: unknown) => app.request(`http://news.test/api/v1${path}`, {
      method: 'POST', body: JSON.stringify(json), headers: { Authorization: `Bearer ${created.value.secret}`, 'Content-Type': 'application/json' },
    })
    const stored: Stored[] = []
    for (const [i, payload] of payloads.entries()) {
      const format = i % 2 === 0 ? 'html' : 'markdown'
      const res = await call('/articles', { headline: `xss api ${i}`, body: { format, source: payload } })
      if (res.status !== 201) {
        stored.push({ refused: `${res.status} ${await res.text()}` })
        continue
      }
      const { article } = await res.json() as { article: { id: string; slug: string } }
      const published = await call(`/articles/${article.id}/publish`, {})
      stored.push(published.ok ? { path: paths.article(article.slug) } : { refused: `publish: ${published.status} ${await published.text()}` })
    }
    return stored
  },
}

/** Imports one file; a refused file, or a record it skipped, is a payload that reached no page. */
async function importOne(deps: ImportDeps, file: string): Promise<{ slugs: Set<string>; refused?: string }> {
  const result = await importFiles(deps, [file], { skipInvalid: true })
  if (!result.ok) return { slugs: new Set(), refused: result.error.message }
  const skipped = result.value.skipped.map((p) => `${p.record}: ${p.message}`).join('; ')
  return { slugs: new Set(result.value.articles.map((a) => a.slug)), ...(skipped && { refused: skipped }) }
}

const storedAs = (imported: { slugs: Set<string>; refused?: string }, slug: string): Stored =>
  imported.slugs.has(slug) ? { path: paths.article(slug) } : { refused: imported.refused ?? 'not imported' }

/** Every payload as a post of one Ghost 5 export: in `html` (what the importer reads) and in a mobiledoc HTML card. */
const ghostImport: XssInputPath = {
  name: 'Ghost JSON import',
  async store(deps, payloads, scratch) {
    const posts = payloads.map((payload, i) => ({
      id: `xss${i}`, title: `xss ghost ${i}`, slug: `xss-ghost-${i}`, status: 'published', type: 'post', visibility: 'public',
      html: payload,
      mobiledoc: JSON.stringify({ version: '0.3.1', atoms: [], markups: [], sections: [[10, 0]], cards: [['html', { html: payload }]] }),
      published_at: '2024-01-01T10:00:00.000Z', created_at: '2024-01-01T10:00:00.000Z', updated_at: '2024-01-01T10:00:00.000Z',
    }))
    const file = path.join(scratch, 'ghost.json')
    fs.writeFileSync(file, JSON.stringify({ db: [{ meta: { version: '5.80.0' }, data: { posts } }] }))
    const imported = await importOne(deps, file)
    return payloads.map((_, i) => storedAs(imported, `xss-ghost-${i}`))
  },
}

/** Every payload as the `content:encoded` of a post in one WordPress export. */
const wordpressImport: XssInputPath = {
  name: 'WordPress WXR import',
  async store(deps, payloads, scratch) {
    const file = path.join(scratch, 'wordpress.xml')
    // XML 1.0 cannot hold most control characters at all, so an export cannot carry them: left out.
    const xmlText = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    fs.writeFileSync(file, wxrDocument(payloads.map((content, i) => ({ id: i + 1, title: `xss wxr ${i}`, name: `xss-wxr-${i}`, content: xmlText(content) }))))
    const imported = await importOne(deps, file)
    return payloads.map((_, i) => storedAs(imported, `xss-wxr-${i}`))
  },
}

/** Every payload inside the article of its own saved news page, cut out by Readability. */
const htmlPageImport: XssInputPath = {
  name: 'saved HTML page import',
  async store(deps, payloads, scratch) {
    const filler = '<p>The harbour board met on Tuesday to discuss the new ferry timetable, which has drawn complaints from commuters on the northern routes for months.</p>'
    const stored: Stored[] = []
    for (const [i, payload] of payloads.entries()) {
      const file = path.join(scratch, `page-${i}.html`)
      fs.writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss page ${i}</title></head>`
        + `<body><article><h1>xss page ${i}</h1>${filler}${filler}<div>${payload}</div>${filler}</article></body></html>`)
      stored.push(storedAs(await importOne(deps, file), `xss-page-${i}`))
    }
    return stored
  },
}

/**
 * Every input path on main that takes markup. The text capture importer is left out: it takes plain text, which it escapes
 * (a property test holds it to that), and drawing each capture's placeholder picture would cost
 * most of a second per payload.
 */
export const XSS_INPUT_PATHS: readonly XssInputPath[] = [
  saveAs('html'), saveAs('markdown'), saveDoc, writeApi, ghostImport, wordpressImport, htmlPageImport,
]
