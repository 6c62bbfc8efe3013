import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWorkspace } from '../../../test/support/import-workspace.js'
import { findArticleById, findArticleIdBySourceKey } from '../../content/articles/article.repo.js'
import { hasShared, sharedFile } from '../../../test/support/requirements.js'
import { dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { wxrDocument, wxrHead, wxrItem, WXR_TAIL, type WxrTestItem } from '../../../test/support/wxr.js'
import { importFiles, type ImportProgress } from '../import-files.js'
import type { SourceItem } from '../import-record.js'
import { openWxr } from './open-wxr.js'

const ws = importWorkspace('mh-wxr-')
const now = new Date(TEST_NOW)

const write = ws.write
const articleByKey = async (key: string) => {
  const id = await findArticleIdBySourceKey(ws.site.db, key)
  return id ? findArticleById(ws.site.db, id) : undefined
}

describe('openWxr', () => {
  it('reads WXR 1.1 with http:// namespaces as well as 1.2 with https://', async () => {
    for (const namespace of ['http://wordpress.org/export/1.1/', 'https://wordpress.org/export/1.2/']) {
      const file = write('ns.xml', wxrDocument([{ id: 1, title: 'Namespaced', excerpt: 'The <b>dek</b>' }], { namespace }))
      const result = await importFiles({ ...ws.site, now }, [file])
      expect(result.ok, namespace).toBe(true)
      const article = await articleByKey('wxr:old.example:1')
      expect(article).toMatchObject({ headline: 'Namespaced', dek: 'The dek', slug: 'post-1', language: 'en-GB', status: 'published' })
      expect(article?.authors.map((a) => a.name)).toEqual(['Ed Itor'])
    }
  })

  it('maps statuses: pending is a draft, private and protected become drafts, trash is skipped, all noted', async () => {
    const file = write('statuses.xml', wxrDocument([
      { id: 1, status: 'pending' }, { id: 2, status: 'private' }, { id: 3, password: 'secret' },
      { id: 4, status: 'trash', title: '' }, { id: 5, status: 'future', date: '2031-02-03 04:05:06' }, { id: 6, type: 'wp_block' },
    ]))
    const result = await importFiles({ ...ws.site, now }, [file])
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.created).toBe(4)
    const statuses = await Promise.all([1, 2, 3, 4, 5].map(async (id) => (await articleByKey(`wxr:old.example:${id}`))?.status))
    expect(statuses).toEqual(['draft', 'draft', 'draft', undefined, 'scheduled'])
    expect((await articleByKey('wxr:old.example:5'))?.publishedAt?.toISOString()).toBe('2031-02-03T04:05:06.000Z')
    expect(result.value.notes.map((n) => n.replace(`${file}: `, ''))).toEqual([
      '1 item of other post types skipped (1 wp_block)',
      '1 trashed item skipped',
      '1 private post imported as a draft',
      '1 password-protected post imported as a draft (protected content is not published)',
    ])
  })

  it('resolves a featured picture whose attachment comes after the post', async () => {
    const file = write('late.xml', wxrDocument([
      { id: 1, meta: { _thumbnail_id: '9' } },
      { id: 9, type: 'attachment', attachmentUrl: 'https://old.example/uploads/late.jpg', excerpt: 'Caption text',
        meta: { _wp_attachment_image_alt: 'Late alt', _wp_attachment_metadata: 'a:2:{s:5:"width";i:640;s:6:"height";i:480;}' } },
    ]))
    expect((await importFiles({ ...ws.site, now }, [file])).ok).toBe(true)
    const hero = (await articleByKey('wxr:old.example:1'))?.hero
    expect(hero).toMatchObject({ alt: 'Late alt', caption: 'Caption text', picture: { remoteUrl: 'https://old.example/uploads/late.jpg', width: 640, height: 480 } })
  })

  it('gives out slugs in file order, also to a post set aside until its late picture is read', async () => {
    const file = write('late-twins.xml', wxrDocument([
      { id: 1, name: 'harbour', meta: { _thumbnail_id: '9' } },
      { id: 2, name: 'harbour' },
      { id: 9, type: 'attachment', attachmentUrl: 'https://old.example/uploads/late.jpg' },
    ]))
    const result = await importFiles({ ...ws.site, now }, [file])
    if (!result.ok) throw new Error(result.error.message)
    // Written in the order they became ready: the post with the late picture last.
    expect(result.value.articles.map((a) => [a.location, a.slug])).toEqual([['post 2 "Post 2"', 'harbour-2'], ['post 1 "Post 1"', 'harbour']])
    expect((await articleByKey('wxr:old.example:1'))?.hero?.picture.remoteUrl).toBe('https://old.example/uploads/late.jpg')
  })

  it('notes a featured picture the file does not hold, and imports the post without it', async () => {
    const file = write('no-picture.xml', wxrDocument([{ id: 1, meta: { _thumbnail_id: '404' } }, { id: 2 }]))
    const result = await importFiles({ ...ws.site, now }, [file])
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.created).toBe(2)
    expect((await articleByKey('wxr:old.example:1'))?.hero).toBeNull()
    expect(result.value.notes).toEqual([`${file}: 1 featured picture not found among the attachments, left out`])
  })

  it('removes the posts it set aside from disk, also when the import stops half-way', async () => {
    const tmpBefore = process.env.TMPDIR
    process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-wxr-tmp-'))
    try {
      const file = write('stops.xml', wxrDocument([
        { id: 1, meta: { _thumbnail_id: '9' } }, { id: 2, title: '' }, { id: 9, type: 'attachment', attachmentUrl: 'https://old.example/a.jpg' },
      ]))
      const source = await openWxr(file)
      const iterator = source.items[Symbol.asyncIterator]()
      expect((await iterator.next()).value).toMatchObject({ problem: { record: 'post 2' } })
      expect(fs.readdirSync(process.env.TMPDIR)).toHaveLength(1)
      await iterator.return!(undefined)
      expect(fs.readdirSync(process.env.TMPDIR)).toEqual([])
    } finally {
      fs.rmSync(process.env.TMPDIR!, { recursive: true, force: true })
      if (tmpBefore === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmpBefore
    }
  })

  it('keeps two pages with the same name apart', async () => {
    const file = write('twins.xml', wxrDocument([{ id: 1, type: 'page', name: 'child' }, { id: 2, type: 'page', name: 'child' }, { id: 3, name: 'search' }]))
    const result = await importFiles({ ...ws.site, now }, [file])
    expect(result.ok && result.value.articles.map((a) => a.slug)).toEqual(['child', 'child-2', 'search-3'])
  })

  describe('a post without a title', () => {
    const items: WxrTestItem[] = [{ id: 1, title: 'Kept' }, { id: 2, title: ' <b></b> ' }, { id: 3, title: 'Also kept' }]

    it('stops the import, naming the record and the field, and leaves the database as it was', async () => {
      await importFiles({ ...ws.site, now }, [write('good.xml', wxrDocument([{ id: 100, title: 'Already here' }]))])
      const before = await dumpDatabase(ws.site.db)
      const result = await importFiles({ ...ws.site, now }, [write('untitled.xml', wxrDocument(items))])
      expect(!result.ok && result.error).toMatchObject({ file: expect.stringContaining('untitled.xml'), record: 'post 2', field: 'title', message: 'the post has no title' })
      expect(await dumpDatabase(ws.site.db)).toEqual(before)
    })

    it('is skipped and listed with --skip-invalid, and the rest is imported', async () => {
      const result = await importFiles({ ...ws.site, now }, [write('untitled.xml', wxrDocument(items))], { skipInvalid: true })
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value).toMatchObject({ created: 2, updated: 0 })
      expect(result.value.skipped).toEqual([{ file: expect.stringContaining('untitled.xml'), record: 'post 2', field: 'title', message: 'the post has no title' }])
      expect(result.value.articles.map((a) => a.headline)).toEqual(['Kept', 'Also kept'])
    })
  })

  it('refuses a file cut off in the middle, naming the file and line, and changes nothing', async () => {
    const full = wxrDocument(Array.from({ length: 40 }, (_, i) => ({ id: i + 1, content: `Paragraph ${i}.\n\nAnother.` })))
    await importFiles({ ...ws.site, now }, [write('good.xml', full)])
    const before = await dumpDatabase(ws.site.db)
    const cut = Buffer.from(full).subarray(0, Math.floor(Buffer.byteLength(full) * 0.6))
    const result = await importFiles({ ...ws.site, now }, [write('cut.xml', cut)])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.file).toContain('cut.xml')
    expect(result.error.line).toBe(cut.toString('utf8').split('\n').length)
    expect(result.error.message).toMatch(/^the XML is malformed or cut off: /)
    expect(await dumpDatabase(ws.site.db)).toEqual(before)
  })

  it('refuses a malformed file at the line of the fault', async () => {
    const doc = wxrDocument([{ id: 1 }]).replace('<wp:post_id>1</wp:post_id>', '<wp:post_id>1</wp:post_idd>')
    const line = doc.split('\n').findIndex((l) => l.includes('post_idd')) + 1
    const result = await importFiles({ ...ws.site, now }, [write('bad.xml', doc)])
    expect(!result.ok && result.error).toMatchObject({ line, message: 'the XML is malformed or cut off: unexpected close tag.' })
  })

  it.runIf(hasShared())('refuses the theme unit test export cut at 60% after a good import of it, and changes nothing', async () => {
    const corpus = sharedFile('corpora/wordpress-wxr/themeunittestdata-2020.wordpress.xml')
    expect((await importFiles({ ...ws.site, now }, [corpus], { skipInvalid: true })).ok).toBe(true)
    const before = await dumpDatabase(ws.site.db)
    const bytes = fs.readFileSync(corpus)
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6))
    const result = await importFiles({ ...ws.site, now }, [write('themeunittestdata-cut.xml', cut)], { skipInvalid: true })
    expect(!result.ok && result.error).toMatchObject({ file: expect.stringContaining('themeunittestdata-cut.xml'), line: expect.any(Number) })
    if (!result.ok) expect(`${result.error.line}: ${result.error.message}`).toMatch(/^\d+: the XML is malformed or cut off: /)
    expect(await dumpDatabase(ws.site.db)).toEqual(before)
  })
})

