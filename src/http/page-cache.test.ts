import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { addArticle, TEST_NOW, TEST_SITE_URL } from '../../test/support/test-site.js'
import { deleteArticle } from '../content/articles/delete-article.js'
import { saveArticle } from '../content/articles/save-article.js'
import { ensurePerson, updatePerson } from '../content/people/person.repo.js'
import { ensureSection, updateSection } from '../content/sections/section.repo.js'
import { writeSettings } from '../content/settings/settings.repo.js'
import { ensureTag, updateTag } from '../content/tags/tag.repo.js'
import { fixedClock } from '../core/clock.js'
import { silentLog } from '../core/log.js'
import type { Db } from '../storage/connect.js'
import { memoryFileStore } from '../storage/files/local-file-store.js'
import { migrateToLatest } from '../storage/migrate.js'
import { createApp, createWebApp } from './app.js'
import { connectToDataDir } from '../../test/support/test-database.js'

const now = new Date(TEST_NOW)
let dir: string
let db: Db
let clock: ReturnType<typeof fixedClock>
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  // A file database, so a second connection (another process, in effect) can write to it.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-cache-'))
  db = connectToDataDir(dir)
  await migrateToLatest(db)
  clock = fixedClock(TEST_NOW)
  app = createApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
})
afterEach(async () => {
  await db.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

const page = async (p: string) => {
  const res = await app.request(p)
  return { status: res.status, text: await res.text(), headers: res.headers }
}

async function newsroom() {
  const section = await ensureSection(db, { name: 'Harbour' }, now)
  const tag = await ensureTag(db, { name: 'Ferries' }, now)
  const person = await ensurePerson(db, { name: 'Ana Reyes' }, now)
  const article = await addArticle(db, { headline: 'Ferry timetable changes', sectionId: section.id, tagIds: [tag.id], authorIds: [person.id], sourceKey: 'k' }, now)
  return { section, tag, person, article }
}

/** A request for the article of `newsroom()` that the cache answers: its first hit, which compresses the brotli copy again. */
const firstHit = (cachedApp: ReturnType<typeof createApp>) => cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })

