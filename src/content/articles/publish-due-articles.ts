import type { Db } from '../../storage/connect.js'

/**
 * Marks every scheduled article whose time has come as published, keeping its scheduled
 * publication time, and returns their ids (one event per article for whoever listens).
 *
 * One UPDATE … RETURNING: atomic and idempotent, so processes running it at once publish each
 * article exactly once, and a run after a restart catches up on everything that fell due while
 * nothing ran. Readers are unaffected (a due scheduled article is already public, and
 * `lastSiteChange` already dates the site by it), so the change marker is left alone and the
 * version too: an editor's open copy of the article stays current.
 * @example const published = await publishDueArticles(db, new Date()) // ['6744a1f0c3b2e19f8a7d5e21']
 */
export async function publishDueArticles(db: Db, now: Date): Promise<string[]> {
  const rows = await db.updateTable('articles').set({ status: 'published' })
    .where('status', '=', 'scheduled').where('publishedAt', '<=', now.toISOString())
    .returning('id').execute()
  return rows.map((r) => r.id)
}
