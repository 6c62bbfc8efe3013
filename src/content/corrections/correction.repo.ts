import type { Selectable } from 'kysely'
import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import type { ArticleCorrectionTable } from '../../storage/schema.js'
import type { Correction, CorrectionKind } from './correction.js'

/**
 * An article's corrections and update notes, oldest first, as readers see them under it.
 * @example const notes = await listCorrections(db, article.id) // [{ kind: 'correction', text: 'An earlier version…', notedAt, … }]
 */
export async function listCorrections(db: Db, articleId: string): Promise<Correction[]> {
  // Asked on every article page: compiled once (see runCompiledOnce).
  const { rows } = await runCompiledOnce(db, 'corrections of article', [articleId], () => db.selectFrom('articleCorrections').selectAll()
    .where('articleId', '=', articleId).orderBy('notedAt').orderBy('id'))
  return rows.map(toCorrection)
}

/** One note by id, or undefined. */
export async function findCorrection(db: Db, id: string): Promise<Correction | undefined> {
  const row = await db.selectFrom('articleCorrections').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toCorrection(row)
}

export function toCorrection(row: Selectable<ArticleCorrectionTable>): Correction {
  return {
    id: row.id,
    articleId: row.articleId,
    kind: row.kind as CorrectionKind,
    text: row.text,
    notedAt: new Date(row.notedAt),
    createdBy: row.createdBy,
  }
}
