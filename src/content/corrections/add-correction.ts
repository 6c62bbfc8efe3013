import { newId } from '../../core/ids.js'
import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { isPublic, type ArticleStatus } from '../articles/article.js'
import type { FieldIssue } from '../articles/article-references.js'
import { markContentChanged } from '../site-changes.js'
import { CorrectionInput, type Correction } from './correction.js'

export type AddCorrectionError =
  | { type: 'not-found' }
  | { type: 'invalid'; issues: FieldIssue[] }
  /** Notes are public: an article readers cannot see yet is simply edited instead. */
  | { type: 'not-public'; status: ArticleStatus; publishedAt: Date | null }

/**
 * Adds a correction or update note under a public article (published, or scheduled and due),
 * dated `now`. Cached pages refresh through the change marker.
 * @example const result = await addCorrection(db, article.id, { kind: 'correction', text: 'An earlier version gave the wrong date.' }, now, user.id)
 */
export async function addCorrection(
  db: Db, articleId: string, input: CorrectionInput, now: Date, createdBy: string | null,
): Promise<Result<Correction, AddCorrectionError>> {
  const parsed = CorrectionInput.safeParse(input)
  if (!parsed.success) {
    return err({ type: 'invalid', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(note)', message: i.message })) })
  }
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('articles').select(['status', 'publishedAt']).where('id', '=', articleId).executeTakeFirst()
    if (!row) return err({ type: 'not-found' as const })
    const article = { status: row.status as ArticleStatus, publishedAt: row.publishedAt ? new Date(row.publishedAt) : null }
    if (!isPublic(article, now)) return err({ type: 'not-public' as const, ...article })
    const correction: Correction = { id: newId(now), articleId, ...parsed.data, notedAt: now, createdBy }
    await trx.insertInto('articleCorrections')
      .values({ ...correction, notedAt: now.toISOString() })
      .execute()
    await markContentChanged(trx, now)
    return ok(correction)
  })
}
