import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'

/** Which published articles a listing shows: all of them, or those of one section, tag or author. */
export type ArticleScope =
  | { kind: 'all' }
  | { kind: 'section'; sectionId: string }
  | { kind: 'tag'; tagId: string }
  | { kind: 'author'; personId: string }

/** A list as `article_listings` and `listing_counts` key it. */
export interface ListKey {
  scope: 'all' | 'section' | 'tag' | 'author'
  /** The section, tag or person id; '' for the front page's list. */
  termId: string
}

/** Statuses whose posts are on the public lists (a scheduled one from its time on). */
const LISTED_STATUSES = new Set(['published', 'scheduled'])

/** Ids per statement: with four columns a row, far below SQLite's limit on bound variables. */
const CHUNK = 200

export function listKeyOf(scope: ArticleScope): ListKey {
  switch (scope.kind) {
    case 'all': return { scope: 'all', termId: '' }
    case 'section': return { scope: 'section', termId: scope.sectionId }
    case 'tag': return { scope: 'tag', termId: scope.tagId }
    case 'author': return { scope: 'author', termId: scope.personId }
  }
}

/**
 * Whether an article belongs on the public lists: a post (not a page) that is published, or
 * scheduled, with a publication time. Whether that time has come is asked when reading.
 */
export function isListed(article: { kind: string; status: string; publishedAt: string | null }): boolean {
  return article.kind === 'post' && LISTED_STATUSES.has(article.status) && article.publishedAt !== null
}

/**
 * The ids of one page of a list, newest first (the id breaking ties, as everywhere): an index
 * range of `offset + limit` entries, whatever the size of the list.
 * @example const ids = await listedIds(db, { scope: 'tag', termId }, { limit: 12, offset: 24, now })
 */
export async function listedIds(db: Db, key: ListKey, { limit, offset, now }: { limit: number; offset: number; now: Date }): Promise<string[]> {
  // Asked on every list page: compiled once (see runCompiledOnce).
  const listedAt = now.toISOString()
  const { rows } = await runCompiledOnce(db, 'listed ids', [key.scope, key.termId, listedAt, limit, offset], () => db.selectFrom('articleListings').select('articleId')
    .where('scope', '=', key.scope).where('termId', '=', key.termId).where('listedAt', '<=', listedAt)
    .orderBy('listedAt', 'desc').orderBy('articleId', 'desc')
    .limit(limit).offset(offset))
  return rows.map((r) => r.articleId)
}

/**
 * How many articles a list shows now: its kept count less those scheduled for later (few, and
 * found by the same index), so nothing is counted row by row.
 */
