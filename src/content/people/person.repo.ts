import { newId } from '../../core/ids.js'
import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { updateTerm } from '../update-term.js'
import { slugify } from '../articles/slug.js'
import type { Person } from '../taxonomy.js'

const columns = ['id', 'slug', 'name', 'bio'] as const

export async function findPersonBySlug(db: Db, slug: string): Promise<Person | undefined> {
  // Asked on every author page: compiled once (see runCompiledOnce).
  const { rows } = await runCompiledOnce(db, 'person by slug', [slug], () => db.selectFrom('people').select(columns).where('slug', '=', slug))
  return rows[0]
}

/** Everyone with a byline, by name: for filters that offer a choice of authors. */
export async function listPeople(db: Db): Promise<Person[]> {
  return db.selectFrom('people').select(columns).orderBy('name').orderBy('slug').execute()
}

/**
 * Finds a person (a byline) by the slug of their name, or creates them.
 * @example const reporter = await ensurePerson(db, { name: 'Mara Lind' }, now)
 */
export async function ensurePerson(db: Db, input: { name: string; slug?: string; bio?: string }, now: Date): Promise<Person> {
  const slug = input.slug ?? slugify(input.name)
  const existing = await findPersonBySlug(db, slug)
  if (existing) return existing
  const row = { id: newId(now), slug, name: input.name.trim(), bio: input.bio ?? '', createdAt: now.toISOString() }
  await db.insertInto('people').values(row).execute()
  await markContentChanged(db, now)
  return { id: row.id, slug: row.slug, name: row.name, bio: row.bio }
}

/** Renames a person or changes its description; see `updateTerm`. */
export const updatePerson = (db: Db, id: string, changes: { name?: string; bio?: string }, now: Date): Promise<boolean> =>
  updateTerm(db, 'people', id, changes, now)
