import { newId } from '../../core/ids.js'
import { err, ok, type Result } from '../../core/result.js'
import { runCompiledOnce, insertRows } from '../../storage/compiled-once.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { renderBody } from '../body/render-body.js'
import { redirectOldSlug } from '../redirects/redirect.repo.js'
import { findRevisionAuthor, hasRevision, insertRevision, snapshotRevision } from '../revisions/revision.repo.js'
import { markContentChanged } from '../site-changes.js'
import { emitArticleChange } from '../webhooks/article-events.js'
import { ArticleInput, choosePublication, isPublic, type Article, type ArticleStatus, type ValidArticleInput } from './article.js'
import { findArticleById, isSlugTaken } from './article.repo.js'
import { syncListings } from './article-listings.js'
import { missingReferences, replaceOrdered, type FieldIssue } from './article-references.js'
import { readingMinutes } from './reading-time.js'
import { RESERVED_SLUGS, SLUG_RE, slugify, uniqueSlug } from './slug.js'

export type { FieldIssue } from './article-references.js'

export type SaveArticleError =
  | { type: 'invalid'; issues: FieldIssue[] }
  | { type: 'slug-taken'; slug: string }

/** Someone saved the article since the editor opened it: the stale save is refused, not merged. */
export interface EditConflict {
  type: 'conflict'
  currentVersion: number
  updatedAt: Date
  /** Who saved the current version: a user id, or null for an import or the system. */
  editedBy: string | null
}

export type UpdateArticleError = SaveArticleError | { type: 'not-found' } | EditConflict

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
  /** Who is saving: a user id, or null (the default) for imports and the system. */
  savedBy?: string | null
  /**
   * Whether to keep the written state as a revision (the default). Imports say false: an archive's
   * articles cost no second copy, and an article's history starts (with the imported state) when
   * it is first edited.
   */
  revision?: boolean
  /** The version whose content this write restores, recorded on its revision. */
  restoredFrom?: number
  /**
   * Whether to queue webhook events (the default). Imports say false: an archive arriving is not
   * news to announce thousands of times over, and the import's hot loop stays as fast as before.
   */
  events?: boolean
  /**
   * Whether trusted staff vouch for the body's links. By default a save by a contributor does not
   * (their links to other hosts get `rel="nofollow ugc"`) and any other save does: an import, the
   * system, an integration, an author, an editor. A page saved from the web is imported with false.
   */
  trustedLinks?: boolean
  /** The site's address (MASTHEAD_SITE_URL): body links to its host are internal, never nofollow. */
  siteUrl?: string
  /**
   * Whether this write records the site change (the default). A bulk writer (an import) says
   * false and calls `markContentChanged` once for all its writes, before its transaction ends.
   */
  markChanged?: boolean
  /**
   * Set by a caller that got the section, tag, author and picture ids from this transaction (an
   * import creates or finds them just before): they are not looked up again. Foreign keys still
   * refuse an id that does not exist, as an error rather than a field issue.
   */
  referencesExist?: boolean
}

/** The article an update by id writes, and the version the editor's copy was based on. */
export interface UpdateTarget {
  id: string
  baseVersion: number
}

export interface WrittenArticle {
  id: string
  slug: string
  created: boolean
  version: number
}

/**
 * Writes parsed input: the one writer behind `saveArticle`, `updateArticle`, `restoreRevision` and
 * the importers. Without `target` it creates an article, or updates the one with the same
 * `sourceKey`; with `target` it updates that article, refusing a stale `baseVersion`. Every write
 * raises the version and, unless told otherwise, stores a revision. It does not reload the article
 * afterwards, for callers that write many (imports). Run it inside a transaction.
 * @example const written = await writeArticle(trx, valid, now, { savedBy: userId }, { id, baseVersion: 3 })
 */
