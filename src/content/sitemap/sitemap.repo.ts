import type { Db } from '../../storage/connect.js'

/** One public article as a sitemap lists it. */
export interface SitemapArticle {
  slug: string
  headline: string
  language: string
  publishedAt: Date
  updatedAt: Date
  pictureKey: string | null
  pictureRemoteUrl: string | null
}

/** A section, tag or author page with the time its newest article last changed. */
export interface SitemapListing {
  slug: string
  lastModified: Date | null
}

const publicArticles = (db: Db, now: Date, kind: 'post' | 'page' = 'post') => db.selectFrom('articles as a')
  .where('a.kind', '=', kind)
  .where('a.status', 'in', ['published', 'scheduled'])
  .where('a.publishedAt', '<=', now.toISOString())

export async function countPublicArticles(db: Db, now: Date): Promise<number> {
  const row = await publicArticles(db, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The newest change to any public article, or null when there is none. */
export async function newestArticleChange(db: Db, now: Date): Promise<Date | null> {
  const row = await publicArticles(db, now).select((eb) => eb.fn.max('a.updatedAt').as('t')).executeTakeFirst()
  return row?.t ? new Date(row.t) : null
}

/**
 * One chunk of the public articles, oldest first so a chunk's content only grows at the end.
 * @example await listSitemapArticles(db, now, { offset: 0, limit: 50_000 })
 */
export async function listSitemapArticles(db: Db, now: Date, { offset, limit }: { offset: number; limit: number }): Promise<SitemapArticle[]> {
  const rows = await publicArticles(db, now)
    .leftJoin('media as m', 'm.id', 'a.heroMediaId')
    .select(['a.slug', 'a.headline', 'a.language', 'a.publishedAt', 'a.updatedAt', 'm.storageKey', 'm.remoteUrl'])
    .orderBy('a.publishedAt').orderBy('a.id')
    .limit(limit).offset(offset)
    .execute()
  return rows.map(toSitemapArticle)
}

/** Public articles published at or after `since`, newest first: the Google News sitemap. */
export async function listRecentArticles(db: Db, now: Date, since: Date, limit: number): Promise<SitemapArticle[]> {
  const rows = await publicArticles(db, now)
    .leftJoin('media as m', 'm.id', 'a.heroMediaId')
    .where('a.publishedAt', '>=', since.toISOString())
    .select(['a.slug', 'a.headline', 'a.language', 'a.publishedAt', 'a.updatedAt', 'm.storageKey', 'm.remoteUrl'])
    .orderBy('a.publishedAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toSitemapArticle)
}

function toSitemapArticle(row: { slug: string; headline: string; language: string; publishedAt: string | null; updatedAt: string; storageKey: string | null; remoteUrl: string | null }): SitemapArticle {
  return {
    slug: row.slug,
    headline: row.headline,
    language: row.language,
    publishedAt: new Date(row.publishedAt!),
    updatedAt: new Date(row.updatedAt),
    pictureKey: row.storageKey,
    pictureRemoteUrl: row.remoteUrl,
  }
}

/** Sections, tags or authors that have at least one public article, with their newest change. */
export async function listSitemapListings(db: Db, now: Date, kind: 'sections' | 'tags' | 'authors'): Promise<SitemapListing[]> {
  const visible = publicArticles(db, now)
  const rows = kind === 'sections'
    ? await visible.innerJoin('sections as s', 's.id', 'a.sectionId')
      .select((eb) => ['s.slug', eb.fn.max('a.updatedAt').as('lastModified')]).groupBy('s.slug').orderBy('s.slug').execute()
    : kind === 'tags'
      ? await visible.innerJoin('articleTags as at', 'at.articleId', 'a.id').innerJoin('tags as t', 't.id', 'at.tagId')
        .select((eb) => ['t.slug', eb.fn.max('a.updatedAt').as('lastModified')]).groupBy('t.slug').orderBy('t.slug').execute()
      : await visible.innerJoin('articleAuthors as aa', 'aa.articleId', 'a.id').innerJoin('people as p', 'p.id', 'aa.personId')
        .select((eb) => ['p.slug', eb.fn.max('a.updatedAt').as('lastModified')]).groupBy('p.slug').orderBy('p.slug').execute()
  return rows.map((r) => ({ slug: r.slug, lastModified: r.lastModified ? new Date(r.lastModified) : null }))
}

/** Public standing pages (About, Contact…), for the pages sitemap. */
export async function listSitemapPages(db: Db, now: Date): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await publicArticles(db, now, 'page').select(['a.slug', 'a.updatedAt']).orderBy('a.slug').execute()
  return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updatedAt) }))
}
