import type { Db } from '../../storage/connect.js'

/**
 * The slug of the public article an old URL leads to, if any. Old links may carry a query
 * (WordPress `/?p=12`) or lack the trailing slash, so both spellings of the path are tried.
 * @example await findRedirectSlug(db, '/?p=12', now) // 'hello-world'
 */
export async function findRedirectSlug(db: Db, fromPath: string, now: Date): Promise<string | undefined> {
  const candidates = new Set([fromPath, fromPath.endsWith('/') ? fromPath.slice(0, -1) : `${fromPath}/`])
  const row = await db.selectFrom('redirects as r').innerJoin('articles as a', 'a.id', 'r.articleId')
    .select('a.slug')
    .where('r.fromPath', 'in', [...candidates])
    .where('a.status', 'in', ['published', 'scheduled'])
    .where('a.publishedAt', '<=', now.toISOString())
    .executeTakeFirst()
  return row?.slug
}
