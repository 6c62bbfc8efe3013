import { findArticleIdBySourceKey } from '../content/articles/article.repo.js'
import { parseArticleInput, writeArticle } from '../content/articles/save-article.js'
import { slugify } from '../content/articles/slug.js'
import { ensureRemotePicture } from '../content/media/remote-picture.js'
import { storePicture } from '../content/media/store-picture.js'
import { markContentChanged } from '../content/site-changes.js'
import { ensurePerson } from '../content/people/person.repo.js'
import { ensureSection } from '../content/sections/section.repo.js'
import { ensureTag } from '../content/tags/tag.repo.js'
import { paths } from '../http/paths.js'
import { runCompiledOnce } from '../storage/compiled-once.js'
import type { Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import type { ImportProblem } from './import-problem.js'
import type { ImportRecord } from './import-record.js'

export interface ApplyDeps {
  db: Db
  files: FileStore
  now: Date
  /** The site's address (MASTHEAD_SITE_URL), so body links to it count as its own. */
  siteUrl?: string
}

export interface AppliedRecord {
  file: string
  location: string
  articleId: string
  slug: string
  headline: string
  action: 'created' | 'updated'
}

/** Thrown to stop an import; the transaction around it rolls back. */
export class ImportAbort extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message)
  }
}

/**
 * Writes records into an open transaction, remembering sections, tags and people it has seen,
 * so a large archive costs a few queries per article. Picture files it writes are listed in
 * `writtenKeys`, for removal if the transaction is rolled back.
 */
export class RecordWriter {
  readonly writtenKeys: string[] = []
  private readonly sections = new Map<string, string>()
  private readonly tags = new Map<string, string>()
  private readonly people = new Map<string, string>()
  /** The latest time an article was written with, for `finish`. */
  private lastWrittenAt: Date | undefined

  constructor(private readonly deps: ApplyDeps) {}

  /**
   * Checks a record before anything is written for it; returns the problem, or undefined.
   * Checking first is what lets --skip-invalid skip a record without leaving half of it behind.
   */
  check(record: ImportRecord, file: string): ImportProblem | undefined {
    const parsed = parseArticleInput(this.toInput(record, { sectionId: null, tagIds: [], authorIds: [], pictureId: record.hero ? 'unchecked' : undefined }))
    if (parsed.ok) return undefined
    const issues = parsed.error.type === 'invalid' ? parsed.error.issues : [{ field: 'slug', message: `the slug "${parsed.error.slug}" is taken` }]
    return { file, record: record.location, field: issues[0]!.field, message: issues.map((i) => `${i.field}: ${i.message}`).join('; ') }
  }

  /** Writes one checked record; a failure here is a bug or an outage and stops the import. */
  async write(record: ImportRecord, file: string): Promise<AppliedRecord> {
    const { db, now } = this.deps
    const sectionId = record.section ? await this.term(this.sections, record.section, (t) => ensureSection(db, t, now)) : null
    // One at a time: a record naming the same tag twice must not create it twice.
    const tagIds: string[] = []
    for (const t of record.tags ?? []) tagIds.push(await this.term(this.tags, t, (x) => ensureTag(db, x, now)))
    const authorIds: string[] = []
    for (const a of record.authors ?? []) authorIds.push(await this.term(this.people, a, (x) => ensurePerson(db, x, now)))
    const pictureId = record.hero ? await this.picture(record) : undefined
    const parsed = parseArticleInput(this.toInput(record, { sectionId, tagIds: [...new Set(tagIds)], authorIds: [...new Set(authorIds)], pictureId }))
    const written = parsed.ok
      // No revision rows: an archive costs no second copy of every body; history starts at the first edit.
      ? await writeArticle(db, parsed.value, record.updatedAt ?? now, {
        createdAt: record.createdAt, allowPastSchedule: true, revision: false, events: false, markChanged: false, referencesExist: true,
        trustedLinks: record.trustedLinks ?? true, siteUrl: this.deps.siteUrl,
      })
      : parsed
    if (!written.ok) {
      const issues = written.error.type === 'invalid' ? written.error.issues : [{ field: 'slug', message: `the slug "${written.error.slug}" is taken` }]
      throw new ImportAbort({ file, record: record.location, field: issues[0]!.field, message: issues.map((i) => `${i.field}: ${i.message}`).join('; ') })
    }
    const { id, slug, created } = written.value
    const writtenAt = record.updatedAt ?? now
    if (!this.lastWrittenAt || writtenAt > this.lastWrittenAt) this.lastWrittenAt = writtenAt
    await this.redirect(record.redirectsFrom ?? [], id, slug)
    return { file, location: record.location, articleId: id, slug, headline: record.headline, action: created ? 'created' : 'updated' }
  }

