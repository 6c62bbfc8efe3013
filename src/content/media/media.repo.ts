import { sql, type Selectable, type SelectQueryBuilder } from 'kysely'
import { containsText } from '../../storage/contains-text.js'
import type { Db } from '../../storage/connect.js'
import type { Database, MediaTable } from '../../storage/schema.js'
import { toPicture, type Page } from '../articles/article.repo.js'
import type { LibraryPicture, PictureUse } from './library-picture.js'

export interface LibraryQuery {
  /** Words of the alt text, caption, credit or file name. */
  text?: string | undefined
  page: number
  perPage: number
}

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

/**
 * The media library, newest first, optionally narrowed to pictures whose alt text, caption,
 * credit or file name contains `text`.
 * @example await listLibrary(db, { text: 'harbour', page: 1, perPage: 24 })
 */
export async function listLibrary(db: Db, query: LibraryQuery): Promise<Page<LibraryPicture>> {
  let base = db.selectFrom('media')
  const text = query.text?.trim()
  if (text) {
    base = base.where((eb) => eb.or(['alt', 'originalName', 'caption', 'credit'].map((column) =>
      containsText(db, sql.ref(`media.${column}`), text))))
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await withUploader(base).orderBy('media.createdAt', 'desc').orderBy('media.id', 'desc')
    .limit(query.perPage).offset((query.page - 1) * query.perPage).execute()
  const count = Number(total)
  return { items: rows.map(toLibraryPicture), total: count, page: query.page, perPage: query.perPage, pages: Math.max(1, Math.ceil(count / query.perPage)) }
}

/** One picture of the library, or undefined. */
export async function findLibraryPicture(db: Db, id: string): Promise<LibraryPicture | undefined> {
  const row = await withUploader(db.selectFrom('media')).where('media.id', '=', id).executeTakeFirst()
  return row && toLibraryPicture(row)
}

/**
 * Everything that shows a picture: articles with it as their hero or in their body (by its
 * address, `/media/pictures/<id>/…`, or a remote picture's URL), trashed ones included as
 * they can come back, and the site's logo. Bodies are searched as text: a full scan, fine for
 * something as rare as deleting a picture.
 * @example await findPictureUses(db, picture) // [{ kind: 'hero', articleId, headline: 'Ferry strike', trashed: false }]
 */
export async function findPictureUses(db: Db, picture: { id: string; key: string; remoteUrl: string | null }): Promise<PictureUse[]> {
  const folder = picture.key.slice(0, picture.key.lastIndexOf('/') + 1)
  const address = likeEscaped(picture.remoteUrl ?? `media/${folder}`)
  const rows = await db.selectFrom('articles')
    .select(['id', 'headline', 'trashedAt', 'heroMediaId'])
    .where((eb) => eb.or([
      eb('heroMediaId', '=', picture.id),
      sql<boolean>`body_source like ${address} escape '\\'`,
      sql<boolean>`body_html like ${address} escape '\\'`,
    ]))
    .orderBy('updatedAt', 'desc').limit(50).execute()
  const uses: PictureUse[] = rows.map((r) => ({ kind: r.heroMediaId === picture.id ? 'hero' : 'inline', articleId: r.id, headline: r.headline, trashed: r.trashedAt !== null }))
  const logo = await db.selectFrom('settings').select('value').where('key', '=', 'logo_id').executeTakeFirst()
  if (logo?.value === picture.id) uses.push({ kind: 'logo' })
  return uses
}

/** Changes a picture's default texts; false when there is no such picture. */
export async function updateLibraryTexts(db: Db, id: string, texts: { alt: string; caption: string; credit: string }): Promise<boolean> {
  const result = await db.updateTable('media').set(texts).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

function withUploader(query: SelectQueryBuilder<Database, 'media', object>) {
  return query.leftJoin('users', 'users.id', 'media.uploadedBy').selectAll('media').select(['users.name as uploaderName'])
}

function toLibraryPicture(row: Selectable<MediaTable> & { uploaderName: string | null }): LibraryPicture {
  return {
    picture: toPicture(row),
    bytes: row.bytes,
    originalName: row.originalName,
    caption: row.caption,
    credit: row.credit,
    uploadedBy: row.uploadedBy && row.uploaderName !== null ? { id: row.uploadedBy, name: row.uploaderName } : null,
    createdAt: new Date(row.createdAt),
  }
}
