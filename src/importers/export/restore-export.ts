import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readingMinutes } from '../../content/articles/reading-time.js'
import { syncListings } from '../../content/articles/article-listings.js'
import { renderBody } from '../../content/body/render-body.js'
import { markContentChanged } from '../../content/site-changes.js'
import { LOCAL_SETTINGS, type ExportArticle, type ExportFile, type ExportMedia } from '../../export/export-format.js'
import {
  fromExportArticle, fromExportCorrection, fromExportMedia, fromExportPerson, fromExportRedirect, fromExportRevision, fromExportSection,
  fromExportTag, type RenderedFields,
} from '../../export/export-rows.js'
import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { FileStore } from '../../storage/files/file-store.js'
import { ImportAbort } from '../apply-records.js'
import type { ImportDeps, ImportReport } from '../import-files.js'
import type { ImportProblem } from '../import-problem.js'
import { checkExport } from './check-export.js'
import { readExport } from './read-export.js'

/** Rows per insert statement: far below SQLite's limit on bound variables. */
const CHUNK = 100
const LISTED_ARTICLES = 1000

/**
 * Restores a Masthead export into an empty site exactly: same ids, slugs, times, statuses,
 * bodies, tag and author order, pictures (files copied under the same keys), settings and
 * redirects, corrections and revisions. One transaction, all or nothing; a site that already has content is refused, so
 * nothing can clash. Bodies are rendered again from their source rather than taking the file's
 * HTML on trust; with the same Masthead version that gives the same HTML.
 * @example const result = await restoreExport({ db, files, now: new Date() }, 'masthead-export-20260601T120000Z/site.json')
 */
export async function restoreExport(deps: ImportDeps, file: string): Promise<Result<ImportReport, ImportProblem>> {
  const opened = await readExport(file)
  if (!opened.ok) return opened
  const { data, mediaFolder } = opened.value
  const writtenKeys: string[] = []
  try {
    const problem = checkExport(data, file)
    if (problem) return err(problem)
    const report = await inTransaction(deps.db, async (trx) => {
      const contents = await siteContents(trx)
      if (contents) {
        throw new ImportAbort({ file, message: `a Masthead export is restored only into an empty site, and this one has ${contents}; use a new MASTHEAD_DATA_DIR` })
      }
      const missing = await copyMediaFiles(deps.files, data.media, mediaFolder, file, writtenKeys)
      const rerendered = await insertRows(trx, data, deps.siteUrl)
      await replaceSettings(trx, data.settings)
      await markContentChanged(trx, deps.now)
      return toReport(data, file, missing, rerendered)
    })
    return ok(report)
  } catch (error) {
    // The transaction rolled back; remove the picture files it would have referred to.
    await Promise.all(writtenKeys.map((key) => deps.files.delete(key).catch(() => undefined)))
    if (error instanceof ImportAbort) return err(error.problem)
    throw error
  } finally {
    await opened.value.close()
  }
}

/** What the site already holds, e.g. `3 articles, 1 section`, or '' when it is empty. */
async function siteContents(db: Db): Promise<string> {
  const tables = ['articles', 'sections', 'tags', 'people', 'media', 'redirects'] as const
  const counts = await Promise.all(tables.map(async (table) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)))
  return tables.flatMap((table, i) => (counts[i] ? [`${counts[i]} ${table}`] : [])).join(', ')
}

/** Copies each stored picture's files into the store, checking originals against their sha256. */
async function copyMediaFiles(files: FileStore, media: ExportMedia[], folder: string, file: string, written: string[]): Promise<string[]> {
  const missing: string[] = []
  for (const [i, m] of media.entries()) {
    if (m.remote_url !== null) continue
    for (const key of [m.storage_key, ...m.variants.map((v) => v.key)]) {
      const bytes = await readPlainFile(path.join(folder, ...key.split('/')))
      if (bytes === 'link') {
        throw new ImportAbort({ file, record: `picture ${i + 1} (id ${m.id})`, field: 'storage_key', message: `media/${key} is a link, not a file: an export holds only files` })
      }
      if (!bytes) {
        missing.push(key)
        continue
      }
      if (key === m.storage_key && m.sha256 && createHash('sha256').update(bytes).digest('hex') !== m.sha256) {
        throw new ImportAbort({ file, record: `picture ${i + 1} (id ${m.id})`, field: 'sha256', message: `media/${key} does not match its sha256: the file was changed or damaged` })
      }
      await files.put(key, bytes)
      written.push(key)
    }
  }
  return missing
}

