import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveArticle } from '../../src/content/articles/save-article.js'
import { silentLog } from '../../src/core/log.js'
import { createWebApp } from '../../src/http/app.js'
import { createNodeServer } from '../../src/http/node-server.js'
import { listen, parseHead, rawRequest } from '../support/raw-http.js'
import { addArticle, createTestSite, TEST_NOW } from '../support/test-site.js'

const ORIGIN = 'http://news.test'
const now = new Date(TEST_NOW)

/** Request targets that try to make a redirect leave the site or inject a header. */
const TARGETS = [
  '//evil.example', '//evil.example/', '///evil.example', '////evil.example', '/\\evil.example', '/\\\\evil.example',
  '/%2F%2Fevil.example', '/%2f/evil.example', '/%5C%5Cevil.example', '/%5cevil.example', '/\t/evil.example',
  '/%09/evil.example', '/.//evil.example', '/./%2F/evil.example', '//evil.example/page/1/', '/section/x/page/1/?next=//evil.example',
  '/old-path%0d%0aSet-Cookie:%20injected=1', '/old-path%0aLocation:%20http://evil.example', '/https://evil.example',
  '/http:evil.example', '/@evil.example', '/old\u3002evil.example', '/%E5%98%8A%E5%98%8DSet-Cookie:injected=1',
  '/?p=1%0d%0aSet-Cookie:injected=1', '/page/1/', '/hostile/',
]

describe('redirects stay on the site and cannot carry a header', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let server: Awaited<ReturnType<typeof listen>>

  beforeAll(async () => {
    site = await createTestSite()
    const article = await addArticle(site.db, { headline: 'Harbour report' })
    // Old URLs, as an import would store them, leading to the article.
    for (const fromPath of ['/old-path/', '/?p=1', '/hostile/']) {
      await site.db.insertInto('redirects').values({ fromPath, articleId: article.id, createdAt: TEST_NOW }).execute()
    }
    // An article whose slug got into the database by some other way than saveArticle
    // (a hand-edited database): the redirect must still point at this site.
    const hostile = await addArticle(site.db, { headline: 'Hostile' })
    await site.db.updateTable('articles').set({ slug: '/\\evil.example\r\nSet-Cookie: injected=1' }).where('id', '=', hostile.id).execute()
    await site.db.updateTable('redirects').set({ articleId: hostile.id }).where('fromPath', '=', '/hostile/').execute()
    const web = createWebApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: ORIGIN })
    server = await listen(createNodeServer(web.app, web.cache))
  })
  afterAll(async () => {
    await server.stop()
    await site.close()
  })

  it('sends an old URL on to its article (the control)', async () => {
    const { response } = await rawRequest(server.port, 'GET /old-path/ HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n')
    const head = parseHead(response)
    expect(head.status).toBe(301)
    expect(head.headers).toContainEqual(['location', '/harbour-report/'])
    // The hostile slug is sent percent-encoded: one path segment, no line break, no other host.
    const hostile = parseHead((await rawRequest(server.port, 'GET /hostile/ HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n')).response)
    expect(hostile.status).toBe(301)
    expect(hostile.headers).toContainEqual(['location', '/%2F%5Cevil.example%0D%0ASet-Cookie%3A%20injected%3D1/'])
  })

  it.each(TARGETS)('%s: any redirect goes to a path on this site, and no header is injected', async (target) => {
    const { response } = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n`)
    const head = parseHead(response)
    expect(head.headers.map(([name]) => name)).not.toContain('set-cookie')
    const locations = head.headers.filter(([name]) => name === 'location').map(([, value]) => value)
    expect(locations.length).toBeLessThanOrEqual(1)
    if (head.status >= 300 && head.status < 400) {
      const location = locations[0]!
      expect(location).toMatch(/^\/(?![/\\])/)
      expect(new URL(location, `${ORIGIN}/`).origin).toBe(ORIGIN)
      expect(location).not.toMatch(/[\r\n\t]/)
    }
  })

  it('a slug with a line break, a slash or a scheme cannot be saved', async () => {
    for (const slug of ['a\r\nSet-Cookie: x=1', '//evil.example', '/\\evil.example', 'https://evil.example', 'a%0d%0ab', '..', 'a/b']) {
      const saved = await saveArticle(site.db, { headline: 'Slug test', slug, body: { format: 'markdown', source: 'x' } }, now)
      if (saved.ok) expect(saved.value.article.slug).toMatch(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u)
    }
    const fromHeadline = await saveArticle(site.db, { headline: 'Line\r\nSet-Cookie: x=1 //evil.example', body: { format: 'markdown', source: 'x' } }, now)
    expect(fromHeadline.ok && fromHeadline.value.article.slug).toBe('line-set-cookie-x-1-evil-example')
  })
})