describe('page cache', () => {
  it('answers a repeated request from memory, precompressed, with the same ETag', async () => {
    await newsroom()
    const first = await app.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })
    const second = await app.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })
    expect(second.headers.get('content-encoding')).toBe('br')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    const plain = await (await app.request('/ferry-timetable-changes/')).text()
    expect(brotliDecompressSync(Buffer.from(await second.arrayBuffer())).toString()).toBe(plain)
    const revalidated = await app.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.get('etag')! } })
    expect(revalidated.status).toBe(304)
    expect((await app.request('/ferry-timetable-changes/', { method: 'HEAD' })).status).toBe(200)
  })

  it('keeps a page rendered at a quick brotli quality, and compresses it again, smaller, on its first hit only', async () => {
    await newsroom()
    const { app: cachedApp, cache } = createWebApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
    const brotli = async () => Buffer.from(await (await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })).arrayBuffer())
    const rendered = await brotli()
    const whenRendered = cache!.bytes()
    const hit = await brotli()
    expect(brotliDecompressSync(hit).toString()).toBe(brotliDecompressSync(rendered).toString())
    expect(hit.length).toBeLessThan(rendered.length)
    expect(cache!.bytes()).toBe(whenRendered - (rendered.length - hit.length))
    // Once: later hits get the same bytes, and the count stays.
    expect((await brotli()).equals(hit)).toBe(true)
    expect(cache!.bytes()).toBe(whenRendered - (rendered.length - hit.length))
    // The socket fast path's first hit refines too, before it makes a head with the length in it.
    await cachedApp.request('/', { headers: { 'Accept-Encoding': 'br' } })
    const home = cache!.rawAnswer('/', { acceptEncoding: 'br' })!
    expect(home.head.toString('latin1')).toContain(`Content-Length: ${home.body!.length}\r\n`)
    expect((await cachedApp.request('/', { headers: { 'Accept-Encoding': 'br' } })).headers.get('content-length')).toBe(String(home.body!.length))
  })

  it('keeps only the compressed copies of a page until a client that takes no encoding asks for the page itself, then keeps that too, counted', async () => {
    await newsroom()
    const { app: cachedApp, cache } = createWebApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
    const uncached = await (await createApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL }, { cache: false })
      .request('/ferry-timetable-changes/')).text()
    await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'gzip' } })
    await firstHit(cachedApp)
    // The two compressed copies and a little bookkeeping: less than the page itself.
    const compressedOnly = cache!.bytes()
    expect(compressedOnly).toBeLessThan(Buffer.byteLength(uncached))
    const gzip = await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(uncached)
    expect(cache!.bytes()).toBe(compressedOnly)
    for (let i = 0; i < 2; i++) {
      const plain = await cachedApp.request('/ferry-timetable-changes/')
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(await plain.text()).toBe(uncached)
      // Made once from the brotli copy, then kept and counted.
      expect(cache!.bytes()).toBe(compressedOnly + Buffer.byteLength(uncached))
    }
  })

  it('keeps one brotli copy of a page rendered for a client that takes no encoding, and makes the page itself and the gzip copy from it when first asked for, then keeps them, counted', async () => {
    await newsroom()
    const { app: cachedApp, cache } = createWebApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
    const uncached = await (await createApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL }, { cache: false })
      .request('/ferry-timetable-changes/')).text()
    expect(await (await cachedApp.request('/ferry-timetable-changes/')).text()).toBe(uncached)
    await firstHit(cachedApp)
    // The brotli copy and a little bookkeeping, not the page that was rendered and sent.
    const brotliOnly = cache!.bytes()
    expect(brotliOnly).toBeLessThan(Buffer.byteLength(uncached) / 2)
    for (let i = 0; i < 2; i++) {
      expect(await (await cachedApp.request('/ferry-timetable-changes/')).text()).toBe(uncached)
      expect(cache!.bytes()).toBe(brotliOnly + Buffer.byteLength(uncached))
    }
    for (let i = 0; i < 2; i++) {
      const gzip = Buffer.from(await (await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer())
      expect(gunzipSync(gzip).toString()).toBe(uncached)
      expect(cache!.bytes()).toBe(brotliOnly + Buffer.byteLength(uncached) + gzip.length)
    }
    const br = await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(uncached)
  })

  it('counts the heads made for the socket fast path, and what it keeps with them, within its limit', async () => {
    await newsroom()
    const second = await addArticle(db, { headline: 'Second story' }, now)
    const { app: cachedApp, cache } = createWebApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL })
    await cachedApp.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })
    await firstHit(cachedApp)
    const pageOnly = cache!.bytes()
    const answer = cache!.rawAnswer('/ferry-timetable-changes/', { acceptEncoding: 'br' })!
    expect(cache!.bytes()).toBe(pageOnly + answer.head.length)
    cache!.rawAnswer('/ferry-timetable-changes/', { acceptEncoding: 'br' })
    expect(cache!.bytes()).toBe(pageOnly + answer.head.length)
    cache!.countHeld(answer.head, 5000)
    expect(cache!.bytes()).toBe(pageOnly + answer.head.length + 5000)

    // Past the limit, what is kept for the newest page pushes out the oldest.
    const small = createWebApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL }, { cacheBytes: 3 * pageOnly })
    await small.app.request('/ferry-timetable-changes/', { headers: { 'Accept-Encoding': 'br' } })
    await small.app.request(`/${second.slug}/`, { headers: { 'Accept-Encoding': 'br' } })
    const head = small.cache!.rawAnswer(`/${second.slug}/`, { acceptEncoding: 'br' })!.head
    expect(small.cache!.rawAnswer('/ferry-timetable-changes/', { acceptEncoding: 'br' })).toBeDefined()
    small.cache!.countHeld(head, 2 * pageOnly)
    expect(small.cache!.rawAnswer('/ferry-timetable-changes/', { acceptEncoding: 'br' })).toBeUndefined()
    expect(small.cache!.rawAnswer(`/${second.slug}/`, { acceptEncoding: 'br' })).toBeDefined()
  })

  it('really answers from memory: a change made behind the use cases goes unseen', async () => {
    await newsroom()
    expect((await page('/ferry-timetable-changes/')).text).toContain('<h1>Ferry timetable changes</h1>')
    await db.updateTable('articles').set({ headline: 'Changed behind its back' }).execute()
    expect((await page('/ferry-timetable-changes/')).text).toContain('<h1>Ferry timetable changes</h1>')
    const uncached = createApp({ db, files: memoryFileStore(), clock, log: silentLog, siteUrl: TEST_SITE_URL }, { cache: false })
    expect(await (await uncached.request('/ferry-timetable-changes/')).text()).toContain('<h1>Changed behind its back</h1>')
  })

  it('is never stale after a publish, update, unpublish or delete', async () => {
    const { article } = await newsroom()
    expect((await page('/')).text).toContain('Ferry timetable changes')
    await addArticle(db, { headline: 'Second story' }, now)
    expect((await page('/')).text).toContain('Second story')
    await saveArticle(db, { headline: 'Ferry timetable changes again', body: { format: 'markdown', source: 'Updated text.' }, status: 'published', sourceKey: 'k' }, now)
    expect((await page('/ferry-timetable-changes/')).text).toContain('Updated text.')
    expect((await page('/')).text).toContain('Ferry timetable changes again')
    await saveArticle(db, { headline: 'Ferry timetable changes again', body: { format: 'markdown', source: 'x' }, status: 'draft', sourceKey: 'k' }, now)
    expect((await page('/ferry-timetable-changes/')).status).toBe(404)
    expect((await page('/')).text).not.toContain('Ferry timetable changes again')
    await page('/second-story/')
    const second = (await db.selectFrom('articles').select('id').where('slug', '=', 'second-story').executeTakeFirstOrThrow()).id
    expect(await deleteArticle(db, second, now)).toBe(true)
    expect((await page('/second-story/')).status).toBe(404)
    expect((await page('/')).text).not.toContain('Second story')
    expect(article.slug).toBe('ferry-timetable-changes')
  })

  it('is never stale after a section, tag, author or setting the page shows changes', async () => {
    const { section, tag, person } = await newsroom()
    const url = '/ferry-timetable-changes/'
    expect((await page(url)).text).toContain('Harbour')
    await updateSection(db, section.id, { name: 'Waterfront' }, now)
    expect((await page(url)).text).toContain('>Waterfront<')
    await updateTag(db, tag.id, { name: 'Boats' }, now)
    expect((await page(url)).text).toContain('>Boats<')
    await updatePerson(db, person.id, { name: 'Ana Reyes-Moreno' }, now)
    expect((await page(url)).text).toContain('Ana Reyes-Moreno')
    await writeSettings(db, { title: 'The Quay Gazette' }, now)
    expect((await page(url)).text).toContain('The Quay Gazette')
  })

  it('sees changes written by another process through the same database', async () => {
    await newsroom()
    expect((await page('/')).text).not.toContain('Written elsewhere')
    const other = connectToDataDir(dir)
    try {
      await addArticle(other, { headline: 'Written elsewhere' }, now)
    } finally {
      await other.destroy()
    }
    expect((await page('/')).text).toContain('Written elsewhere')
  })

  it('shows a scheduled article the moment it falls due', async () => {
    await newsroom()
    await saveArticle(db, { headline: 'At noon', body: { format: 'markdown', source: 'x' }, status: 'scheduled', publishedAt: new Date(now.getTime() + 60_000) }, now)
    expect((await page('/')).text).not.toContain('At noon')
    clock.advance(61_000)
    expect((await page('/')).text).toContain('At noon')
  })

  it('does not keep 404s, searches or pages with a query', async () => {
    await newsroom()
    expect((await page('/later-story/')).status).toBe(404)
    await addArticle(db, { headline: 'Later story' }, now)
    expect((await page('/later-story/')).status).toBe(200)
    expect((await page('/search/?q=ferry')).text).toContain('timetable changes')
  })
})
