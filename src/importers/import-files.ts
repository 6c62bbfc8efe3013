import fs from 'node:fs/promises'
import { err, ok, type Result } from '../core/result.js'
import { findArticleById, findArticleIdBySourceKey } from '../content/articles/article.repo.js'
import { saveArticle } from '../content/articles/save-article.js'
import { slugify } from '../content/articles/slug.js'
import { paragraphsToHtml } from '../content/body/render-body.js'
import { storePicture } from '../content/media/store-picture.js'
import { placeholderPicture } from '../images/placeholder-picture.js'
import { inTransaction, type Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import { detectFormat } from './detect-format.js'
import type { ImportProblem } from './import-problem.js'
import { parseTextCapture, type TextCapture } from './text/parse-text-capture.js'

export interface ImportDeps {
  db: Db
  files: FileStore
  now: Date
}

export interface ImportedArticle {
  file: string
  articleId: string
  slug: string
  headline: string
  action: 'created' | 'updated'
}

export interface ImportReport {
  articles: ImportedArticle[]
  created: number
  updated: number
}

type ParsedFile = { file: string; format: 'text-capture'; capture: TextCapture }

/**
 * Imports files all-or-nothing: every file is read and checked before anything is written,
 * then everything is written in one transaction. A problem names the file and where in it.
 * @example const result = await importFiles(deps, ['../shared/fixtures/seed-article.txt'])
 */
export async function importFiles(deps: ImportDeps, paths: string[]): Promise<Result<ImportReport, ImportProblem>> {
  const parsed: ParsedFile[] = []
  for (const file of paths) {
    const one = await readAndParse(file)
    if (!one.ok) return one
    parsed.push(one.value)
  }
  const written: string[] = []
  try {
    const articles = await inTransaction(deps.db, async (trx) => {
      const done: ImportedArticle[] = []
      for (const item of parsed) done.push(await applyTextCapture({ ...deps, db: trx }, item, written))
      return done
    })
    return ok({
      articles,
      created: articles.filter((a) => a.action === 'created').length,
      updated: articles.filter((a) => a.action === 'updated').length,
    })
  } catch (error) {
    // The transaction rolled back; remove the picture files it would have referred to.
    await Promise.all(written.map((key) => deps.files.delete(key).catch(() => undefined)))
    if (error instanceof ImportAbort) return err(error.problem)
    throw error
  }
}

class ImportAbort extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message)
  }
}

async function readAndParse(file: string): Promise<Result<ParsedFile, ImportProblem>> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`
    return err({ file, message: reason })
  }
  const detected = detectFormat(bytes, file)
  if (!detected.ok) return detected
  const capture = parseTextCapture(detected.value.text, file)
  if (!capture.ok) return capture
  return ok({ file, format: 'text-capture', capture: capture.value })
}

async function applyTextCapture(deps: ImportDeps, item: ParsedFile, written: string[]): Promise<ImportedArticle> {
  const { db, files, now } = deps
  const { capture } = item
  const sourceKey = `text:${slugify(capture.headline)}`
  const existingId = await findArticleIdBySourceKey(db, sourceKey)
  const existing = existingId ? await findArticleById(db, existingId) : undefined
  let pictureId = existing?.hero?.picture.id
  if (!pictureId) {
    const stored = await storePicture(db, files, await placeholderPicture(capture.headline), { alt: capture.pictureAlt }, now)
    written.push(...stored.writtenKeys)
    pictureId = stored.picture.id
  }
  const saved = await saveArticle(db, {
    headline: capture.headline,
    body: { format: 'html', source: paragraphsToHtml(capture.paragraphs) },
    hero: { pictureId, alt: capture.pictureAlt, caption: '', credit: '' },
    status: 'published',
    publishedAt: existing?.publishedAt ?? now,
    sourceKey,
    tagIds: existing?.tags.map((t) => t.id) ?? [],
    authorIds: existing?.authors.map((a) => a.id) ?? [],
    sectionId: existing?.section?.id ?? null,
  }, now)
  if (!saved.ok) {
    const error = saved.error
    const problem: ImportProblem = error.type === 'invalid'
      ? { file: item.file, field: error.issues[0]?.field ?? '(article)', message: error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') }
      : { file: item.file, field: 'slug', message: `the slug "${error.slug}" is taken` }
    throw new ImportAbort(problem)
  }
  const { article, created } = saved.value
  return { file: item.file, articleId: article.id, slug: article.slug, headline: article.headline, action: created ? 'created' : 'updated' }
}
