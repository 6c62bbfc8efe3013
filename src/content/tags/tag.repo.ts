import { newId } from '../../core/ids.js'
import type { Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { updateTerm } from '../update-term.js'
import { slugify } from '../articles/slug.js'
import type { Tag } from '../taxonomy.js'

const columns = ['id', 'slug', 'name', 'description'] as const

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(columns).where('slug', '=', slug).executeTakeFirst()
}

/**
 * Finds a tag by the slug of its name, or creates it.
 * @example const tag = await ensureTag(db, { name: 'Harbour' }, now)
 */
export async function ensureTag(db: Db, input: { name: string; slug?: string; description?: string }, now: Date): Promise<Tag> {
  const slug = input.slug ?? slugify(input.name)
  const existing = await findTagBySlug(db, slug)
  if (existing) return existing
  const row = { id: newId(now), slug, name: input.name.trim(), description: input.description ?? '', createdAt: now.toISOString() }
  await db.insertInto('tags').values(row).execute()
  await markContentChanged(db, now)
  return { id: row.id, slug: row.slug, name: row.name, description: row.description }
}

/** Renames a tag or changes its description; see `updateTerm`. */
export const updateTag = (db: Db, id: string, changes: { name?: string; description?: string }, now: Date): Promise<boolean> =>
  updateTerm(db, 'tags', id, changes, now)
