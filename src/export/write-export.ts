import fs from 'node:fs/promises'
import path from 'node:path'
import { runTransaction, type Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import { EXPORT_VERSION, LOCAL_SETTINGS, MEDIA_FOLDER, SITE_JSON, type ExportHeader, type ExportMedia } from './export-format.js'
import {
  toExportArticle, toExportCorrection, toExportMedia, toExportPerson, toExportRedirect, toExportRevision, toExportSection, toExportTag,
} from './export-rows.js'
import { openJsonFileWriter, type JsonFileWriter } from './json-file-writer.js'

export const GENERATOR = 'masthead 0.1.0'

/** Rows read per query: memory holds one page of articles, whatever the size of the site. */
const PAGE = 500

export interface ExportDeps {
  db: Db
  files: FileStore
  now: Date
}

export interface ExportCounts {
  settings: number
  sections: number
  tags: number
  people: number
  media: number
  /** Picture files copied into media/ (originals and variants). */
  mediaFiles: number
  /** Keys of picture files the database lists but the file store does not have. */
  missingFiles: string[]
  articles: number
  redirects: number
  corrections: number
  revisions: number
}

/**
 * Writes the whole site into `folder` (which must not exist yet): `site.json`, streamed page by
 * page, and `media/` with every stored picture file under its storage key. Everything is read in
 * one read transaction, so the export is a consistent snapshot while the site goes on serving.
 * @example const counts = await writeExport({ db, files, now: new Date() }, 'masthead-export-20260601T120000Z')
 */
export async function writeExport(deps: ExportDeps, folder: string): Promise<ExportCounts> {
  await fs.mkdir(folder)
  await fs.mkdir(path.join(folder, MEDIA_FOLDER))
  const out = await openJsonFileWriter(path.join(folder, SITE_JSON))
  const counts: ExportCounts = { settings: 0, sections: 0, tags: 0, people: 0, media: 0, mediaFiles: 0, missingFiles: [], articles: 0, redirects: 0, corrections: 0, revisions: 0 }
  try {
    await runTransaction(deps.db, async (trx) => {
      // First in the file: format detection reads only the first 64 KB.
      const header: ExportHeader = { version: EXPORT_VERSION, exported_at: deps.now.toISOString(), generator: GENERATOR }
      await out.field('masthead_export', header)
      const settings = await trx.selectFrom('settings').select(['key', 'value']).where('key', 'not in', LOCAL_SETTINGS).orderBy('key').execute()
      await out.field('settings', Object.fromEntries(settings.map((s) => [s.key, s.value])))
      counts.settings = settings.length

      counts.sections = await writeArray(out, 'sections', (after) => trx.selectFrom('sections').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute(), (r) => r.id, toExportSection)
      counts.tags = await writeArray(out, 'tags', (after) => trx.selectFrom('tags').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute(), (r) => r.id, toExportTag)
      counts.people = await writeArray(out, 'people', (after) => trx.selectFrom('people').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute(), (r) => r.id, toExportPerson)
      counts.media = await writeArray(out, 'media', async (after) => {
        const rows = await trx.selectFrom('media').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute()
        for (const row of rows) await copyPictureFiles(deps.files, folder, toExportMedia(row), counts)
        return rows
      }, (r) => r.id, toExportMedia)
      counts.articles = await writeArray(out, 'articles', async (after) => {
        const rows = await trx.selectFrom('articles').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute()
        if (rows.length === 0) return []
        const ids = rows.map((r) => r.id)
        const [tags, authors] = await Promise.all([
          trx.selectFrom('articleTags').select(['articleId', 'tagId as ref']).where('articleId', 'in', ids).orderBy('articleId').orderBy('position').execute(),
          trx.selectFrom('articleAuthors').select(['articleId', 'personId as ref']).where('articleId', 'in', ids).orderBy('articleId').orderBy('position').execute(),
        ])
        const tagIds = refsByArticle(tags)
        const authorIds = refsByArticle(authors)
        return rows.map((row) => toExportArticle(row, tagIds.get(row.id) ?? [], authorIds.get(row.id) ?? []))
      }, (a) => a.id, (a) => a)
      counts.redirects = await writeArray(out, 'redirects', (after) => trx.selectFrom('redirects').selectAll().where('fromPath', '>', after).orderBy('fromPath').limit(PAGE).execute(), (r) => r.fromPath, toExportRedirect)
      counts.corrections = await writeArray(out, 'corrections', (after) => trx.selectFrom('articleCorrections').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute(), (r) => r.id, toExportCorrection)
      counts.revisions = await writeArray(out, 'revisions', (after) => trx.selectFrom('articleRevisions').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute(), (r) => r.id, toExportRevision)
    })
  } finally {
    await out.close()
  }
  return counts
}

/** Writes `name` as an array, loading it a page at a time after the last key seen. */
async function writeArray<R, T>(
  out: JsonFileWriter, name: string, load: (after: string) => Promise<R[]>, keyOf: (row: R) => string, toRecord: (row: R) => T,
): Promise<number> {
  await out.startArray(name)
  let count = 0
  for (let after = ''; ;) {
    const rows = await load(after)
    for (const row of rows) await out.item(toRecord(row))
    count += rows.length
    if (rows.length < PAGE) break
    after = keyOf(rows.at(-1)!)
  }
  await out.endArray()
  return count
}

/** Copies a stored picture's original and variants into the export; remote pictures have no files. */
async function copyPictureFiles(files: FileStore, folder: string, media: ExportMedia, counts: ExportCounts): Promise<void> {
  if (media.remote_url !== null) return
  for (const key of [media.storage_key, ...media.variants.map((v) => v.key)]) {
    const bytes = await files.read(key)
    if (!bytes) {
      counts.missingFiles.push(key)
      continue
    }
    const target = path.join(folder, MEDIA_FOLDER, ...key.split('/'))
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, bytes)
    counts.mediaFiles++
  }
}

function refsByArticle(rows: { articleId: string; ref: string }[]): Map<string, string[]> {
  const byArticle = new Map<string, string[]>()
  for (const { articleId, ref } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), ref])
  return byArticle
}
