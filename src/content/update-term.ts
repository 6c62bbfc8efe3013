import type { Db } from '../storage/connect.js'
import { markContentChanged } from './site-changes.js'

/**
 * Changes the readable fields of a section, tag or person (never its slug: links point at it)
 * and records the change, so cached pages showing it are refreshed.
 * @returns whether such a row existed and anything was given to change
 * @example await updateTerm(db, 'tags', id, { name: 'Boats' }, now)
 */
export async function updateTerm(
  db: Db, table: 'sections' | 'tags' | 'people', id: string, changes: Record<string, string | undefined>, now: Date,
): Promise<boolean> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  if (Object.keys(set).length === 0) return false
  const result = await db.updateTable(table).set(set).where('id', '=', id).executeTakeFirst()
  if (result.numUpdatedRows === 0n) return false
  await markContentChanged(db, now)
  return true
}
