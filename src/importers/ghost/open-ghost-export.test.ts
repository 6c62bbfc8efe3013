import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importWorkspace } from '../../../test/support/import-workspace.js'
import { dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { hasShared, sharedFile } from '../../../test/support/requirements.js'
import { findArticleById, findArticleIdBySourceKey, listPublicArticles } from '../../content/articles/article.repo.js'
import { importFiles } from '../import-files.js'

const ws = importWorkspace('mh-ghost-')
const now = new Date(TEST_NOW)

const write = ws.write
const importInto = (files: string[], options: { skipInvalid?: boolean } = {}) => importFiles({ ...ws.site, now }, files, options)
const articleOf = async (sourceKey: string) => {
  const id = await findArticleIdBySourceKey(ws.site.db, sourceKey)
  return id ? findArticleById(ws.site.db, id) : undefined
}

/** The parts of the export the test reads itself, independently of the importer's schema. */
interface Row { [key: string]: unknown }
interface Export { db: [{ data: { posts: Row[]; users: Row[]; tags: Row[]; posts_tags: Row[]; posts_authors: Row[] } }] }
const V4 = 'corpora/ghost/v4_export.json'
const readV4 = (): Export => JSON.parse(fs.readFileSync(sharedFile(V4), 'utf8')) as Export
const joined = (rows: Row[], postId: unknown, key: string, targets: Row[]) => rows
  .filter((r) => r.post_id === postId)
  .sort((a, b) => Number(a.sort_order) - Number(b.sort_order))
  .map((r) => targets.find((t) => t.id === r[key]))
  .filter((t) => t !== undefined && t.visibility !== 'internal' && !String(t.name).startsWith('#'))
  .map((t) => String(t!.name))

describe.runIf(hasShared())('Ghost 4 export (conformance)', () => {
  it('imports every post and page with its authors, tags, status and picture; posts are listed, pages are not', async () => {
    const { data } = readV4().db[0]
    const posts = data.posts.filter((p) => p.type === 'post')
    const pages = data.posts.filter((p) => p.type === 'page')
    expect([posts.length, pages.length]).toEqual([7, 4])

    const result = await importInto([sharedFile(V4)])
    expect(result.ok && result.value).toMatchObject({ created: 11, updated: 0, skipped: [] })

    for (const entry of data.posts) {
      const article = await articleOf(`ghost:${String(entry.id)}`)
      expect(article, String(entry.slug)).toBeDefined()
      if (!article) continue
      expect(article.headline).toBe(entry.title)
      expect(article.slug).toBe(entry.slug)
      expect(article.kind).toBe(entry.type)
      expect(article.status).toBe(entry.status)
      expect(article.publishedAt?.toISOString()).toBe(entry.published_at)
      expect(article.dek).toBe(entry.custom_excerpt ?? '')
      expect(article.hero?.picture.remoteUrl ?? null).toBe(entry.feature_image)
      expect(article.authors.map((a) => a.name)).toEqual(joined(data.posts_authors, entry.id, 'author_id', data.users))
      const tagNames = joined(data.posts_tags, entry.id, 'tag_id', data.tags)
      expect(article.tags.map((t) => t.name)).toEqual(tagNames)
      expect(article.section?.name ?? null).toBe(tagNames[0] ?? null)
      expect(article.body.html).not.toContain('__GHOST_URL__')
      if (entry.status === 'published') expect((await ws.site.app.request(`/${String(entry.slug)}/`)).status, String(entry.slug)).toBe(200)
    }

    const membersOnly = data.posts.filter((p) => p.visibility !== 'public').map((p) => `post ${String(p.id)} (slug ${String(p.slug)})`)
    expect(membersOnly).not.toHaveLength(0)
    expect(result.ok && result.value.notes.join('\n')).toContain(`members-only posts, public here: ${membersOnly.length} (${membersOnly.join('; ')})`)

    const listed = (await listPublicArticles(ws.site.db, { kind: 'all' }, { page: 1, perPage: 50, now })).items.map((a) => a.slug)
    expect(listed.sort()).toEqual(posts.map((p) => String(p.slug)).sort())
    const home = await (await ws.site.app.request('/')).text()
    for (const post of posts) expect(home).toContain(`href="/${String(post.slug)}/"`)
    for (const page of pages) expect(home).not.toContain(`href="/${String(page.slug)}/"`)
  })

  it('updates instead of duplicating when the export is imported again', async () => {
    await importInto([sharedFile(V4)])
    const again = await importInto([sharedFile(V4)])
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 11 })
    expect(await ws.site.db.selectFrom('articles').select('id').execute()).toHaveLength(11)
    expect(await ws.site.db.selectFrom('people').select('id').execute()).toHaveLength(new Set(readV4().db[0].data.posts_authors.map((r) => r.author_id)).size)
  })

  describe('a post without a title', () => {
    const withoutTitle = () => {
      const json = readV4()
      const victim = json.db[0].data.posts[2]!
      delete victim.title
      return { file: write('broken.ghost.json', JSON.stringify(json)), id: String(victim.id), total: json.db[0].data.posts.length }
    }

    it('stops the import, naming file, post and field, and leaves the database exactly as it was', async () => {
      const earlier = await importInto([write('earlier.txt', 'Already here\n\n· 1 min read\n\nA quay\n\nText.\n')])
      expect(earlier.ok).toBe(true)
      const before = await dumpDatabase(ws.site.db)
      const { file, id } = withoutTitle()
      const result = await importInto([file])
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error).toMatchObject({ file, field: 'title', message: 'the post has no title' })
      expect(result.error.record).toContain(`post ${id}`)
      expect(await dumpDatabase(ws.site.db)).toEqual(before)
    })

    it('is skipped and listed with skipInvalid, and the rest is imported', async () => {
      const { file, id, total } = withoutTitle()
      const result = await importInto([file], { skipInvalid: true })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.value.created).toBe(total - 1)
      expect(result.value.skipped).toEqual([expect.objectContaining({ file, field: 'title', record: expect.stringContaining(id) })])
      expect(await findArticleIdBySourceKey(ws.site.db, `ghost:${id}`)).toBeUndefined()
    })
  })
})

describe('Ghost exports that are not whole', () => {
  it.each([
    ['broken JSON', '{"db":[{"meta":{"version":"4.1.0"},\n"data":{"posts":[\n{"id": 1,}\n]}}]}', /not valid JSON/, 3],
    ['no data.posts', '{"db":[{"meta":{"exported_on":1,"version":"4.1.0"},"data":{"users":[]}}]}', /there is no data\.posts/, undefined],
    ['a bad tag list', '{"meta":{"version":"1.0"},"data":{"posts":[],"tags":[{"id":1}]}}', /data\.tags\.0\.name/, undefined],
  ])('refuses %s, naming the file, even with skipInvalid', async (_name, content, message, line) => {
    const file = write('export.json', content)
    const result = await importInto([file], { skipInvalid: true })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.file).toBe(file)
    expect(result.error.message).toMatch(message)
    expect(result.error.line).toBe(line)
  })
})
