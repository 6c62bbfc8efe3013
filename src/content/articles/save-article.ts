import { newId } from '../../core/ids.js'
import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { renderBody } from '../body/render-body.js'
import { markContentChanged } from '../site-changes.js'
import { ArticleInput, type Article, type ValidArticleInput } from './article.js'
import { findArticleById, findArticleIdBySourceKey, isSlugTaken } from './article.repo.js'
import { readingMinutes } from './reading-time.js'
import { RESERVED_SLUGS, SLUG_RE, slugify, uniqueSlug } from './slug.js'

export interface FieldIssue {
  field: string
  message: string
}

export type SaveArticleError =
  | { type: 'invalid'; issues: FieldIssue[] }
  | { type: 'slug-taken'; slug: string }

export interface SavedArticle {
  article: Article
  created: boolean
}

/**
 * Creates an article, or updates the one with the same `sourceKey` (so imports are idempotent).
 * Renders and sanitises the body, counts reading time, and keeps a published slug stable.
 * @example const result = await saveArticle(db, { headline: 'Tide tables', body: { format: 'markdown', source: '…' } }, now)
 */
export async function saveArticle(db: Db, input: ArticleInput, now: Date): Promise<Result<SavedArticle, SaveArticleError>> {
  const parsed = parseArticleInput(input)
  if (!parsed.ok) return parsed
  return inTransaction(db, async (trx) => {
    const written = await writeArticle(trx, parsed.value, now)
    if (!written.ok) return written
    return ok({ article: (await findArticleById(trx, written.value.id))!, created: written.value.created })
  })
}

