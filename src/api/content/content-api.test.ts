import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEWSROOM_POSTS, seedNewsroom } from '../../../test/support/newsroom.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { createApiKey, revokeApiKey } from '../keys/manage-api-keys.js'

let site: Awaited<ReturnType<typeof createTestSite>>
let seeded: Awaited<ReturnType<typeof seedNewsroom>>
let key: string

beforeAll(async () => {
  site = await createTestSite()
  seeded = await seedNewsroom(site.db, site.files)
  const created = await createApiKey(site.db, { name: 'Tests' }, new Date(TEST_NOW))
  if (!created.ok) throw new Error('no key')
  key = created.value.secret
})
afterAll(async () => { await site.close() })

/** GET a Content API path with the key added to its query. */
const get = (path: string, init: RequestInit = {}, withKey = key) =>
  site.app.request(`/ghost/api/content/${path}${path.includes('?') ? '&' : '?'}key=${withKey}`, init)
const json = async (path: string) => {
  const res = await get(path)
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200)
  return res.json() as Promise<any>
}
const errorOf = async (res: Response) => ((await res.json()) as { errors: { message: string; type: string; context: string | null }[] }).errors

describe('Content API keys', () => {
  it('answers 401 in Ghost\'s error shape for a missing, wrong, malformed or revoked key', async () => {
    const missing = await site.app.request('/ghost/api/content/posts/')
    expect(missing.status).toBe(401)
    expect(await errorOf(missing)).toEqual([expect.objectContaining({ type: 'UnauthorizedError', message: 'Authorization failed' })])
    for (const bad of ['0123456789abcdef0123456789', 'not-a-key', `${key}00`, key.toUpperCase()]) {
      const res = await get('posts/', {}, bad)
      expect(res.status, bad).toBe(401)
      expect(await errorOf(res), bad).toEqual([expect.objectContaining({ type: 'UnauthorizedError', message: 'Unknown Content API Key' })])
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
    const other = await createApiKey(site.db, { name: 'Soon revoked' }, new Date(TEST_NOW))
    if (!other.ok) throw new Error('no key')
    expect((await get('settings/', {}, other.value.secret)).status).toBe(200)
    await revokeApiKey(site.db, other.value.key.id, new Date(TEST_NOW))
    const revoked = await get('settings/', {}, other.value.secret)
    expect(revoked.status).toBe(401)
    expect((await errorOf(revoked))[0]?.message).toBe('Unknown Content API Key')
  })

  it('lets any origin read, and answers preflights without a key', async () => {
    const res = await get('posts/', { headers: { Origin: 'https://app.example' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const refused = await site.app.request('/ghost/api/content/posts/', { headers: { Origin: 'https://app.example' } })
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const preflight = await site.app.request('/ghost/api/content/posts/', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept-version' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET')
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBe('accept-version')
  })
})

describe('posts', () => {
  it('browses public posts newest first, in Ghost\'s shape with meta.pagination', async () => {
    const body = await json('posts/')
    expect(body.posts.map((p: { slug: string }) => p.slug)).toEqual(NEWSROOM_POSTS)
    expect(body.meta).toEqual({ pagination: { page: 1, limit: 15, pages: 1, total: 5, next: null, prev: null } })
    const harbour = body.posts.find((p: { slug: string }) => p.slug === 'harbour-reopens-after-the-storm')
    expect(harbour).toMatchObject({
      id: seeded.harbour.id,
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      title: 'Harbour reopens after the storm',
      html: '<p>The <strong>quay</strong> is open again.</p>\n<p>Boats are back.</p>',
      featured: true,
      visibility: 'public',
      custom_excerpt: 'Repairs took six weeks.',
      excerpt: 'Repairs took six weeks.',
      feature_image: expect.stringMatching(/^http:\/\/news\.test\/media\/pictures\/[0-9a-f]{24}\/original\.jpg$/),
      feature_image_alt: 'The quay at dawn',
      feature_image_caption: 'Open again Mara Lind',
      published_at: '2026-05-01T08:00:00.000+00:00',
      url: 'http://news.test/harbour-reopens-after-the-storm/',
      reading_time: 1,
      canonical_url: null,
      section: { id: seeded.sections.world.id, slug: 'world', name: 'World', url: 'http://news.test/section/world/' },
    })
    expect(harbour).not.toHaveProperty('plaintext')
    expect(harbour).not.toHaveProperty('tags')
    expect(body.posts.find((p: { slug: string }) => p.slug === 'ferry-timetable-changes').feature_image).toBe('https://old.example/ferry.jpg')
  })

  it('pages through with limit and page, caps limit at 100 and takes limit=all', async () => {
    const second = await json('posts/?limit=2&page=2')
    expect(second.posts.map((p: { slug: string }) => p.slug)).toEqual(NEWSROOM_POSTS.slice(2, 4))
    expect(second.meta.pagination).toEqual({ page: 2, limit: 2, pages: 3, total: 5, next: 3, prev: 1 })
    const past = await json('posts/?limit=2&page=9')
    expect(past.posts).toEqual([])
    expect(past.meta.pagination).toMatchObject({ page: 9, pages: 3, next: null, prev: 8 })
    expect((await json('posts/?limit=500')).meta.pagination.limit).toBe(100)
    const all = await json('posts/?limit=all&page=3')
    expect(all.posts).toHaveLength(5)
    expect(all.meta.pagination).toEqual({ page: 1, limit: 'all', pages: 1, total: 5, next: null, prev: null })
  })

  it('adds tags and authors with include, each with its primary one', async () => {
    const { posts: [post] } = await json('posts/slug/sport-results/?include=tags,authors')
    expect(post.tags.map((t: { slug: string }) => t.slug)).toEqual(['sport'])
    expect(post.primary_tag).toMatchObject({ slug: 'sport', url: 'http://news.test/tag/sport/', visibility: 'public' })
    expect(post.authors.map((a: { slug: string }) => a.slug)).toEqual(['jon-ek', 'mara-lind'])
    expect(post.primary_author).toMatchObject({ slug: 'jon-ek', name: 'Jon Ek', url: 'http://news.test/author/jon-ek/' })
    const { posts: [quiet] } = await json('posts/slug/quiet-day-on-the-estuary/?include=tags')
    expect(quiet).toMatchObject({ tags: [], primary_tag: null })
    expect(quiet).not.toHaveProperty('authors')
  })

  it('gives only the asked fields, and the formats asked', async () => {
    const { posts } = await json('posts/?fields=title,slug,nonsense&limit=1')
    expect(posts).toEqual([{ title: 'Tide tables for June', slug: 'tide-tables-for-june' }])
    const { posts: [both] } = await json('posts/slug/sport-results/?formats=html,plaintext')
    expect(both).toMatchObject({ html: '<p>Body of Sport results.</p>', plaintext: 'Body of Sport results.' })
    const { posts: [plain] } = await json('posts/slug/sport-results/?formats=plaintext')
    expect(plain).toHaveProperty('plaintext')
    expect(plain).not.toHaveProperty('html')
    const { posts: [withTags] } = await json('posts/slug/sport-results/?fields=title&include=tags')
    expect(Object.keys(withTags)).toEqual(['title', 'tags', 'primary_tag'])
  })

  it('filters with NQL and orders by allowed fields', async () => {
    const slugs = async (query: string) => (await json(`posts/?${query}`)).posts.map((p: { slug: string }) => p.slug)
    expect(await slugs('filter=tag:news')).toEqual(['tide-tables-for-june', 'ferry-timetable-changes', 'harbour-reopens-after-the-storm'])
    expect(await slugs(`filter=${encodeURIComponent("featured:true+published_at:>'2026-04-15'")}`)).toEqual(['harbour-reopens-after-the-storm'])
    expect(await slugs(`filter=${encodeURIComponent('author:mara-lind+tag:-[tide,sport]')}`)).toEqual(['ferry-timetable-changes'])
    expect(await slugs('filter=custom_excerpt:-null')).toEqual(['harbour-reopens-after-the-storm'])
    expect(await slugs('order=title%20asc&limit=2')).toEqual(['ferry-timetable-changes', 'harbour-reopens-after-the-storm'])
    expect(await slugs('order=published_at%20asc&limit=1')).toEqual(['quiet-day-on-the-estuary'])
  })

  it('reads by id and by slug, and answers 404 for drafts, posts not yet due, pages and unknown ids', async () => {
    expect((await json(`posts/${seeded.harbour.id}/`)).posts[0].slug).toBe('harbour-reopens-after-the-storm')
    const read = await json('posts/slug/sport-results/')
    expect(read.posts).toHaveLength(1)
    expect(read).not.toHaveProperty('meta')
    for (const path of [`posts/${seeded.draft.id}/`, `posts/slug/${seeded.draft.slug}/`, `posts/slug/${seeded.scheduled.slug}/`, `posts/slug/${seeded.about.slug}/`, 'posts/000000000000000000000000/']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(await errorOf(res), path).toEqual([expect.objectContaining({ type: 'NotFoundError', message: 'Post not found.' })])
    }
  })

  it('gives the plain newest-first list (read from the kept front-page list) as the same list ordered in full', async () => {
    for (const at of [TEST_NOW, '2026-06-10T08:00:01Z']) {
      site.clock.set(at)
      try {
        for (const page of [1, 2, 3, 4]) {
          const plain = await json(`posts/?limit=2&page=${page}&fields=id`)
          const ordered = await json(`posts/?limit=2&page=${page}&fields=id&order=${encodeURIComponent('published_at desc, id desc')}`)
          expect(plain, `page ${page} at ${at}`).toEqual(ordered)
        }
      } finally {
        site.clock.set(TEST_NOW)
      }
    }
  })

  it('shows a scheduled post once its time has come, without any job running', async () => {
    site.clock.set('2026-06-10T08:00:01Z')
    try {
      expect((await json('posts/?limit=1')).posts[0].slug).toBe(seeded.scheduled.slug)
    } finally {
      site.clock.set(TEST_NOW)
    }
    expect((await json('posts/?limit=1')).posts[0].slug).toBe('tide-tables-for-june')
  })
})

describe('pages, tags, authors and settings', () => {
  it('lists and reads pages apart from posts', async () => {
    const { pages, meta } = await json('pages/?include=authors')
    expect(pages.map((p: { slug: string }) => p.slug)).toEqual(['about-us'])
    expect(pages[0]).toMatchObject({ title: 'About us', url: 'http://news.test/about-us/', primary_author: { slug: 'mara-lind' } })
    expect(meta.pagination.total).toBe(1)
    expect((await json('pages/slug/about-us/')).pages[0].id).toBe(seeded.about.id)
    expect((await get('pages/slug/sport-results/')).status).toBe(404)
  })

  it('lists tags by name with post counts, and reads one by slug or id', async () => {
    const { tags } = await json('tags/?include=count.posts')
    expect(tags.map((t: { slug: string; count: { posts: number } }) => [t.slug, t.count.posts])).toEqual([['news', 3], ['sport', 1], ['tide', 2]])
    expect(tags[0]).toMatchObject({ name: 'News', description: 'What happened today.', url: 'http://news.test/tag/news/', visibility: 'public' })
    expect((await json('tags/slug/tide/')).tags[0].id).toBe(seeded.tags.tide.id)
    expect((await json(`tags/${seeded.tags.news.id}/`)).tags[0].slug).toBe('news')
    expect((await json('tags/?filter=slug:[tide,sport]&fields=slug')).tags).toEqual([{ slug: 'sport' }, { slug: 'tide' }])
    const missing = await get('tags/slug/nope/')
    expect(missing.status).toBe(404)
    expect((await errorOf(missing))[0]?.message).toBe('Tag not found.')
  })

  it('lists authors with their bios and post counts', async () => {
    const { authors, meta } = await json('authors/?include=count.posts&limit=1&page=2')
    expect(authors).toEqual([expect.objectContaining({ slug: 'mara-lind', name: 'Mara Lind', bio: 'Harbour reporter.', url: 'http://news.test/author/mara-lind/', count: { posts: 3 } })])
    expect(meta.pagination).toEqual({ page: 2, limit: 1, pages: 2, total: 2, next: null, prev: 1 })
    expect((await json('authors/slug/jon-ek/')).authors[0]).toMatchObject({ id: seeded.people.jon.id, bio: null })
    expect((await get('authors/slug/nope/')).status).toBe(404)
  })

  it('gives the settings in Ghost\'s shape, with sections as navigation', async () => {
    const { settings } = await json('settings/')
    expect(settings).toMatchObject({
      title: 'The Alder Gazette',
      description: 'News from the estuary',
      lang: 'en-GB',
      timezone: 'Etc/UTC',
      icon: 'http://news.test/icon.png',
      url: 'http://news.test/',
      navigation: [
        { label: 'Home', url: 'http://news.test/' },
        { label: 'World', url: 'http://news.test/section/world/' },
        { label: 'Sport', url: 'http://news.test/section/sport/' },
      ],
    })
  })
})

describe('errors and HTTP details', () => {
  it('refuses unknown filter fields (400, naming the field), bad syntax (400), bad paging (422) and unknown order fields (400)', async () => {
    const unknown = await get('posts/?filter=authors.email:x')
    expect(unknown.status).toBe(400)
    expect(await errorOf(unknown)).toEqual([expect.objectContaining({ type: 'BadRequestError', message: 'Unknown filter field "authors.email".' })])
    const syntax = await get('posts/?filter=tag:')
    expect(syntax.status).toBe(400)
    expect((await errorOf(syntax))[0]).toMatchObject({ type: 'BadRequestError', message: 'Error parsing filter', context: expect.stringMatching(/char/) })
    const value = await get('posts/?filter=featured:perhaps')
    expect(value.status).toBe(400)
    expect((await errorOf(value))[0]?.message).toMatch(/featured/)
    for (const query of ['limit=0', 'limit=ten', 'page=0', 'page=-1']) {
      const res = await get(`posts/?${query}`)
      expect(res.status, query).toBe(422)
      expect((await errorOf(res))[0]?.type, query).toBe('ValidationError')
    }
    const order = await get('posts/?order=body_source%20asc')
    expect(order.status).toBe(400)
    expect((await errorOf(order))[0]?.message).toContain('body_source')
  })

  it('answers unknown resources and other methods with a JSON 404', async () => {
    for (const [path, method] of [['members/', 'GET'], ['posts/extra/path/', 'GET'], ['posts/', 'POST'], ['posts/', 'DELETE']] as const) {
      const res = await get(path, { method })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect((await errorOf(res))[0]?.type).toBe('NotFoundError')
    }
  })

  it('works without the trailing slash too', async () => {
    expect((await get('posts')).status).toBe(200)
    expect((await get('posts/slug/sport-results')).status).toBe(200)
    expect((await get('settings')).status).toBe(200)
  })

  it('is revalidated on every use with an ETag, and never kept by the page cache', async () => {
    const first = await get('posts/?limit=1')
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
    const etag = first.headers.get('ETag')
    expect(etag).toBeTruthy()
    expect((await get('posts/?limit=1', { headers: { 'If-None-Match': etag! } })).status).toBe(304)
    const temporary = await createApiKey(site.db, { name: 'Cache check' }, new Date(TEST_NOW))
    if (!temporary.ok) throw new Error('no key')
    expect((await get('settings/', {}, temporary.value.secret)).status).toBe(200)
    await revokeApiKey(site.db, temporary.value.key.id, new Date(TEST_NOW))
    expect((await get('settings/', { headers: { 'If-None-Match': etag! } }, temporary.value.secret)).status).toBe(401)
  })
})
