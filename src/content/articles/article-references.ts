import { insertRows } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import type { ValidArticleInput } from './article.js'

/** A field of article input and what is wrong with it. */
export interface FieldIssue {
  field: string
  message: string
}

/**
 * The section, tags, authors and hero picture the input names that do not exist, one issue each.
 * @example await missingReferences(db, valid) // [{ field: 'tagIds.1', message: 'no such tag: …' }]
 */
export async function missingReferences(db: Db, input: ValidArticleInput): Promise<FieldIssue[]> {
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

/**
 * Sets the article's tags and authors to these, in this order, each once. An article just
 * created (`isNew`) has none yet to remove.
 * @example await replaceOrdered(trx, articleId, { tagIds: ['t2', 't1'], authorIds: ['p1'] })
 */
export async function replaceOrdered(db: Db, articleId: string, input: { tagIds: string[]; authorIds: string[] }, { isNew = false } = {}): Promise<void> {
  if (!isNew) {
    await db.deleteFrom('articleTags').where('articleId', '=', articleId).execute()
    await db.deleteFrom('articleAuthors').where('articleId', '=', articleId).execute()
  }
  await insertRows(db, 'articleTags', input.tagIds.map((tagId, position) => ({ articleId, tagId, position })))
  await insertRows(db, 'articleAuthors', input.authorIds.map((personId, position) => ({ articleId, personId, position })))
}