describe('openWxr on a large file', () => {
  const COUNT = 5000
  /** Streams a generated export to disk: pictures for every tenth post come at the end, after the posts. */
  function writeLargeExport(): string {
    const file = path.join(ws.dir, 'large.xml')
    const fd = fs.openSync(file, 'w')
    fs.writeSync(fd, wxrHead())
    for (let i = 1; i <= COUNT; i++) {
      fs.writeSync(fd, wxrItem({
        id: i, title: `Story number ${i}`, name: `story-${i}`, comments: i % 7 === 0 ? 1 : 0,
        content: `First paragraph of story ${i}.\n\nSecond paragraph, with a [caption]<img src="https://old.example/${i}.jpg"> Cap ${i}[/caption].`,
        categories: [{ domain: 'category', nicename: `section-${i % 5}`, name: `Section ${i % 5}` }, { domain: 'post_tag', nicename: `tag-${i % 50}`, name: `Tag ${i % 50}` }],
        meta: i % 10 === 0 ? { _thumbnail_id: String(100_000 + i) } : {},
      }))
    }
    for (let i = 10; i <= COUNT; i += 10) {
      fs.writeSync(fd, wxrItem({ id: 100_000 + i, type: 'attachment', attachmentUrl: `https://old.example/uploads/${i}.jpg` }))
    }
    fs.writeSync(fd, WXR_TAIL)
    fs.closeSync(fd)
    return file
  }

  it('imports 5,000 posts, with their sections, tags and late attachments', async () => {
    const file = writeLargeExport()
    const seen: ImportProgress[] = []
    const result = await importFiles({ ...ws.site, now }, [file], { onProgress: (p) => seen.push({ ...p }) })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ created: COUNT, updated: 0, skipped: [] })
    expect(seen.at(-1)).toMatchObject({ records: COUNT, created: COUNT })
    // One pass: the first posts arrive after a chunk of the file; progress never goes back, and ends full.
    const fractions = seen.map((p) => p.fraction ?? 0)
    expect(fractions[0]).toBeLessThan(0.5)
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true)
    expect(fractions.at(-1)).toBe(1)
    const count = async (table: 'articles' | 'sections' | 'tags' | 'media') => (await ws.site.db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    expect([await count('articles'), await count('sections'), await count('tags'), await count('media')]).toEqual([COUNT, 5, 50, COUNT / 10])
    expect(result.value.notes).toEqual([`${file}: ${Math.floor(COUNT / 7)} comments counted and skipped`, `${file}: ${COUNT / 10} attachments not imported as articles (used for featured pictures)`])
    const sample = await articleByKey('wxr:old.example:4990')
    expect(sample?.hero?.picture.remoteUrl).toBe('https://old.example/uploads/4990.jpg')
    expect(sample?.body.html).toContain('<figcaption>Cap 4990</figcaption>')
  }, 120_000)

  it('reads the file only as fast as items are taken', async () => {
    const source = await openWxr(writeLargeExport())
    const iterator = source.items[Symbol.asyncIterator]()
    const first = await iterator.next()
    expect(first.done).toBe(false)
    expect((first.value as SourceItem & { record: unknown }).record).toMatchObject({ headline: 'Story number 1' })
    // One pass: a chunk or two of the file has been read, not the whole of it.
    expect(source.fraction!()).toBeGreaterThan(0)
    expect(source.fraction!()).toBeLessThan(0.3)
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) { /* drain */ }
    expect(source.fraction!()).toBe(1)
  })
})
