import { toPicture } from '../../content/articles/article.repo.js'
import type { ArticleKind } from '../../content/articles/article.js'
import type { Picture } from '../../content/media/picture.js'
import type { Person, SectionRef, Tag } from '../../content/taxonomy.js'
import type { Db } from '../../storage/connect.js'
import { inBatches } from './batches.js'

/** All the Content API shows of a post or page, loaded for many at once. */
export interface PostRecord {
  id: string
  kind: ArticleKind
  slug: string
  headline: string
  dek: string
  html: string
  text: string
  featured: boolean
  readingMinutes: number
  hero: { picture: Picture; alt: string; caption: string; credit: string } | null
  section: SectionRef | null
  tags: Tag[]
  authors: Person[]
  language: string
  canonicalUrl: string | null
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
}

/**
 * The records of these articles in the order of `ids` (missing ids left out), with their
 * sections, tags, authors and hero pictures: five queries per thousand articles. Says nothing
 * about visibility: the caller chose the ids from public articles.
 * @example const [post] = await loadPostRecords(db, [id])
 */
export async function loadPostRecords(db: Db, ids: string[]): Promise<PostRecord[]> {
  return inBatches(ids, (slice) => loadBatch(db, slice))
}

async function loadBatch(db: Db, ids: string[]): Promise<PostRecord[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('articles').select([
    'id', 'kind', 'slug', 'headline', 'dek', 'bodyHtml', 'bodyText', 'featured', 'readingMinutes', 'heroMediaId', 'heroAlt', 'heroCaption',
    'heroCredit', 'sectionId', 'language', 'canonicalUrl', 'createdAt', 'updatedAt', 'publishedAt',
  ]).where('id', 'in', ids).execute()
  const sectionIds = unique(rows.map((r) => r.sectionId))
  const mediaIds = unique(rows.map((r) => r.heroMediaId))
  const [sections, tags, authors, media] = await Promise.all([
    sectionIds.length ? db.selectFrom('sections').select(['id', 'slug', 'name']).where('id', 'in', sectionIds).execute() : [],
    db.selectFrom('articleTags as at').innerJoin('tags as t', 't.id', 'at.tagId')
      .select(['at.articleId', 't.id', 't.slug', 't.name', 't.description']).where('at.articleId', 'in', ids).orderBy('at.position').execute(),
    db.selectFrom('articleAuthors as aa').innerJoin('people as p', 'p.id', 'aa.personId')
      .select(['aa.articleId', 'p.id', 'p.slug', 'p.name', 'p.bio']).where('aa.articleId', 'in', ids).orderBy('aa.position').execute(),
    mediaIds.length ? db.selectFrom('media').selectAll().where('id', 'in', mediaIds).execute() : [],
  ])
  const sectionById = new Map(sections.map((s) => [s.id, s]))
  const pictureById = new Map(media.map((m) => [m.id, toPicture(m)]))
  const tagsOf = groupBy(tags, (t) => t.articleId, ({ id, slug, name, description }): Tag => ({ id, slug, name, description }))
  const authorsOf = groupBy(authors, (a) => a.articleId, ({ id, slug, name, bio }): Person => ({ id, slug, name, bio }))
  const byId = new Map(rows.map((row): [string, PostRecord] => {
    const picture = row.heroMediaId ? pictureById.get(row.heroMediaId) : undefined
    return [row.id, {
      id: row.id,
      kind: row.kind as ArticleKind,
      slug: row.slug,
      headline: row.headline,
      dek: row.dek,
      html: row.bodyHtml,
      text: row.bodyText,
      featured: row.featured === 1,
      readingMinutes: row.readingMinutes,
      hero: picture ? { picture, alt: row.heroAlt, caption: row.heroCaption, credit: row.heroCredit } : null,
      section: row.sectionId ? sectionById.get(row.sectionId) ?? null : null,
      tags: tagsOf.get(row.id) ?? [],
      authors: authorsOf.get(row.id) ?? [],
      language: row.language,
      canonicalUrl: row.canonicalUrl,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
      publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    }]
  }))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))]
}

function groupBy<T, V>(items: T[], key: (item: T) => string, map: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>()
  for (const item of items) {
    const list = groups.get(key(item)) ?? []
    list.push(map(item))
    groups.set(key(item), list)
  }
  return groups
}