/** Parses article input, naming every invalid field. */
export function parseArticleInput(input: ArticleInput): Result<ValidArticleInput, SaveArticleError> {
  const parsed = ArticleInput.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  return err({ type: 'invalid', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(article)', message: i.message })) })
}

export interface WriteOptions {
  /** Creation time of a new article; an import keeps the original's. Defaults to `now`. */
  createdAt?: Date
  /** Imports bring scheduled articles whose time may have passed in the archive; keep them scheduled. */
  allowPastSchedule?: boolean
}

/**
 * Writes parsed input: the core of `saveArticle`, without reloading the article afterwards,
 * for callers that write many (imports). Run it inside a transaction.
 */
export async function writeArticle(
  trx: Db, valid: ValidArticleInput, now: Date, options: WriteOptions = {},
): Promise<Result<{ id: string; slug: string; created: boolean }, SaveArticleError>> {
  const referenceIssues = await missingReferences(trx, valid)
  if (referenceIssues.length) return err({ type: 'invalid', issues: referenceIssues })
  const scheduleIssue = options.allowPastSchedule ? undefined : checkSchedule(valid, now)
  if (scheduleIssue) return err({ type: 'invalid', issues: [scheduleIssue] })

  const existingId = valid.sourceKey ? await findArticleIdBySourceKey(trx, valid.sourceKey) : undefined
  const existing = existingId ? await findArticleStateById(trx, existingId) : undefined
  const slug = await chooseSlug(trx, valid, existing)
  if (!slug.ok) return slug

  const body = renderBody(valid.body.format, valid.body.source)
  const pictures = body.images + (valid.hero ? 1 : 0)
  const publishedAt = valid.status === 'draft'
    ? valid.publishedAt
    : valid.publishedAt ?? existing?.publishedAt ?? now
  const id = existing?.id ?? newId(now)
  const row = {
    slug: slug.value,
    headline: valid.headline,
    dek: valid.dek,
    bodyFormat: valid.body.format,
    bodySource: valid.body.source,
    bodyHtml: body.html,
    bodyText: body.text,
    wordCount: body.words,
    imageCount: body.images,
    readingMinutes: readingMinutes({ words: body.words, pictures }),
    heroMediaId: valid.hero?.pictureId ?? null,
    heroAlt: valid.hero?.alt ?? '',
    heroCaption: valid.hero?.caption ?? '',
    heroCredit: valid.hero?.credit ?? '',
    status: valid.status,
    kind: valid.kind,
    sectionId: valid.sectionId,
    language: valid.language,
    canonicalUrl: valid.canonicalUrl,
    sourceKey: valid.sourceKey,
    updatedAt: now.toISOString(),
    publishedAt: publishedAt ? publishedAt.toISOString() : null,
  }
  if (existing) await trx.updateTable('articles').set(row).where('id', '=', id).execute()
  else await trx.insertInto('articles').values({ ...row, id, createdAt: (options.createdAt ?? now).toISOString() }).execute()
  await replaceOrdered(trx, id, valid)
  await markContentChanged(trx, now)
  return ok({ id, slug: slug.value, created: !existing })
}

/** Just what a save needs to know of the article it replaces. */
interface ExistingState {
  id: string
  slug: string
  status: string
  publishedAt: Date | null
}

async function findArticleStateById(db: Db, id: string): Promise<ExistingState | undefined> {
  const row = await db.selectFrom('articles').select(['id', 'slug', 'status', 'publishedAt']).where('id', '=', id).executeTakeFirst()
  return row && { ...row, publishedAt: row.publishedAt ? new Date(row.publishedAt) : null }
}

async function chooseSlug(db: Db, input: ValidArticleInput, existing: ExistingState | undefined): Promise<Result<string, SaveArticleError>> {
  if (input.slug !== undefined) {
    const wanted = slugify(input.slug)
    if (!SLUG_RE.test(wanted) || RESERVED_SLUGS.has(wanted)) {
      return err({ type: 'invalid', issues: [{ field: 'slug', message: `"${input.slug}" cannot be used as a slug` }] })
    }
    return (await isSlugTaken(db, wanted, existing?.id)) ? err({ type: 'slug-taken', slug: wanted }) : ok(wanted)
  }
  // Once readers may have the URL, the slug no longer follows the headline.
  if (existing && (existing.status !== 'draft' || existing.publishedAt)) return ok(existing.slug)
  return ok(await uniqueSlug(slugify(input.headline), (candidate) => isSlugTaken(db, candidate, existing?.id)))
}

function checkSchedule(input: ValidArticleInput, now: Date): FieldIssue | undefined {
  if (input.status !== 'scheduled') return undefined
  if (!input.publishedAt) return { field: 'publishedAt', message: 'a scheduled article needs a publication time' }
  if (input.publishedAt <= now) return { field: 'publishedAt', message: 'a scheduled publication time must be in the future' }
  return undefined
}

async function missingReferences(db: Db, input: ValidArticleInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = []
  const check = async (table: 'sections' | 'tags' | 'people' | 'media', noun: string, fields: [field: string, id: string][]) => {
    if (fields.length === 0) return
    const ids = fields.map(([, id]) => id)
    const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id))
    for (const [field, id] of fields) if (!found.has(id)) issues.push({ field, message: `no such ${noun}: ${id}` })
  }
  const listed = (name: string, ids: string[]) => ids.map((id, i): [string, string] => [`${name}.${i}`, id])
  await check('sections', 'section', input.sectionId ? [['sectionId', input.sectionId]] : [])
  await check('tags', 'tag', listed('tagIds', input.tagIds))
  await check('people', 'person', listed('authorIds', input.authorIds))
  await check('media', 'picture', input.hero ? [['hero.pictureId', input.hero.pictureId]] : [])
  return issues
}

async function replaceOrdered(db: Db, articleId: string, input: ValidArticleInput): Promise<void> {
  await db.deleteFrom('articleTags').where('articleId', '=', articleId).execute()
  await db.deleteFrom('articleAuthors').where('articleId', '=', articleId).execute()
  const tagIds = [...new Set(input.tagIds)]
  const authorIds = [...new Set(input.authorIds)]
  if (tagIds.length) await db.insertInto('articleTags').values(tagIds.map((tagId, position) => ({ articleId, tagId, position }))).execute()
  if (authorIds.length) await db.insertInto('articleAuthors').values(authorIds.map((personId, position) => ({ articleId, personId, position }))).execute()
}
