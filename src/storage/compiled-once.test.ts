import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { insertRows, runCompiledOnce } from './compiled-once.js'
import type { Db } from './connect.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const tag = (id: string, slug = id) => ({ id, slug, name: `Tag ${id}`, description: '', createdAt: TEST_NOW })
const tagBySlug = (db: Db, slug: string, key = 'tag by slug') => {
  let built = 0
  const result = runCompiledOnce(db, key, [slug], () => { built++; return db.selectFrom('tags').select(['id', 'createdAt']).where('slug', '=', slug) })
  return result.then(({ rows }) => ({ rows, built }))
}

describe('runCompiledOnce', () => {
  it('compiles a query once and reuses it with new values, rows named as Kysely names them', async () => {
    await insertRows(site.db, 'tags', [tag('a'), tag('b')])
    expect(await tagBySlug(site.db, 'a')).toEqual({ rows: [{ id: 'a', createdAt: TEST_NOW }], built: 1 })
    expect(await tagBySlug(site.db, 'b')).toEqual({ rows: [{ id: 'b', createdAt: TEST_NOW }], built: 0 })
    expect(await tagBySlug(site.db, 'c')).toEqual({ rows: [], built: 0 })
    // A transaction shares the compiled query of its database.
    await site.db.transaction().execute(async (trx) => {
      expect(await tagBySlug(trx, 'a')).toEqual({ rows: [{ id: 'a', createdAt: TEST_NOW }], built: 0 })
    })
  })

  it('does not keep a query whose bound values are not the ones given (a constant inside it)', async () => {
    await insertRows(site.db, 'tags', [tag('a'), tag('b')])
    const withConstant = async (slug: string) => {
      let built = 0
      const { rows } = await runCompiledOnce(site.db, 'tag by slug, not b', [slug], () => {
        built++
        return site.db.selectFrom('tags').select('id').where('slug', '=', slug).where('slug', '!=', 'b')
      })
      return { rows, built }
    }
    expect(await withConstant('a')).toEqual({ rows: [{ id: 'a' }], built: 1 })
    expect(await withConstant('b')).toEqual({ rows: [], built: 1 })
  })
})

describe('insertRows', () => {
  it('inserts rows of one shape, and rows with undefined values or mixed columns the ordinary way', async () => {
    const token = (tokenHash: string, usedAt: string | null | undefined) => ({ tokenHash, purpose: 'invite', userId: null, createdAt: TEST_NOW, expiresAt: TEST_NOW, usedAt })
    await insertRows(site.db, 'staffTokens', [token('a', TEST_NOW)])
    await insertRows(site.db, 'staffTokens', [token('b', null), token('c', TEST_NOW)])
    // Kysely writes an undefined or missing value as the column's default (NULL here, on SQLite).
    await insertRows(site.db, 'staffTokens', [token('d', undefined)])
    const { usedAt: _, ...withoutUsedAt } = token('f', null)
    await insertRows(site.db, 'staffTokens', [token('e', TEST_NOW), withoutUsedAt])
    await insertRows(site.db, 'staffTokens', [])
    const rows = await site.db.selectFrom('staffTokens').select(['tokenHash', 'usedAt']).orderBy('tokenHash').execute()
    expect(rows.map((r) => [r.tokenHash, r.usedAt])).toEqual([['a', TEST_NOW], ['b', null], ['c', TEST_NOW], ['d', null], ['e', TEST_NOW], ['f', null]])
  })

  it('fails as the ordinary insert would, on a broken constraint', async () => {
    await insertRows(site.db, 'tags', [tag('a')])
    await expect(insertRows(site.db, 'tags', [tag('x', 'a')])).rejects.toThrow(/UNIQUE constraint failed: tags.slug|duplicate key value violates unique constraint "tags_slug_key"/)
  })
})
