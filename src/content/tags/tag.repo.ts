import { sql } from 'kysely'
import { newId } from '../../core/ids.js'
import type { Page } from '../articles/article.repo.js'
import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { updateTerm } from '../update-term.js'
import { slugify } from '../articles/slug.js'
import type { Tag } from '../taxonomy.js'

const columns = ['id', 'slug', 'name', 'description'] as const

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  // Asked on every tag page: compiled once (see runCompiledOnce).
  const { rows } = await runCompiledOnce(db, 'tag by slug', [slug], () => db.selectFrom('tags').select(columns).where('slug', '=', slug))
  return rows[0]
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

/**
 * Tags by name, a page at a time, optionally only those whose name or slug contains `text`
 * (an imported archive can have thousands).
 * @example await listTags(db, { text: 'harb', page: 1, perPage: 50 })
 */
export async function listTags(db: Db, { text = '', page = 1, perPage = 50 }: { text?: string; page?: number; perPage?: number } = {}): Promise<Page<Tag>> {
  let query = db.selectFrom('tags')
  const needle = text.trim().toLowerCase()
  if (needle) {
    const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([
      eb(eb.fn('lower', ['name']), 'like', sql<string>`${like} escape '\\'`),
      eb('slug', 'like', sql<string>`${like} escape '\\'`),
    ]))
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const items = await query.select(columns).orderBy('name').orderBy('slug').limit(perPage).offset((page - 1) * perPage).execute()
  return { items, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) }
}
