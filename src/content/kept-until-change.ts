import type { Db } from '../storage/connect.js'
import { changeMarkerReader } from './site-changes.js'

/**
 * `load`, remembered per database for as long as the site's change marker stays the same: for
 * small site-wide data every public page reads (the settings, the list of sections, the logo).
 * Every write readers could see records a new marker (see `markContentChanged`), here or on any
 * other node sharing the database, so the next call after a change loads afresh; the page cache
 * already serves whole pages on the same promise. The marker is read before loading, so what is
 * kept is never older than the marker it is kept under. Inside a transaction it always loads
 * (the transaction may hold changes not yet committed). Callers share the value: it is frozen.
 * @example const sections = keptUntilChange(listSections); await sections(db)
 */
export function keptUntilChange<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const kept = new WeakMap<Db, { marker: string; value: Promise<T> }>()
  return async (db) => {
    if (db.isTransaction) return load(db)
    const marker = await changeMarkerReader(db)()
    const known = kept.get(db)
    if (known && known.marker === marker) return known.value
    const value = load(db).then(deepFreeze)
    kept.set(db, { marker, value })
    // A failed load is not kept: the next call tries again.
    value.catch(() => { if (kept.get(db)?.value === value) kept.delete(db) })
    return value
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
