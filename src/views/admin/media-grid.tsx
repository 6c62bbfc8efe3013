import { thumbnailCopy, type LibraryPicture } from '../../content/media/library-picture.js'
import type { Page } from '../../content/articles/article.repo.js'
import { paths } from '../../http/paths.js'

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** @example formatBytes(1_572_864) // '1.5 MB' */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const formatWhen = (date: Date) => `${dateTime.format(date)} UTC`

/** Where a thumbnail of the picture is, locally or at its remote address. */
export const thumbnailUrl = (item: LibraryPicture) => item.picture.remoteUrl ?? paths.media(thumbnailCopy(item.picture).key)

/**
 * The library's pictures as a grid of cards: thumbnail, alt text, file name, size, who and
 * when, and the id the article editor asks for. `action` adds a control to each card (the
 * picker's "Use as hero"). The list is always there, empty or not, so a script can add to it.
 */
export function MediaGrid({ items, action }: { items: LibraryPicture[]; action?: (item: LibraryPicture) => unknown }) {
  return (
    <ul class="media-grid" data-media-grid>
      {items.map((item) => {
        const { picture } = item
        const href = `/admin/media/${picture.id}/`
        return (
          <li class="media-card" data-picture-id={picture.id}>
            <a href={href} class="media-thumb" aria-label={`Picture ${item.originalName || picture.id}: details`}>
              <img src={thumbnailUrl(item)} alt="" width={picture.width || undefined} height={picture.height || undefined} loading="lazy" decoding="async" />
            </a>
            <p class="media-alt">{picture.alt || <span class="muted">No alt text</span>}</p>
            <p class="media-facts">
              {item.originalName && <span class="media-name">{item.originalName}</span>}
              <span>{picture.width && picture.height ? `${picture.width} × ${picture.height}` : 'Size unknown'}{item.bytes ? `, ${formatBytes(item.bytes)}` : ''}</span>
              <span>{item.uploadedBy ? item.uploadedBy.name : picture.remoteUrl ? 'Remote (imported)' : 'Imported'}, <time datetime={item.createdAt.toISOString()}>{formatWhen(item.createdAt)}</time></span>
              <span>Id <code>{picture.id}</code></span>
            </p>
            {action?.(item)}
          </li>
        )
      })}
    </ul>
  )
}

/** Newer/older links for a page of pictures; `href(page)` makes each page's address. */
export function MediaPagination({ list, href }: { list: Page<LibraryPicture>; href: (page: number) => string }) {
  if (list.pages <= 1) return null
  return (
    <nav class="actions" aria-label="Pages">
      {list.page > 1 && <a class="button" rel="prev" href={href(list.page - 1)}>Newer</a>}
      <span class="muted">Page {list.page} of {list.pages}</span>
      {list.page < list.pages && <a class="button" rel="next" href={href(list.page + 1)}>Older</a>}
    </nav>
  )
}

/** The search box above a grid. */
export function MediaSearch({ action, text, extra = {} }: { action: string; text: string; extra?: Record<string, string> }) {
  return (
    <form method="get" action={action} role="search" class="actions">
      {Object.entries(extra).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <label class="visually-hidden" for="media-q">Find pictures by alt text or file name</label>
      <input id="media-q" type="search" name="q" value={text} placeholder="Find by alt text or file name" />
      <button type="submit">Find</button>
    </form>
  )
}
