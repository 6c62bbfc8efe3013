import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWorkspace } from '../../../test/support/import-workspace.js'
import { TEST_NOW } from '../../../test/support/test-site.js'
import { findArticleById, findArticleIdBySourceKey } from '../../content/articles/article.repo.js'
import { importFiles } from '../import-files.js'

const ws = importWorkspace('mh-ghost1-')
const now = new Date(TEST_NOW)

/** A Ghost 1 export: `{ meta, data }` at the top, numeric ids, `page: true`, `author_id`, times in ms. */
const v1Export = (settings: { key: string; value: string }[] = []) => ({
  meta: { exported_on: 1500000000000, version: '1.0.0' },
  data: {
    posts: [
      { id: 1, title: 'About us', slug: 'about-us', html: null, plaintext: 'We are a <small> newsroom.\n\nWrite to us.', page: true,
        status: 'published', author_id: 2, published_at: 1400000000000, created_at: 1399000000000, updated_at: 1401000000000,
        feature_image: '/content/images/2017/about.jpg', meta_description: 'Who we are' },
      { id: 2, title: 'Harbour plans', slug: 'harbour', html: '<p>See <a href="__GHOST_URL__/about-us/">us</a>.</p><img src="/content/images/a.jpg">', page: 0,
        status: 'draft', author_id: 1, published_at: null, created_at: '2017-07-14 02:40:00', updated_at: '2017-07-14 02:41:00', language: 'en_GB' },
      { id: 3, title: 'Weekly letter', slug: 'letter', html: '<p>Hello readers.</p>', page: false, status: 'sent', author_id: 1, published_at: 1500000000000 },
      { id: 4, title: 'Tag page', slug: 'tag', html: '<p>x</p>', page: false, status: 'published', author_id: 1, published_at: 1500000000000 },
    ],
    users: [{ id: 1, name: 'Mara Lind', slug: 'mara', bio: 'Harbour reporter' }, { id: 2, name: 'Olu Bakare', slug: 'olu', bio: null }],
    tags: [{ id: 1, name: 'Harbour', slug: 'harbour-tag', description: 'The port' }, { id: 2, name: '#feature', slug: 'hash-feature' }, { id: 3, name: 'Plans', slug: 'plans' }],
    posts_tags: [{ post_id: 2, tag_id: 2, sort_order: 0 }, { post_id: 2, tag_id: 3, sort_order: 2 }, { post_id: 2, tag_id: 1, sort_order: 1 }],
    settings: [{ key: 'lang', value: 'de_DE' }, ...settings],
  },
})

const importExport = async (json: unknown) => {
  const file = path.join(ws.dir, 'ghost-1.json')
  fs.writeFileSync(file, JSON.stringify(json))
  const result = await importFiles({ ...ws.site, now }, [file])
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const article = async (id: number) => findArticleById(ws.site.db, (await findArticleIdBySourceKey(ws.site.db, `ghost:${id}`))!)

describe('a Ghost 1 export', () => {
  it('reads pages, authors from author_id, ms times, plain-text bodies and ordered public tags', async () => {
    const report = await importExport(v1Export())
    expect(report.created).toBe(4)
    const about = await article(1)
    expect(about).toMatchObject({ kind: 'page', status: 'published', headline: 'About us', dek: 'Who we are', language: 'de-DE', hero: null })
    expect(about?.publishedAt?.toISOString()).toBe('2014-05-13T16:53:20.000Z')
    expect(about?.createdAt.toISOString()).toBe(new Date(1399000000000).toISOString())
    expect(about?.body.html).toBe('<p>We are a &#x3C;small> newsroom.</p>\n<p>Write to us.</p>')
    expect(about?.authors.map((a) => a.name)).toEqual(['Olu Bakare'])

    const harbour = await article(2)
    expect(harbour).toMatchObject({ kind: 'post', status: 'draft', publishedAt: null, language: 'en-GB' })
    expect(harbour?.createdAt.toISOString()).toBe('2017-07-14T02:40:00.000Z')
    expect(harbour?.section?.name).toBe('Harbour')
    expect(harbour?.tags.map((t) => t.name)).toEqual(['Harbour', 'Plans'])
    expect(harbour?.authors).toEqual([expect.objectContaining({ name: 'Mara Lind', slug: 'mara' })])
    expect(await ws.site.db.selectFrom('people').select(['slug', 'bio']).orderBy('slug').execute()).toEqual([{ slug: 'mara', bio: 'Harbour reporter' }, { slug: 'olu', bio: '' }])
    expect(harbour?.body.html).toContain('href="/about-us/"')

    expect(await article(3)).toMatchObject({ status: 'draft' })
    const reserved = await article(4)
    expect(reserved?.slug).toBe('tag-page')
    expect(report.notes.join('\n')).toMatch(/slugs this site reserves.*: 1 \(post 4 \(slug tag\)\)/)
    expect(await ws.site.db.selectFrom('redirects').select('fromPath').where('fromPath', '=', '/tag/').execute()).toHaveLength(1)

    expect(report.notes.join('\n')).toMatch(/newsletter-only posts .*: 1 \(post 3 \(slug letter\)\)/)
    expect(report.notes.join('\n')).toMatch(/feature images left out.*: 1 \(post 1 /)
    expect(report.notes.join('\n')).toMatch(/uploads under \/content\/ stay relative.*: 1 \(post 2 /)
  })

  it('makes pictures absolute when the export states the site\'s URL', async () => {
    const report = await importExport(v1Export([{ key: 'url', value: 'https://old.example/blog/' }]))
    expect((await article(1))?.hero?.picture.remoteUrl).toBe('https://old.example/blog/content/images/2017/about.jpg')
    expect((await article(2))?.body.html).toContain('src="https://old.example/blog/content/images/a.jpg"')
    expect(report.notes.join('\n')).not.toMatch(/feature image|uploads/)
  })
})
