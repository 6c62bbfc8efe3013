import fs from 'node:fs/promises'
import path from 'node:path'
import { withDeferredSearchIndex } from '../content/search/deferred-search-index.js'
import { err, ok, type Result } from '../core/result.js'
import { inTransaction, withPageCache, type Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import { ImportAbort, RecordWriter, type AppliedRecord } from './apply-records.js'
import { detectFormat, SNIFF_BYTES, type ImportFormat } from './detect-format.js'
import type { ImportProblem } from './import-problem.js'
import { SITE_JSON } from '../export/export-format.js'
import { restoreExport } from './export/restore-export.js'
import { OPENERS, type RecordFormat } from './open-source.js'

export interface ImportDeps {
  db: Db
  files: FileStore
  now: Date
  /** The site's address (MASTHEAD_SITE_URL), so body links to it count as its own. */
  siteUrl?: string
}

export interface ImportOptions {
  /** Import the valid records and list the invalid ones, instead of stopping at the first. */
  skipInvalid?: boolean
  /** Called after every record, for a progress display. */
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportProgress {
  file: string
  format: ImportFormat
  records: number
  created: number
  updated: number
  skipped: number
  /** The share of the file read so far, when its parser can tell. */
  fraction?: number
}

export interface ImportReport {
  /** The first articles written (all of them up to 1,000), for a per-article listing. */
  articles: AppliedRecord[]
  created: number
  updated: number
  skipped: ImportProblem[]
  notes: string[]
}

const LISTED_ARTICLES = 1000
/** SQLite's page cache while importing: enough for the indexes of a 100,000-article import to stay in memory. */
const IMPORT_CACHE_MB = 64

/**
 * Imports files in one transaction: all or nothing, unless `skipInvalid` lets invalid records
 * be skipped (and listed). Records stream from each file, so memory stays bounded; a problem
 * names the file, the record and the field. A Masthead export (its site.json, its folder or its
 * tar) is restored exactly instead, on its own, into an empty site: see restoreExport.
 * @example const result = await importFiles(deps, ['export.xml'], { skipInvalid: true })
 */
export async function importFiles(deps: ImportDeps, givenPaths: string[], options: ImportOptions = {}): Promise<Result<ImportReport, ImportProblem>> {
  const paths = await Promise.all(givenPaths.map(exportFolderToSiteJson))
  const formats: RecordFormat[] = []
  for (const file of paths) {
    const detected = await detect(file)
    if (!detected.ok) return detected
    if (detected.value === 'masthead-export') {
      if (paths.length > 1) return err({ file, message: 'a Masthead export is restored on its own: import it without other files' })
      return restoreExport(deps, file)
    }
    formats.push(detected.value)
  }
  const report: ImportReport = { articles: [], created: 0, updated: 0, skipped: [], notes: [] }
  let writer: RecordWriter | undefined
  try {
    // The search index is built once for all the articles, at the end: far cheaper than row by row.
    await withPageCache(deps.db, IMPORT_CACHE_MB, () => inTransaction(deps.db, (trx) => withDeferredSearchIndex(trx, async () => {
      writer = new RecordWriter({ ...deps, db: trx })
      for (const [i, file] of paths.entries()) await importOne(writer, file, formats[i]!, report, options)
      await writer.finish()
    })))
    return ok(report)
  } catch (error) {
    // The transaction rolled back; remove the picture files it would have referred to.
    await Promise.all((writer?.writtenKeys ?? []).map((key) => deps.files.delete(key).catch(() => undefined)))
    if (error instanceof ImportAbort) return err(error.problem)
    throw error
  }
}

async function importOne(writer: RecordWriter, file: string, format: RecordFormat, report: ImportReport, options: ImportOptions) {
  const source = await OPENERS[format](file)
  const progress: ImportProgress = { file, format, records: 0, created: 0, updated: 0, skipped: 0 }
  for await (const item of source.items) {
    progress.records++
    const problem = 'problem' in item ? item.problem : writer.check(item.record, file)
    const fatal = 'problem' in item && item.fatal === true
    if (problem) {
      if (fatal || !options.skipInvalid) throw new ImportAbort(problem)
      report.skipped.push(problem)
      progress.skipped++
    } else if ('record' in item) {
      const applied = await writer.write(item.record, file)
      if (report.articles.length < LISTED_ARTICLES) report.articles.push(applied)
      progress[applied.action]++
      report[applied.action]++
    }
    if (source.fraction) progress.fraction = source.fraction()
    options.onProgress?.(progress)
  }
  report.notes.push(...source.notes().map((note) => `${file}: ${note}`))
}

async function detect(file: string): Promise<Result<ImportFormat, ImportProblem>> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(file, 'r')
    const { size } = await handle.stat()
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES + 4))
    await handle.read(head, 0, head.length, 0)
    return detectFormat(head, file, size)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`
    return err({ file, message: reason })
  } finally {
    await handle?.close()
  }
}

/** An export folder stands for its site.json; anything else is left for detection to judge. */
async function exportFolderToSiteJson(file: string): Promise<string> {
  const inside = path.join(file, SITE_JSON)
  const isFolder = await fs.stat(file).then((s) => s.isDirectory(), () => false)
  return isFolder && (await fs.stat(inside).then((s) => s.isFile(), () => false)) ? inside : file
}
