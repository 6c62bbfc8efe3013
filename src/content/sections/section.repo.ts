import { newId } from '../../core/ids.js'
import { runCompiledOnce } from '../../storage/compiled-once.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { updateTerm } from '../update-term.js'
import { slugify } from '../articles/slug.js'
import type { Section } from '../taxonomy.js'

const columns = ['id', 'slug', 'name', 'description'] as const

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  // Asked on every section page: compiled once (see runCompiledOnce), like the other reads of the public pages.
  const { rows } = await runCompiledOnce(db, 'section by slug', [slug], () => db.selectFrom('sections').select(columns).where('slug', '=', slug))
  return rows[0]
}

export async function listSections(db: Db): Promise<Section[]> {
  const { rows } = await runCompiledOnce(db, 'sections in order', [], () => db.selectFrom('sections').select(columns).orderBy('position').orderBy('name'))
  return rows
}

/**
 * Finds a section by the slug of its name, or creates it.
 * @example const world = await ensureSection(db, { name: 'World' }, now)
 */
export async function ensureSection(db: Db, input: { name: string; slug?: string; description?: string }, now: Date): Promise<Section> {
  const slug = input.slug ?? slugify(input.name)
  const existing = await findSectionBySlug(db, slug)
  if (existing) return existing
  const position = Number((await db.selectFrom('sections').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const row = { id: newId(now), slug, name: input.name.trim(), description: input.description ?? '', position, createdAt: now.toISOString() }
  await db.insertInto('sections').values(row).execute()
  await markContentChanged(db, now)
  return { id: row.id, slug: row.slug, name: row.name, description: row.description }
}

/** Renames a section or changes its description; see `updateTerm`. */
export const updateSection = (db: Db, id: string, changes: { name?: string; description?: string }, now: Date): Promise<boolean> =>
  updateTerm(db, 'sections', id, changes, now)

/**
 * Moves a section one place up or down the order (the masthead lists them in it). Positions
 * are rewritten 0…n-1, which also mends the ties older code could leave.
 * @returns false when there is no such section or it is already at that end
 */
export async function moveSection(db: Db, id: string, direction: 'up' | 'down', now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const ids = (await listSections(trx)).map((s) => s.id)
    const from = ids.indexOf(id)
    const to = direction === 'up' ? from - 1 : from + 1
    if (from < 0 || to < 0 || to >= ids.length) return false
    ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
    for (const [position, sectionId] of ids.entries()) {
      await trx.updateTable('sections').set({ position }).where('id', '=', sectionId).execute()
    }
    await markContentChanged(trx, now)
    return true
  })
}
