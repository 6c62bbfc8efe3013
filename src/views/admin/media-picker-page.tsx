import type { Page } from '../../content/articles/article.repo.js'
import type { LibraryPicture } from '../../content/media/library-picture.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { MediaGrid, MediaPagination, MediaSearch } from './media-grid.js'

interface MediaPickerPageProps {
  page: AdminPageContext
  list: Page<LibraryPicture>
  text: string
  /** The admin page to go back to with `heroPictureId` set, if the editor gave one. */
  back: string | undefined
}

/** Adds `heroPictureId` to an admin address, keeping its own query. */
export const withHeroPicture = (back: string, id: string) => `${back}${back.includes('?') ? '&' : '?'}heroPictureId=${encodeURIComponent(id)}`

/**
 * Choosing a hero picture without a script: the library with a "Use as hero" link on each
 * picture back to the article editor (`?heroPictureId=…`); without an editor to go back to,
 * the ids to copy.
 */
export function MediaPickerPage({ page, list, text, back }: MediaPickerPageProps) {
  const extra: Record<string, string> = back ? { return: back } : {}
  const href = (p: number) => `/admin/media/picker?${new URLSearchParams({ ...extra, ...(text && { q: text }), ...(p > 1 && { page: String(p) }) })}`
  return (
    <AdminLayout page={page} title="Choose a hero picture">
      {back && <p><a href={back}>← Back without choosing</a></p>}
      <h1>Choose a hero picture</h1>
      {!back && <p class="muted">Copy a picture’s id into the article’s “Picture id” field.</p>}
      <MediaSearch action="/admin/media/picker" text={text} extra={extra} />
      {list.total === 0 && <p class="muted">{text ? 'No pictures match.' : 'No pictures yet.'} <a href="/admin/media/">Upload one in the media library.</a></p>}
      <MediaGrid items={list.items} action={back ? (item) => (
        <a class="button" href={withHeroPicture(back, item.picture.id)}>Use as hero<span class="visually-hidden">: {item.picture.alt || item.originalName || item.picture.id}</span></a>
      ) : undefined} />
      <MediaPagination list={list} href={href} />
    </AdminLayout>
  )
}
