import { inTransaction, type Db } from '../../storage/connect.js'
import { emitArticleEvent } from '../webhooks/article-events.js'
import { hasSubscribers } from '../webhooks/emit-event.js'

/**
 * Marks every scheduled article whose time has come as published, keeping its scheduled
 * publication time, and returns their ids; each is announced to webhooks (`article.published`)
 * in the same transaction, so exactly the articles this call turned are announced, once.
 *
 * One UPDATE … RETURNING: atomic and idempotent, so processes running it at once publish each
 * article exactly once, and a run after a restart catches up on everything that fell due while
 * nothing ran. Readers are unaffected (a due scheduled article is already public, and
 * `lastSiteChange` already dates the site by it), so the change marker is left alone and the
 * version too: an editor's open copy of the article stays current. The public lists hold
 * scheduled and published posts alike (see article-listings.ts): they need no change either.
 * @example const published = await publishDueArticles(db, new Date()) // ['6744a1f0c3b2e19f8a7d5e21']
 */
export async function publishDueArticles(db: Db, now: Date): Promise<string[]> {
  // With nobody listening, the UPDATE stays a statement of its own: no transaction held open
  // across awaits (a webhook added in between misses only these articles' announcements).
  if (!db.isTransaction && !(await hasSubscribers(db, 'article.published'))) return publishDue(db, now)
  return inTransaction(db, async (trx) => {
    const ids = await publishDue(trx, now)
    for (const id of ids) await emitArticleEvent(trx, 'article.published', id, now)
    return ids
  })
}

async function publishDue(db: Db, now: Date): Promise<string[]> {
  const rows = await db.updateTable('articles').set({ status: 'published' })
    .where('status', '=', 'scheduled').where('publishedAt', '<=', now.toISOString())
    .returning('id').execute()
  return rows.map((r) => r.id)
}