  /** Records the site change once for every article written (each write leaves it out); call it before the transaction ends. */
  async finish(): Promise<void> {
    if (this.lastWrittenAt) await markContentChanged(this.deps.db, this.lastWrittenAt)
  }

  private toInput(record: ImportRecord, refs: { sectionId: string | null; tagIds: string[]; authorIds: string[]; pictureId: string | undefined }) {
    return {
      headline: record.headline,
      dek: record.dek ?? '',
      ...(record.slug !== undefined && { slug: record.slug }),
      body: { format: 'html' as const, source: record.bodyHtml },
      hero: record.hero && refs.pictureId
        ? { pictureId: refs.pictureId, alt: record.hero.alt, caption: record.hero.caption ?? '', credit: record.hero.credit ?? '' }
        : null,
      status: record.status,
      kind: record.kind,
      publishedAt: record.publishedAt ?? null,
      sectionId: refs.sectionId,
      tagIds: refs.tagIds,
      authorIds: refs.authorIds,
      language: record.language ?? 'en',
      canonicalUrl: record.canonicalUrl ?? null,
      sourceKey: record.sourceKey,
    }
  }

  private async term<T extends { name: string; slug?: string }>(cache: Map<string, string>, term: T, ensure: (t: T) => Promise<{ id: string }>) {
    const slug = term.slug ?? slugify(term.name)
    const known = cache.get(slug)
    if (known) return known
    const { id } = await ensure({ ...term, slug })
    cache.set(slug, id)
    return id
  }

  private async picture(record: ImportRecord): Promise<string | undefined> {
    const hero = record.hero!
    const { db, files, now } = this.deps
    if (hero.remoteUrl) return (await ensureRemotePicture(db, { url: hero.remoteUrl, alt: hero.alt, width: hero.width, height: hero.height }, now)).id
    if (!hero.bytes) return undefined
    // A re-import keeps the picture it stored the first time.
    const existingId = await findArticleIdBySourceKey(db, record.sourceKey)
    if (existingId) {
      const row = await db.selectFrom('articles').select('heroMediaId').where('id', '=', existingId).executeTakeFirst()
      if (row?.heroMediaId) return row.heroMediaId
    }
    const stored = await storePicture(db, files, await hero.bytes(), { alt: hero.alt }, now, { events: false })
    this.writtenKeys.push(...stored.writtenKeys)
    return stored.picture.id
  }

  private async redirect(fromPaths: string[], articleId: string, slug: string): Promise<void> {
    const target = paths.article(slug)
    const rows = [...new Set(fromPaths)].filter((fromPath) => fromPath !== target && fromPath !== target.slice(0, -1))
      .map((fromPath) => ({ fromPath, articleId, createdAt: this.deps.now.toISOString() }))
    if (rows.length === 0) return
    const { db } = this.deps
    await runCompiledOnce(db, `redirects upsert × ${rows.length}`, [...rows.flatMap((r) => [r.fromPath, r.articleId, r.createdAt]), articleId],
      () => db.insertInto('redirects').values(rows).onConflict((oc) => oc.column('fromPath').doUpdateSet({ articleId })))
  }
}
