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

/**
 * An article's public path, `/<slug>/`, as `paths.article` in src/http/paths.ts makes it (content
 * does not import http; the slug-change tests request the old path through the app to hold the
 * two together).
 * @example articlePathOf('tide-tables') // '/tide-tables/'
 */
export const articlePathOf = (slug: string): string => `/${encodeURIComponent(slug)}/`

/**
 * Keeps a public article's old URL working after its slug changes: `/old-slug/` answers 301 to the
 * article wherever it is now. A redirect the article had from its new path is dropped, since the
 * article itself answers there again (a slug changed and changed back).
 * @example await redirectOldSlug(trx, articleId, { from: 'old-slug', to: 'new-slug' }, now)
 */
export async function redirectOldSlug(db: Db, articleId: string, slugs: { from: string; to: string }, now: Date): Promise<void> {
  const fromPath = articlePathOf(slugs.from)
  await db.insertInto('redirects').values({ fromPath, articleId, createdAt: now.toISOString() })
    .onConflict((oc) => oc.column('fromPath').doUpdateSet({ articleId, createdAt: now.toISOString() })).execute()
  const toPath = articlePathOf(slugs.to)
  await db.deleteFrom('redirects').where('articleId', '=', articleId).where('fromPath', 'in', [toPath, toPath.slice(0, -1)]).execute()
}