export async function listedCount(db: Db, key: ListKey, now: Date): Promise<number> {
  const listedAt = now.toISOString()
  const [{ rows: [kept] }, { rows: [later] }] = await Promise.all([
    runCompiledOnce(db, 'kept list count', [key.scope, key.termId], () => db.selectFrom('listingCounts').select('articles')
      .where('scope', '=', key.scope).where('termId', '=', key.termId)),
    runCompiledOnce(db, 'list entries due later', [key.scope, key.termId, listedAt], () => db.selectFrom('articleListings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('scope', '=', key.scope).where('termId', '=', key.termId).where('listedAt', '>', listedAt)),
  ])
  return Math.max(0, Number(kept?.articles ?? 0) - Number(later?.n ?? 0))
}

interface ListingRow {
  scope: ListKey['scope']
  termId: string
  articleId: string
  listedAt: string
}

/**
 * Makes the kept lists agree with these articles as they are now stored — their kind, status,
 * publication time, section, tags and authors — and adjusts the lists' counts by the difference.
 * An article that no longer exists leaves every list. Call it, in the writing transaction, after
 * anything that changes one of those; it writes nothing when the lists are already right.
 * @example await syncListings(trx, [articleId])
 */
export async function syncListings(db: Db, articleIds: string[]): Promise<void> {
  const ids = [...new Set(articleIds)]
  for (let i = 0; i < ids.length; i += CHUNK) await syncChunk(db, ids.slice(i, i + CHUNK))
}

async function syncChunk(db: Db, ids: string[]): Promise<void> {
  const [wanted, kept] = await Promise.all([wantedRows(db, ids), keptRows(db, ids)])
  const changed = ids.filter((id) => rowsKey(wanted.get(id)) !== rowsKey(kept.get(id)))
  if (changed.length === 0) return
  const deltas = new Map<string, { key: ListKey; by: number }>()
  const add = (row: ListingRow, by: number) => {
    const k = `${row.scope}\t${row.termId}`
    const delta = deltas.get(k) ?? { key: { scope: row.scope, termId: row.termId }, by: 0 }
    delta.by += by
    deltas.set(k, delta)
  }
  for (const id of changed) {
    for (const row of kept.get(id) ?? []) add(row, -1)
    for (const row of wanted.get(id) ?? []) add(row, +1)
  }
  await db.deleteFrom('articleListings').where('articleId', 'in', changed).execute()
  const inserts = changed.flatMap((id) => wanted.get(id) ?? [])
  for (let i = 0; i < inserts.length; i += CHUNK) await db.insertInto('articleListings').values(inserts.slice(i, i + CHUNK)).execute()
  await adjustCounts(db, [...deltas.values()].filter((d) => d.by !== 0))
}

/** Adds each delta to its list's count; a list left empty loses its count row, as if never counted. */
async function adjustCounts(db: Db, deltas: { key: ListKey; by: number }[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const part = deltas.slice(i, i + CHUNK)
    await db.insertInto('listingCounts').values(part.map((d) => ({ ...d.key, articles: d.by })))
      .onConflict((oc) => oc.columns(['scope', 'termId']).doUpdateSet((eb) => ({ articles: eb('listingCounts.articles', '+', eb.ref('excluded.articles')) })))
      .execute()
    const shrunk = part.filter((d) => d.by < 0)
    if (shrunk.length === 0) continue
    await db.deleteFrom('listingCounts').where('articles', '<=', 0)
      .where((eb) => eb.or(shrunk.map((d) => eb.and([eb('scope', '=', d.key.scope), eb('termId', '=', d.key.termId)]))))
      .execute()
  }
}

/** The list rows these articles should have, from the articles, their tags and their authors. */
async function wantedRows(db: Db, ids: string[]): Promise<Map<string, ListingRow[]>> {
  const [articles, tags, authors] = await Promise.all([
    db.selectFrom('articles').select(['id', 'kind', 'status', 'publishedAt', 'sectionId']).where('id', 'in', ids).execute(),
    db.selectFrom('articleTags').select(['articleId', 'tagId']).where('articleId', 'in', ids).execute(),
    db.selectFrom('articleAuthors').select(['articleId', 'personId']).where('articleId', 'in', ids).execute(),
  ])
  const tagIds = grouped(tags, (t) => t.articleId, (t) => t.tagId)
  const personIds = grouped(authors, (a) => a.articleId, (a) => a.personId)
  const rows = new Map<string, ListingRow[]>()
  for (const article of articles) {
    if (!isListed(article)) continue
    const listedAt = article.publishedAt!
    const on = (scope: ListKey['scope'], termId: string): ListingRow => ({ scope, termId, articleId: article.id, listedAt })
    rows.set(article.id, [
      on('all', ''),
      ...(article.sectionId ? [on('section', article.sectionId)] : []),
      ...(tagIds.get(article.id) ?? []).map((tagId) => on('tag', tagId)),
      ...(personIds.get(article.id) ?? []).map((personId) => on('author', personId)),
    ])
  }
  return rows
}

async function keptRows(db: Db, ids: string[]): Promise<Map<string, ListingRow[]>> {
  const rows = await db.selectFrom('articleListings').select(['scope', 'termId', 'articleId', 'listedAt']).where('articleId', 'in', ids).execute()
  return grouped(rows, (r) => r.articleId, (r): ListingRow => ({ ...r, scope: r.scope as ListKey['scope'] }))
}

function grouped<T, V>(items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(value(item))
    else groups.set(key(item), [value(item)])
  }
  return groups
}

/** The rows of one article in a canonical order, to tell whether kept and wanted differ. */
function rowsKey(rows: ListingRow[] | undefined): string {
  return (rows ?? []).map((r) => `${r.scope}\t${r.termId}\t${r.listedAt}`).sort().join('\n')
}

/**
 * Takes a section, tag or person off the lists: its own list goes, with its count. For use when
 * the term itself is deleted (its articles stay, and stay on their other lists).
 */
export async function forgetList(db: Db, key: ListKey): Promise<void> {
  await db.deleteFrom('articleListings').where('scope', '=', key.scope).where('termId', '=', key.termId).execute()
  await db.deleteFrom('listingCounts').where('scope', '=', key.scope).where('termId', '=', key.termId).execute()
}
