import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import type { GhostAPI, GhostContentAPIOptions } from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey, revokeApiKey } from '../../src/api/keys/manage-api-keys.js'
import { runCli, startServer } from '../support/cli.js'
import { NEWSROOM_POSTS, seedNewsroom } from '../support/newsroom.js'
import { hasBuild } from '../support/requirements.js'
import { createTestSite, TEST_NOW } from '../support/test-site.js'

/**
 * The official client, unchanged. It is CommonJS exporting the function itself, which its
 * types describe as an ES default export, so it is loaded with require.
 */
const GhostContentAPI: (options: GhostContentAPIOptions) => GhostAPI = createRequire(import.meta.url)('@tryghost/content-api')

/** What the official client throws for an API error: an Error named after Ghost's error type. */
async function clientError(request: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await request
  } catch (error) {
    const e = error as Error & { response?: { status: number } }
    return { name: e.name, message: e.message, status: e.response?.status }
  }
  throw new Error('the request succeeded')
}

/** Starts a real HTTP server on a free port over the app, and stops it afterwards. */
async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => { server.close(() => done()) }),
      })
    })
  })
}

describe('the official @tryghost/content-api client against a live Masthead', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let seeded: Awaited<ReturnType<typeof seedNewsroom>>
  let server: Awaited<ReturnType<typeof listen>>
  let api: GhostAPI
  let keyId: string
  let secret: string

  beforeAll(async () => {
    site = await createTestSite()
    seeded = await seedNewsroom(site.db, site.files)
    const created = await createApiKey(site.db, { name: 'Official client' }, new Date(TEST_NOW))
    if (!created.ok) throw new Error('no key')
    ;({ key: { id: keyId }, secret } = created.value)
    server = await listen(site.app.fetch)
    api = GhostContentAPI({ url: server.url, key: secret, version: 'v5.0' })
  })
  afterAll(async () => {
    await server.close()
    await site.close()
  })

  it('browses posts with include, and pages through them', async () => {
    const posts = await api.posts.browse({ include: ['tags', 'authors'] })
    expect(posts.map((p) => p.slug)).toEqual(NEWSROOM_POSTS)
    expect(posts.meta.pagination).toEqual({ page: 1, limit: 15, pages: 1, total: 5, next: null, prev: null })
    const harbour = posts.find((p) => p.slug === 'harbour-reopens-after-the-storm')!
    expect(harbour).toMatchObject({ title: 'Harbour reopens after the storm', featured: true, primary_tag: { slug: 'news' }, primary_author: { slug: 'mara-lind' } })
    expect(harbour.tags?.map((t) => t.slug)).toEqual(['news', 'tide'])

    const second = await api.posts.browse({ limit: 2, page: 2 })
    expect(second.map((p) => p.slug)).toEqual(NEWSROOM_POSTS.slice(2, 4))
    expect(second.meta.pagination).toEqual({ page: 2, limit: 2, pages: 3, total: 5, next: 3, prev: 1 })
  })

  it('filters with NQL, and takes fields and formats', async () => {
    const slugs = async (filter: string) => (await api.posts.browse({ filter })).map((p) => p.slug)
    expect(await slugs('tag:news')).toEqual(['tide-tables-for-june', 'ferry-timetable-changes', 'harbour-reopens-after-the-storm'])
    expect(await slugs('author:jon-ek')).toEqual(['tide-tables-for-june', 'sport-results'])
    expect(await slugs('featured:true')).toEqual(['harbour-reopens-after-the-storm'])
    expect(await slugs("published_at:>'2026-05-15'")).toEqual(['tide-tables-for-june', 'sport-results'])
    expect(await slugs('tag:news+author:mara-lind')).toEqual(['ferry-timetable-changes', 'harbour-reopens-after-the-storm'])
    expect(await slugs('tag:sport,featured:true')).toEqual(['sport-results', 'harbour-reopens-after-the-storm'])
    expect(await slugs('tag:-news')).toEqual(['sport-results', 'quiet-day-on-the-estuary'])
    expect(await slugs('tag:[sport,tide]')).toEqual(['tide-tables-for-june', 'sport-results', 'harbour-reopens-after-the-storm'])

    const fielded = await api.posts.browse({ fields: ['title', 'url'], limit: 1 })
    expect(fielded[0]).toEqual({ title: 'Tide tables for June', url: 'http://news.test/tide-tables-for-june/' })
    const formatted = await api.posts.read({ slug: 'sport-results' }, { formats: ['html', 'plaintext'] })
    expect(formatted).toMatchObject({ html: '<p>Body of Sport results.</p>', plaintext: 'Body of Sport results.' })
  })

  it('reads posts by slug and by id', async () => {
    const bySlug = await api.posts.read({ slug: 'harbour-reopens-after-the-storm' }, { include: ['tags'] })
    expect(bySlug).toMatchObject({ id: seeded.harbour.id, primary_tag: { slug: 'news' } })
    expect((await api.posts.read({ id: seeded.harbour.id })).slug).toBe('harbour-reopens-after-the-storm')
    expect(await clientError(api.posts.read({ slug: seeded.draft.slug }))).toEqual({ name: 'NotFoundError', message: 'Post not found.', status: 404 })
  })

  it('browses and reads pages, tags and authors', async () => {
    const pages = await api.pages.browse()
    expect(pages.map((p) => p.slug)).toEqual(['about-us'])
    expect((await api.pages.read({ slug: 'about-us' })).title).toBe('About us')

    const tags = await api.tags.browse({ include: 'count.posts' })
    expect(tags.map((t) => [t.slug, t.count?.posts])).toEqual([['news', 3], ['sport', 1], ['tide', 2]])
    expect((await api.tags.read({ slug: 'tide' })).name).toBe('Tide')

    const authors = await api.authors.browse({ limit: 1 })
    expect(authors.map((a) => a.slug)).toEqual(['jon-ek'])
    expect(authors.meta.pagination).toMatchObject({ total: 2, pages: 2, next: 2 })
    expect(await api.authors.read({ slug: 'mara-lind' })).toMatchObject({ name: 'Mara Lind', bio: 'Harbour reporter.' })
  })

  it('reads the settings', async () => {
    const settings = await api.settings.browse()
    expect(settings).toMatchObject({ title: 'The Alder Gazette', description: 'News from the estuary', lang: 'en-GB', url: 'http://news.test/' })
    expect(settings.navigation?.map((n) => n.label)).toEqual(['Home', 'World', 'Sport'])
  })

  it('gets Ghost\'s errors for a bad filter', async () => {
    expect(await clientError(api.posts.browse({ filter: 'authors.password:x' }))).toMatchObject({ name: 'BadRequestError', status: 400, message: 'Unknown filter field "authors.password".' })
  })

  it('is refused with a wrong key, a revoked key or no key at all (401)', async () => {
    const wrong = GhostContentAPI({ url: server.url, key: '0123456789abcdef0123456789', version: 'v5.0' })
    expect(await clientError(wrong.posts.browse())).toEqual({ name: 'UnauthorizedError', message: 'Unknown Content API Key', status: 401 })
    const missing = await fetch(`${server.url}/ghost/api/content/posts/`, { headers: { 'Accept-Version': 'v5.0' } })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ errors: [{ type: 'UnauthorizedError' }] })

    await revokeApiKey(site.db, keyId, new Date(TEST_NOW))
    expect(await clientError(api.settings.browse())).toEqual({ name: 'UnauthorizedError', message: 'Unknown Content API Key', status: 401 })
  })
})

