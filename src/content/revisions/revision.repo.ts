import type { Selectable } from 'kysely'
import { newId } from '../../core/ids.js'
import type { Db } from '../../storage/connect.js'
import type { ArticleRevisionTable } from '../../storage/schema.js'
import type { ArticleKind, ArticleStatus } from '../articles/article.js'
import type { BodyFormat } from '../body/render-body.js'
import type { Revision, RevisionContent, RevisionSummary } from './revision.js'

type RevisionRow = Selectable<ArticleRevisionTable>

const SUMMARY_COLUMNS = [
  'id', 'articleId', 'version', 'savedAt', 'savedBy', 'restoredFrom', 'headline', 'status', 'wordCount',
] as const satisfies readonly (keyof RevisionRow)[]

export interface NewRevision {
  articleId: string
  version: number
  savedAt: Date
  savedBy: string | null
  restoredFrom?: number | null
  wordCount: number
  content: RevisionContent
}

/**
 * Stores one revision; run it in the transaction of the write it records.
 * @example await insertRevision(trx, { articleId, version: 2, savedAt: now, savedBy: userId, wordCount: 412, content })
 */
export async function insertRevision(db: Db, revision: NewRevision): Promise<string> {
  const id = newId(revision.savedAt)
  const c = revision.content
  await db.insertInto('articleRevisions').values({
    id,
    articleId: revision.articleId,
    version: revision.version,
    savedAt: revision.savedAt.toISOString(),
    savedBy: revision.savedBy,
    restoredFrom: revision.restoredFrom ?? null,
    headline: c.headline,
    dek: c.dek,
    slug: c.slug,
    kind: c.kind,
    status: c.status,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    bodyFormat: c.body.format,
    bodySource: c.body.source,
    wordCount: revision.wordCount,
    heroMediaId: c.hero?.pictureId ?? null,
    heroAlt: c.hero?.alt ?? '',
    heroCaption: c.hero?.caption ?? '',
    heroCredit: c.hero?.credit ?? '',
    sectionId: c.sectionId,
    tagIds: JSON.stringify(c.tagIds),
    authorIds: JSON.stringify(c.authorIds),
    language: c.language,
    canonicalUrl: c.canonicalUrl,
  }).execute()
  return id
}

/**
 * An article's revisions, newest first, without their bodies.
 * @example const [latest] = await listRevisions(db, articleId) // { version: 3, savedBy: 'u1', headline: '…', wordCount: 412, … }
 */
export async function listRevisions(db: Db, articleId: string): Promise<RevisionSummary[]> {
  const rows = await db.selectFrom('articleRevisions').select(SUMMARY_COLUMNS)
    .where('articleId', '=', articleId).orderBy('version', 'desc').execute()
  return rows.map(toRevisionSummary)
}

/**
 * One revision with everything it holds, or undefined.
 * @example const revision = await getRevision(db, revisionId); revision?.content.body.source
 */
export async function getRevision(db: Db, revisionId: string): Promise<Revision | undefined> {
  const row = await db.selectFrom('articleRevisions').selectAll().where('id', '=', revisionId).executeTakeFirst()
  return row && toRevision(row)
}

/** Whether the article's `version` is kept as a revision (imports write none). */
export async function hasRevision(db: Db, articleId: string, version: number): Promise<boolean> {
  const row = await db.selectFrom('articleRevisions').select('id').where('articleId', '=', articleId).where('version', '=', version).executeTakeFirst()
  return row !== undefined
}

/** Who saved the article's `version`: a user id, or null when it was an import or is not known. */
export async function findRevisionAuthor(db: Db, articleId: string, version: number): Promise<string | null> {
  const row = await db.selectFrom('articleRevisions').select('savedBy').where('articleId', '=', articleId).where('version', '=', version).executeTakeFirst()
  return row?.savedBy ?? null
}

/**
 * A revision of the article as it is stored now, for an article whose current version has none
 * (it was imported, or saved before revisions were kept): written just before the article is
 * first changed, so history begins with what readers saw.
 */
export async function snapshotRevision(db: Db, articleId: string): Promise<NewRevision> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()
  const [tags, authors] = await Promise.all([
    db.selectFrom('articleTags').select('tagId').where('articleId', '=', articleId).orderBy('position').execute(),
    db.selectFrom('articleAuthors').select('personId').where('articleId', '=', articleId).orderBy('position').execute(),
  ])
  return {
    articleId,
    version: row.version,
    savedAt: new Date(row.updatedAt),
    savedBy: null,
    wordCount: row.wordCount,
    content: toContent(row, tags.map((t) => t.tagId), authors.map((a) => a.personId)),
  }
}

function toRevisionSummary(row: Pick<RevisionRow, (typeof SUMMARY_COLUMNS)[number]>): RevisionSummary {
  return {
    id: row.id,
    articleId: row.articleId,
    version: row.version,
    savedAt: new Date(row.savedAt),
    savedBy: row.savedBy,
    restoredFrom: row.restoredFrom,
    headline: row.headline,
    status: row.status as ArticleStatus,
    wordCount: row.wordCount,
  }
}

function toRevision(row: RevisionRow): Revision {
  return {
    ...toRevisionSummary(row),
    content: toContent(row, JSON.parse(row.tagIds) as string[], JSON.parse(row.authorIds) as string[]),
  }
}

/** The columns an article row and a revision row share, under the same names. */
type ContentColumns = Pick<RevisionRow,
  'headline' | 'dek' | 'slug' | 'kind' | 'status' | 'publishedAt' | 'bodyFormat' | 'bodySource' | 'heroMediaId' | 'heroAlt' | 'heroCaption'
  | 'heroCredit' | 'sectionId' | 'language' | 'canonicalUrl'>

function toContent(row: ContentColumns, tagIds: string[], authorIds: string[]): RevisionContent {
  return {
    headline: row.headline,
    dek: row.dek,
    slug: row.slug,
    kind: row.kind as ArticleKind,
    status: row.status as ArticleStatus,
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    body: { format: row.bodyFormat as BodyFormat, source: row.bodySource },
    hero: row.heroMediaId ? { pictureId: row.heroMediaId, alt: row.heroAlt, caption: row.heroCaption, credit: row.heroCredit } : null,
    sectionId: row.sectionId,
    tagIds,
    authorIds,
    language: row.language,
    canonicalUrl: row.canonicalUrl,
  }
}
