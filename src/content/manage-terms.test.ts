import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../test/support/test-site.js'
import { findPublicArticleBySlug } from './articles/article.repo.js'
import { createTerm, deleteTerm, editTerm } from './manage-terms.js'
import { findTermRedirect } from './redirects/term-redirect.repo.js'
import { listSections, moveSection } from './sections/section.repo.js'
import { readChangeMarker } from './site-changes.js'
import { listTags } from './tags/tag.repo.js'

const now = new Date(TEST_NOW)
let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const term = (name: string, slug = '', description = '') => ({ name, slug, description })
const created = async (table: 'sections' | 'tags', name: string, slug = '') => {
  const result = await createTerm(site.db, table, term(name, slug), now)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('createTerm', () => {
  it('makes the slug from the name, puts a new section last, and marks the site changed', async () => {
    const before = await readChangeMarker(site.db)
    await created('sections', 'World')
    const sport = await created('sections', 'Sport & Leisure')
    expect(sport.slug).toBe('sport-leisure')
    expect((await listSections(site.db)).map((s) => s.name)).toEqual(['World', 'Sport & Leisure'])
    expect(await readChangeMarker(site.db)).not.toBe(before)
  })

  it('names the field of each problem and creates nothing', async () => {
    await created('tags', 'Harbour')
    const taken = await createTerm(site.db, 'tags', term('Harbour again', 'harbour'), now)
    expect(taken).toEqual({ ok: false, error: { type: 'invalid', issues: [{ field: 'slug', message: 'Slug: “harbour” is already the tag “Harbour”' }] } })
    const bad = await createTerm(site.db, 'tags', { name: ' ', slug: 'Not A Slug', description: 'x'.repeat(1001) }, now)
    expect(bad.ok ? [] : bad.error.type === 'invalid' ? bad.error.issues.map((i) => i.field) : []).toEqual(['name', 'slug', 'description'])
    expect((await listTags(site.db)).total).toBe(1)
  })
})

describe('editTerm', () => {
  it('renames, and redirects from the old slug; changing it back drops the redirect', async () => {
    const world = await created('sections', 'World')
    const renamed = await editTerm(site.db, 'sections', world.id, term('International', 'international', 'Abroad.'), now)
    expect(renamed).toEqual({ ok: true, value: { id: world.id, name: 'International', slug: 'international', description: 'Abroad.' } })
    expect(await findTermRedirect(site.db, 'section', 'world')).toBe('international')
    await editTerm(site.db, 'sections', world.id, term('Foreign', 'foreign'), now)
    expect(await findTermRedirect(site.db, 'section', 'world')).toBe('foreign')
    expect(await findTermRedirect(site.db, 'section', 'international')).toBe('foreign')
    await editTerm(site.db, 'sections', world.id, term('World', 'world'), now)
    expect(await findTermRedirect(site.db, 'section', 'world')).toBeUndefined()
    expect(await findTermRedirect(site.db, 'tag', 'international')).toBeUndefined()
  })

  it('answers not-found for an unknown id', async () => {
    expect(await editTerm(site.db, 'tags', 'nope', term('X'), now)).toEqual({ ok: false, error: { type: 'not-found' } })
  })
})

describe('deleteTerm', () => {
  it('keeps the articles: a section is cleared from them, a tag taken off', async () => {
    const world = await created('sections', 'World')
    const harbour = await created('tags', 'Harbour')
    const quay = await created('tags', 'Quay')
    await addArticle(site.db, { headline: 'Ferry strike ends', sectionId: world.id, tagIds: [harbour.id, quay.id] })
    await editTerm(site.db, 'sections', world.id, term('World', 'globe'), now)

    expect(await deleteTerm(site.db, 'sections', world.id, now)).toEqual({ ok: true, value: { articles: 1 } })
    expect(await deleteTerm(site.db, 'tags', harbour.id, now)).toEqual({ ok: true, value: { articles: 1 } })
    const article = await findPublicArticleBySlug(site.db, 'ferry-strike-ends', now)
    expect(article?.section).toBeNull()
    expect(article?.tags.map((t) => t.name)).toEqual(['Quay'])
    expect(await findTermRedirect(site.db, 'section', 'world')).toBeUndefined()
    expect(await deleteTerm(site.db, 'tags', harbour.id, now)).toEqual({ ok: false, error: { type: 'not-found' } })
  })
})

describe('moveSection', () => {
  it('swaps a section with its neighbour, and not past either end', async () => {
    const [a, b, c] = [await created('sections', 'A'), await created('sections', 'B'), await created('sections', 'C')]
    expect(await moveSection(site.db, c.id, 'up', now)).toBe(true)
    expect((await listSections(site.db)).map((s) => s.name)).toEqual(['A', 'C', 'B'])
    expect(await moveSection(site.db, a.id, 'up', now)).toBe(false)
    expect(await moveSection(site.db, b.id, 'down', now)).toBe(false)
    expect(await moveSection(site.db, a.id, 'down', now)).toBe(true)
    expect((await listSections(site.db)).map((s) => s.name)).toEqual(['C', 'A', 'B'])
  })
})

describe('listTags', () => {
  it('pages through tags by name and finds them by part of the name or slug, taking % and _ literally', async () => {
    for (const name of ['Harbour', 'Harbour master', 'Quay', '100% local', 'snake_case']) await created('tags', name)
    const first = await listTags(site.db, { perPage: 2 })
    expect(first.items.map((t) => t.name)).toEqual(['100% local', 'Harbour'])
    expect(first.pages).toBe(3)
    expect((await listTags(site.db, { text: 'HARB' })).items.map((t) => t.name)).toEqual(['Harbour', 'Harbour master'])
    expect((await listTags(site.db, { text: '%' })).items.map((t) => t.name)).toEqual(['100% local'])
    expect((await listTags(site.db, { text: '_' })).items.map((t) => t.name)).toEqual(['snake_case'])
  })
})