describe.runIf(hasBuild())('masthead api-key with `masthead serve`', () => {
  let dir: string
  const env = () => ({ MASTHEAD_DATA_DIR: path.join(dir, 'data') })
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-api-key-')) })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('adds a key that opens the API, lists it, and revokes it so the API refuses it', async () => {
    // Two imported articles rather than the demo newspaper: drawing its pictures is slow on a busy machine.
    const files = ['Harbour wall repaired', 'Ferry returns to the estuary'].map((headline, i) => {
      const file = path.join(dir, `story-${i}.txt`)
      fs.writeFileSync(file, `${headline}\n\n· 1 min read\n\nA picture\n\nA paragraph of the story.\n`)
      return file
    })
    expect(runCli(['import', ...files], env()).status).toBe(0)
    const added = runCli(['api-key', 'add', '--name', 'Mobile app'], env())
    expect(added.status, added.stderr).toBe(0)
    const secret = added.stdout.match(/^([0-9a-f]{26})$/m)?.[1]
    const id = added.stdout.match(/\(id ([0-9a-f]{24})\)/)?.[1]
    expect(secret && id, added.stdout).toBeTruthy()

    const server = await startServer({ ...env(), MASTHEAD_DEMO: '0' })
    try {
      const api = GhostContentAPI({ url: server.url, key: secret!, version: 'v5.0' })
      const posts = await api.posts.browse({ limit: 1, include: ['tags', 'authors'] })
      expect(posts.map((p) => p.title)).toHaveLength(1)
      expect(posts.meta.pagination).toMatchObject({ total: 2, pages: 2, next: 2 })
      expect((await api.posts.read({ slug: 'harbour-wall-repaired' })).url).toBe(`${server.url}/harbour-wall-repaired/`)

      const listed = runCli(['api-key', 'list'], env())
      expect(listed.stdout).toMatch(new RegExp(`^${id}  ${secret!.slice(0, 6)}…  content  active  .* last used .*Mobile app$`, 'm'))
      expect(listed.stdout).not.toContain(secret)

      const revoked = runCli(['api-key', 'revoke', id!], env())
      expect(revoked.status, revoked.stderr).toBe(0)
      expect(await clientError(api.posts.browse())).toMatchObject({ name: 'UnauthorizedError', status: 401 })
      expect(runCli(['api-key', 'list'], env()).stdout).toMatch(/ revoked \d{4}-/)
      expect(runCli(['api-key', 'revoke', id!], env()).status).toBe(1)
      expect(runCli(['api-key', 'revoke', 'nope'], env())).toMatchObject({ status: 1, stderr: expect.stringContaining('no key with id nope') })
      expect(runCli(['api-key', 'add'], env()).status).toBe(2)
      expect(runCli(['api-key', 'add', '--name', 'X', '--kind', 'admin'], env()).status).toBe(2)

      // An integration's write key opens the write API, not the Content API.
      const write = runCli(['api-key', 'add', '--name', 'Wire desk', '--kind', 'write'], env())
      expect(write.status, write.stderr).toBe(0)
      const writeKey = write.stdout.match(/^(mh_[0-9a-f]{40})$/m)?.[1]
      expect(writeKey, write.stdout).toBeTruthy()
      const created = await fetch(`${server.url}/api/v1/articles`, {
        method: 'POST', headers: { Authorization: `Bearer ${writeKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ headline: 'Wire copy', body: { format: 'markdown', source: 'From the wire.' } }),
      })
      expect(created.status).toBe(201)
      expect((await fetch(`${server.url}/ghost/api/content/posts/?key=${writeKey}`)).status).toBe(401)
    } finally {
      await server.stop()
    }
  }, 120_000)
})
