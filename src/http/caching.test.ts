import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { saveArticle } from '../content/articles/save-article.js'
import { storePicture } from '../content/media/store-picture.js'
import { placeholderPicture } from '../images/placeholder-picture.js'
import { CACHE } from './cache-control.js'
import { chooseEncoding } from './compress.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const request = (path: string, headers: Record<string, string> = {}, method = 'GET') => site.app.request(path, { method, headers })
const body = { format: 'markdown' as const, source: 'Words enough to make a page. '.repeat(80) }

describe('ETag and Last-Modified', () => {
  it('gives pages a strong ETag and answers a matching If-None-Match with 304 and no body', async () => {
    await addArticle(site.db, { headline: 'Story', body })
    const first = await request('/story/')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    const again = await request('/story/', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(CACHE.page)
    expect((await request('/story/', { 'If-None-Match': '"something-else"' })).status).toBe(200)
    expect((await request('/story/', { 'If-None-Match': `"x", W/${etag}` })).status).toBe(304)
    expect((await request('/story/', { 'If-None-Match': etag }, 'HEAD')).status).toBe(304)
  })

  it('sends Last-Modified and honours If-Modified-Since only without If-None-Match', async () => {
    await addArticle(site.db, { headline: 'Story', body }, new Date(now.getTime() - 60_000))
    const first = await request('/story/')
    const lastModified = first.headers.get('last-modified')!
    expect(Date.parse(lastModified)).toBe(Math.floor((now.getTime() - 60_000) / 1000) * 1000)
    expect((await request('/story/', { 'If-Modified-Since': lastModified })).status).toBe(304)
    expect((await request('/story/', { 'If-Modified-Since': new Date(now.getTime() - 3_600_000).toUTCString() })).status).toBe(200)
    expect((await request('/story/', { 'If-Modified-Since': lastModified, 'If-None-Match': '"stale"' })).status).toBe(200)
  })

  it('gives feeds ETags and Last-Modified too', async () => {
    await addArticle(site.db, { headline: 'Story', body })
    for (const path of ['/rss/', '/atom/', '/feed.json', '/sitemap.xml']) {
      const first = await request(path)
      expect(first.headers.get('last-modified') ?? (path === '/sitemap.xml' ? 'n/a' : null), path).not.toBeNull()
      expect((await request(path, { 'If-None-Match': first.headers.get('etag')! })).status, path).toBe(304)
    }
  })

  it('never moves Last-Modified backwards for a backdated save', async () => {
    await addArticle(site.db, { headline: 'Today', body }, now)
    await addArticle(site.db, { headline: 'Imported from last year', body, publishedAt: new Date('2025-06-01T00:00:00Z') }, new Date('2025-06-01T00:00:00Z'))
    expect(Date.parse((await request('/')).headers.get('last-modified')!)).toBe(Math.floor(now.getTime() / 1000) * 1000)
  })

  it('does not answer 304 for 404s', async () => {
    const res = await request('/missing/', { 'If-None-Match': '*' })
    expect(res.status).toBe(404)
  })
})

describe('Cache-Control classes', () => {
  it('fits each kind of response', async () => {
    await addArticle(site.db, { headline: 'Story', body })
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('c', { width: 300, height: 200 }), {}, now)
    const cases: [string, string][] = [
      ['/', CACHE.page], ['/story/', CACHE.page], ['/robots.txt', CACHE.page], ['/sitemap.xml', CACHE.page],
      ['/rss/', CACHE.page], ['/atom/', CACHE.page], ['/feed.json', CACHE.page],
      ['/no-such-page/', CACHE.notFound], [`/media/${picture.key}`, CACHE.immutable],
    ]
    for (const [path, expected] of cases) expect((await request(path)).headers.get('cache-control'), path).toBe(expected)
    expect(CACHE.page).toMatch(/max-age=\d+, stale-while-revalidate=\d+/)
    expect(CACHE.immutable).toBe('public, max-age=31536000, immutable')
    expect(CACHE.private).toBe('private, no-store')
  })
})

describe('compression', () => {
  it('sends brotli or gzip as the client prefers, with Vary and an ETag per encoding', async () => {
    await addArticle(site.db, { headline: 'Story', body })
    const plain = await request('/story/')
    const plainText = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toContain('Accept-Encoding')

    const br = await request('/story/', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(brotliDecompressSync(brBytes).toString()).toBe(plainText)
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(plainText) / 2)

    const gz = await request('/story/', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plainText)

    const tags = new Set([plain, br, gz].map((r) => r.headers.get('etag')))
    expect(tags.size).toBe(3)
    const revalidated = await request('/story/', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('etag')! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(br.headers.get('etag'))
  })

  it('marks an answer the page cache does not keep Vary for a client without encodings, and sends it whole', async () => {
    await addArticle(site.db, { headline: 'Story', body })
    const plain = await request('/search/?q=story')
    const text = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toContain('Accept-Encoding')
    expect(text).toContain('Story')
    const br = await request('/search/?q=story', { 'Accept-Encoding': 'br' })
    expect(br.headers.get('vary')).toContain('Accept-Encoding')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text)
  })

  it('leaves pictures and tiny answers alone', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('z', { width: 300, height: 200 }), {}, now)
    expect((await request(`/media/${picture.key}`, { 'Accept-Encoding': 'br' })).headers.get('content-encoding')).toBeNull()
    expect((await request('/robots.txt', { 'Accept-Encoding': 'br' })).headers.get('content-encoding')).toBeNull()
  })

  it('negotiates by q-values', () => {
    expect(chooseEncoding('gzip, br')).toBe('br')
    expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeUndefined()
    expect(chooseEncoding('identity')).toBeUndefined()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('')).toBeUndefined()
  })
})

describe('freshness right after a change', () => {
  const save = (headline: string, extra: object) =>
    saveArticle(site.db, { headline, body, sourceKey: 'story', ...extra }, site.clock.now())

  it('shows a publish, an update and an unpublish at once, and never answers 304 with the old ETag', async () => {
    expect((await request('/story/')).status).toBe(404)
    await save('Story', { status: 'published' })
    const published = await request('/story/')
    expect(published.status).toBe(200)
    const home = await request('/')
    expect(await home.text()).toContain('Story')
    const oldTag = published.headers.get('etag')!
    const oldHomeTag = home.headers.get('etag')!

    site.clock.advance(1000)
    await save('Story, updated', { status: 'published', dek: 'New detail.' })
    const updated = await request('/story/', { 'If-None-Match': oldTag })
    expect(updated.status).toBe(200)
    expect(await updated.text()).toContain('Story, updated')
    expect((await request('/', { 'If-None-Match': oldHomeTag })).status).toBe(200)

    site.clock.advance(1000)
    await save('Story, updated', { status: 'draft' })
    expect((await request('/story/', { 'If-None-Match': updated.headers.get('etag')! })).status).toBe(404)
    expect(await (await request('/')).text()).not.toContain('Story, updated')
  })

  it('moves Last-Modified forward when a scheduled article becomes due, without any write', async () => {
    await addArticle(site.db, { headline: 'Earlier', body }, new Date(now.getTime() - 60_000))
    await saveArticle(site.db, { headline: 'Later', body, status: 'scheduled', publishedAt: new Date(now.getTime() + 60_000) }, now)
    const before = await request('/')
    const lastModified = before.headers.get('last-modified')!
    site.clock.advance(120_000)
    const after = await request('/', { 'If-Modified-Since': lastModified })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Later')
  })
})
