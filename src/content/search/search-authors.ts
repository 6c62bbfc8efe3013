import { dialectOf, type Db } from '../../storage/connect.js'
import { listPeople } from '../people/person.repo.js'
import { changeMarkerReader } from '../site-changes.js'
import type { PersonRef } from '../taxonomy.js'

interface Kept { marker: string; authors: PersonRef[] }

/** Per database: its change-marker reader and the list last read. */
const kept = new WeakMap<Db, { readMarker: () => string | Promise<string>; last?: Kept }>()

/**
 * Everyone who can be picked in the search form's author filter, by name. On SQLite the list is
 * kept in memory for as long as the site's change marker (site-changes.ts) stays the same: every
 * write that adds or renames a person moves the marker, and reading it is one prepared lookup.
 * A large site has hundreds of bylines, read on every search page otherwise. PostgreSQL reads
 * the list each time (the marker would need a listener of its own).
 * @example const authors = await authorsForSearch(db)
 */
export async function authorsForSearch(db: Db): Promise<PersonRef[]> {
  if (dialectOf(db) === 'postgres') return people(db)
  let entry = kept.get(db)
  if (!entry) {
    entry = { readMarker: changeMarkerReader(db) }
    kept.set(db, entry)
  }
  const marker = entry.readMarker()
  if (typeof marker !== 'string') return people(db)
  if (entry.last?.marker === marker) return entry.last.authors
  const authors = await people(db)
  // Kept only if no write moved the marker while the list was read.
  if (entry.readMarker() === marker) entry.last = { marker, authors }
  return authors
}

const people = async (db: Db): Promise<PersonRef[]> => (await listPeople(db)).map(({ id, slug, name }) => ({ id, slug, name }))
