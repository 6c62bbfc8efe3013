import { sql, type RawBuilder } from 'kysely'
import { dialectOf, type Db } from './connect.js'

/**
 * `column` contains `text`, ignoring case, with `%`, `_` and `\` in `text` taken literally.
 * SQLite's LIKE already ignores (ASCII) case; PostgreSQL's needs ILIKE.
 * @example base.where(containsText(db, sql.ref('headline'), 'harbour'))
 */
export function containsText(db: Db, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`${column} ilike ${pattern} escape '\\'`
    : sql<boolean>`${column} like ${pattern} escape '\\'`
}