/** A file's bytes; undefined when it is missing, 'link' when it is a symbolic link (never followed). */
async function readPlainFile(file: string): Promise<Buffer | undefined | 'link'> {
  try {
    if ((await fs.lstat(file)).isSymbolicLink()) return 'link'
    return await fs.readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Inserts every row as it is in the export, parents before children; returns how many bodies rendered differently. */
async function insertRows(db: Db, data: ExportFile, siteUrl: string | undefined): Promise<number> {
  for (const rows of chunks(data.sections.map(fromExportSection))) await db.insertInto('sections').values(rows).execute()
  for (const rows of chunks(data.tags.map(fromExportTag))) await db.insertInto('tags').values(rows).execute()
  for (const rows of chunks(data.people.map(fromExportPerson))) await db.insertInto('people').values(rows).execute()
  for (const rows of chunks(data.media.map(fromExportMedia))) await db.insertInto('media').values(rows).execute()
  let rerendered = 0
  for (const articles of chunks(data.articles)) {
    const rows = articles.map((a) => {
      const body = renderedFields(a, siteUrl)
      if (body.html !== a.body.html && a.body.html !== undefined) rerendered++
      return fromExportArticle(a, body)
    })
    await db.insertInto('articles').values(rows).execute()
    const tags = articles.flatMap((a) => a.tag_ids.map((tagId, position) => ({ articleId: a.id, tagId, position })))
    const authors = articles.flatMap((a) => a.author_ids.map((personId, position) => ({ articleId: a.id, personId, position })))
    for (const part of chunks(tags)) await db.insertInto('articleTags').values(part).execute()
    for (const part of chunks(authors)) await db.insertInto('articleAuthors').values(part).execute()
  }
  await syncListings(db, data.articles.map((a) => a.id))
  for (const rows of chunks(data.redirects.map(fromExportRedirect))) await db.insertInto('redirects').values(rows).execute()
  for (const rows of chunks(data.corrections.map(fromExportCorrection))) await db.insertInto('articleCorrections').values(rows).execute()
  for (const rows of chunks(data.revisions.map(fromExportRevision))) await db.insertInto('articleRevisions').values(rows).execute()
  return rerendered
}

/**
 * The body as this Masthead renders it. The file's text and counts are kept when its HTML is
 * what the renderer gives (they were stored with it); otherwise all are taken from the render.
 * A body whose exported HTML marks links `ugc` was not vouched for by staff (a contributor's, a
 * page from the web): it is rendered so again, since the export keeps no role.
 */
function renderedFields(a: ExportArticle, siteUrl: string | undefined): RenderedFields {
  const trustedLinks = !/\srel="[^"]*\bugc\b/.test(a.body.html ?? '')
  const body = renderBody(a.body.format, a.body.source, { trustedLinks, siteUrl })
  const same = a.body.html === body.html
  const pictures = body.images + (a.hero_media_id ? 1 : 0)
  return {
    html: body.html,
    text: same ? a.body.text ?? body.text : body.text,
    wordCount: same ? a.word_count ?? body.words : body.words,
    imageCount: same ? a.image_count ?? body.images : body.images,
    readingMinutes: same ? a.reading_minutes ?? readingMinutes({ words: body.words, pictures }) : readingMinutes({ words: body.words, pictures }),
  }
}

/** The export's settings replace the site's; this database's own bookkeeping rows stay. */
async function replaceSettings(db: Db, settings: Record<string, string>): Promise<void> {
  const local: readonly string[] = LOCAL_SETTINGS
  await db.deleteFrom('settings').where('key', 'not in', LOCAL_SETTINGS).execute()
  const rows = Object.entries(settings).filter(([key]) => !local.includes(key)).map(([key, value]) => ({ key, value }))
  for (const part of chunks(rows)) await db.insertInto('settings').values(part).execute()
}

function toReport(data: ExportFile, file: string, missing: string[], rerendered: number): ImportReport {
  const notes = [
    `restored ${data.articles.length} articles, ${data.sections.length} sections, ${data.tags.length} tags, ${data.people.length} people, `
      + `${data.media.length} pictures, ${data.redirects.length} redirects, ${data.corrections.length} corrections and updates, `
      + `${data.revisions.length} revisions and ${Object.keys(data.settings).length} settings with their ids and times`,
  ]
  if (missing.length) notes.push(`${missing.length} picture file(s) listed in the export are not in its media folder: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`)
  if (rerendered) notes.push(`${rerendered} article bod${rerendered > 1 ? 'ies were' : 'y was'} rendered differently by this version of Masthead than in the export`)
  return {
    articles: data.articles.slice(0, LISTED_ARTICLES).map((a, i) => ({
      file, location: `article ${i + 1}`, articleId: a.id, slug: a.slug, headline: a.headline, action: 'created' as const,
    })),
    created: data.articles.length,
    updated: 0,
    skipped: [],
    notes: notes.map((note) => `${file}: ${note}`),
  }
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
