import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { anyText, fuzzParams, htmlish } from '../../test/support/fuzz.js'
import { createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { wxrDocument } from '../../test/support/wxr.js'
import { detectFormat } from './detect-format.js'
import { readGhostExport } from './ghost/read-ghost-export.js'
import { extractArticle } from './html/extract-article.js'
import { importFiles } from './import-files.js'
import { parseTextCapture } from './text/parse-text-capture.js'
import { wpContentToHtml } from './wordpress/wp-content-to-html.js'

/**
 * Every importer's parser, on arbitrary input: an expected failure is a value (a Result error,
 * a problem record), never an exception. Through importFiles, the whole path from detection to
 * the database is held to the same: anything thrown is a bug.
 */
describe('importers on arbitrary input never throw', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let dir: string
  let n = 0
  beforeAll(async () => {
    site = await createTestSite()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-fuzz-'))
  })
  afterAll(async () => {
    await site.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const importText = async (content: string | Uint8Array) => {
    const file = path.join(dir, `f${n++}`)
    fs.writeFileSync(file, content)
    await importFiles({ db: site.db, files: site.files, now: new Date(TEST_NOW) }, [file], { skipInvalid: true })
    fs.rmSync(file)
  }

  it('detectFormat: any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), (bytes, size) => { detectFormat(bytes, 'f', bytes.length + (size % 3)) }), fuzzParams())
  })

  const value = fc.oneof(anyText, htmlish, fc.integer(), fc.constant(null), fc.boolean(), fc.constantFrom('2024-01-01T00:00:00Z', '1400000000000', 'published', 'draft', 'sent', 'page', ''))
  const ghostPost = fc.dictionary(fc.constantFrom('id', 'title', 'slug', 'html', 'plaintext', 'status', 'type', 'page', 'published_at', 'created_at', 'feature_image', 'canonical_url', 'custom_excerpt', 'visibility', 'locale', 'author_id'), value)
  const ghostExport = fc.record({ posts: fc.array(fc.oneof(ghostPost, fc.jsonValue()), { maxLength: 4 }), users: fc.array(fc.jsonValue(), { maxLength: 2 }), tags: fc.array(fc.jsonValue(), { maxLength: 2 }), settings: fc.array(fc.record({ key: fc.constantFrom('url', 'locale'), value }), { maxLength: 2 }) }, { requiredKeys: ['posts'] })
    .map((data) => JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data }] }))

  it('readGhostExport: any text, and any Ghost-shaped JSON', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.json(), ghostExport), (text) => { readGhostExport(text, 'f') }), fuzzParams())
  })

  it('a Ghost export, imported', async () => {
    await fc.assert(fc.asyncProperty(ghostExport, importText), fuzzParams(0.3))
  })

  const wxrItem = fc.record({
    id: fc.nat(50), title: fc.oneof(anyText, fc.constant(undefined)), type: fc.constantFrom('post', 'page', 'attachment', 'nav_menu_item', 'x'),
    status: fc.constantFrom('publish', 'draft', 'future', 'private', 'trash', 'inherit', 'x'), name: fc.oneof(anyText, fc.constant(undefined)),
    content: fc.oneof(htmlish, anyText), date: fc.constantFrom('2020-01-01 10:00:00', '0000-00-00 00:00:00', 'x', ''),
    attachmentUrl: fc.constantFrom(undefined, 'https://old.example/a.jpg', 'javascript:alert(1)', 'x'),
  }, { requiredKeys: ['id'] })
  // XML cannot hold most control characters; those make a malformed file, which is tested by the raw text case.
  const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '')

  it('a WordPress export, imported: well-formed with any fields, and any text after a WXR head', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.array(wxrItem, { maxLength: 4 }).map((items) => xmlSafe(wxrDocument(items as never))),
      anyText.map((tail) => `${wxrDocument([]).replace('</channel>', '')}${tail}`),
    ), importText), fuzzParams(0.3))
  })

  it('wpContentToHtml: any content', () => {
    fc.assert(fc.property(fc.oneof(htmlish, anyText), (content) => { wpContentToHtml(content) }), fuzzParams())
  })

  it('extractArticle and the saved-page import: any page', async () => {
    fc.assert(fc.property(htmlish, (html) => { extractArticle(html) }), fuzzParams(0.5))
    await fc.assert(fc.asyncProperty(htmlish, (html) => importText(`<!doctype html><html><head><title>t</title></head><body><article>${html}</article></body></html>`)), fuzzParams(0.2))
  })

  it('parseTextCapture and the text-capture import: any text', async () => {
    fc.assert(fc.property(anyText, (text) => { parseTextCapture(text, 'f') }), fuzzParams())
    await fc.assert(fc.asyncProperty(fc.array(anyText, { maxLength: 4 }), (blocks) => importText(`Headline\n\n· 1 min read\n\n${blocks.join('\n\n')}`)), fuzzParams(0.05))
  })
})