export async function writeArticle(trx: Db, valid: ValidArticleInput, now: Date, options?: WriteOptions): Promise<Result<WrittenArticle, SaveArticleError>>
export async function writeArticle(trx: Db, valid: ValidArticleInput, now: Date, options: WriteOptions, target: UpdateTarget): Promise<Result<WrittenArticle, UpdateArticleError>>
export async function writeArticle(
  trx: Db, valid: ValidArticleInput, now: Date, options: WriteOptions = {}, target?: UpdateTarget,
): Promise<Result<WrittenArticle, UpdateArticleError>> {
  const found = await findExisting(trx, valid, target)
  if (!found.ok) return found
  const existing = found.value
  const referenceIssues = options.referencesExist ? [] : await missingReferences(trx, valid)
  if (referenceIssues.length) return err({ type: 'invalid', issues: referenceIssues })
  const publication = choosePublication(valid, existing, now, { allowPastSchedule: options.allowPastSchedule === true })
  if (!publication.ok) return publication
  const slug = await chooseSlug(trx, valid, existing)
  if (!slug.ok) return slug

  const keepRevision = options.revision !== false
  // The state being replaced goes into history first, if an import left it out.
  if (existing && keepRevision && !(await hasRevision(trx, existing.id, existing.version))) {
    await insertRevision(trx, await snapshotRevision(trx, existing.id))
  }
  const trustedLinks = options.trustedLinks ?? !(await isContributor(trx, options.savedBy))
  const body = renderBody(valid.body.format, valid.body.source, { trustedLinks, siteUrl: options.siteUrl })
  const pictures = body.images + (valid.hero ? 1 : 0)
  const { status, publishedAt } = publication.value
  const id = existing?.id ?? newId(now)
  const version = (existing?.version ?? 0) + 1
  const tagIds = [...new Set(valid.tagIds)]
  const authorIds = [...new Set(valid.authorIds)]
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
    status,
    kind: valid.kind,
    sectionId: valid.sectionId,
    language: valid.language,
    canonicalUrl: valid.canonicalUrl,
    // An update by id that names no source key keeps the one an import gave the article.
    sourceKey: valid.sourceKey ?? existing?.sourceKey ?? null,
    updatedAt: now.toISOString(),
    publishedAt: publishedAt ? publishedAt.toISOString() : null,
    version,
  }
  if (existing) {
    // The version check is in the UPDATE itself, so no write can slip in between check and write.
    const updated = await trx.updateTable('articles').set(row).where('id', '=', id).where('version', '=', existing.version).executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) throw new Error(`article ${id} changed while it was being saved`)
    if (existing.slug !== slug.value && isPublic(existing, now)) await redirectOldSlug(trx, id, { from: existing.slug, to: slug.value }, now)
  } else {
    await insertRows(trx, 'articles', [{ ...row, id, createdAt: (options.createdAt ?? now).toISOString() }])
  }
  await replaceOrdered(trx, id, { tagIds, authorIds }, { isNew: !existing })
  await syncListings(trx, [id])
  if (keepRevision) {
    await insertRevision(trx, {
      articleId: id, version, savedAt: now, savedBy: options.savedBy ?? null, restoredFrom: options.restoredFrom ?? null, wordCount: body.words,
      content: { ...valid, slug: slug.value, status, publishedAt, tagIds, authorIds },
    })
  }
  if (options.markChanged !== false) await markContentChanged(trx, now)
  if (options.events !== false) await emitArticleChange(trx, id, existing, { status, publishedAt }, now)
  return ok({ id, slug: slug.value, created: !existing, version })
}

/**
 * Whether `savedBy` is a staff account with the contributor role, the one role whose links the
 * site does not vouch for. Imports, the system and integrations save as no staff account.
 */
async function isContributor(db: Db, savedBy: string | null | undefined): Promise<boolean> {
  if (!savedBy) return false
  const row = await db.selectFrom('users').select('role').where('id', '=', savedBy).executeTakeFirst()
  return row?.role === 'contributor'
}

/** Just what a save needs to know of the article it replaces. */
interface ExistingState {
  id: string
  slug: string
  status: ArticleStatus
  publishedAt: Date | null
  sourceKey: string | null
  version: number
  updatedAt: Date
}

/** The article a write replaces: the target of an update by id, else the one with the same source key. */
async function findExisting(db: Db, valid: ValidArticleInput, target: UpdateTarget | undefined): Promise<Result<ExistingState | undefined, UpdateArticleError>> {
  if (!target) return ok(valid.sourceKey ? await findArticleState(db, 'sourceKey', valid.sourceKey) : undefined)
  const existing = await findArticleState(db, 'id', target.id)
  if (!existing) return err({ type: 'not-found' })
  if (existing.version !== target.baseVersion) {
    const editedBy = await findRevisionAuthor(db, existing.id, existing.version)
    return err({ type: 'conflict', currentVersion: existing.version, updatedAt: existing.updatedAt, editedBy })
  }
  return ok(existing)
}

async function findArticleState(db: Db, by: 'id' | 'sourceKey', value: string): Promise<ExistingState | undefined> {
  // Once per article written: compiled once (an import writes 100,000).
  const { rows: [row] } = await runCompiledOnce(db, `article state by ${by}`, [value], () => db.selectFrom('articles')
    .select(['id', 'slug', 'status', 'publishedAt', 'sourceKey', 'version', 'updatedAt']).where(by, '=', value))
  return row && { ...row, status: row.status as ArticleStatus, publishedAt: row.publishedAt ? new Date(row.publishedAt) : null, updatedAt: new Date(row.updatedAt) }
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
