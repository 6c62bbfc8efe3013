import type { Page } from '../../content/articles/article.repo.js'
import type { LibraryPicture } from '../../content/media/library-picture.js'
import { ASSETS } from '../../http/assets/assets.js'
import { ACCEPTED_TYPES } from '../../images/picture-type.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'
import { MediaGrid, MediaPagination, MediaSearch } from './media-grid.js'

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif'

interface MediaLibraryPageProps {
  page: AdminPageContext
  list: Page<LibraryPicture>
  text: string
  /** The upload limit, as the hint says it ("20 MB"). */
  limit: string
  notice?: string | undefined
  problems?: FieldProblem[] | undefined
  alt?: string
}

/**
 * The media library: an upload form that works as a plain form post, which the library script
 * turns into drop-anywhere, paste-anywhere uploads with progress in a live region; a search;
 * and the pictures, newest first.
 */
export function MediaLibraryPage({ page, list, text, limit, notice, problems, alt = '' }: MediaLibraryPageProps) {
  const href = (p: number) => `/admin/media/?${new URLSearchParams({ ...(text && { q: text }), ...(p > 1 && { page: String(p) }) })}`
  return (
    <AdminLayout page={page} title="Media" scripts={[ASSETS.mediaLibraryScript.path]}>
      <h1>Media</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemSummary problems={problems} />
      <section class="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading" class="panel-heading">Add a picture</h2>
        <form method="post" action="/admin/media/" enctype="multipart/form-data" data-media-upload data-upload-url="/admin/media/upload">
          <CsrfField token={page.formToken} />
          <div class="drop-zone" data-drop-zone>
            <label for="file">
              Picture
              <span class="hint" id="file-hint">{ACCEPTED_TYPES}, up to {limit}. Location and camera details are removed.</span>
              <span class="hint" data-needs-script hidden>You can also drop pictures here, or paste them anywhere on this page.</span>
            </label>
            <input id="file" type="file" name="file" accept={ACCEPT} required aria-describedby="file-hint"
              aria-invalid={problems?.some((p) => p.field === 'file') ? 'true' : undefined} />
          </div>
          <TextField name="alt" label="Alt text" value={alt} problems={problems}
            hint="What the picture shows, for readers who cannot see it. Offered whenever the picture is used." />
          <div class="actions"><button type="submit" class="primary">Upload</button></div>
        </form>
        <div class="upload-status" role="status" aria-live="polite" data-upload-status></div>
      </section>
      <h2>Pictures</h2>
      <MediaSearch action="/admin/media/" text={text} />
      <p class="muted" data-media-count data-total={String(list.total)}>
        {list.total === 0 ? (text ? 'No pictures match.' : 'No pictures yet.') : `${list.total} ${list.total === 1 ? 'picture' : 'pictures'}${text ? ' match' : ''}.`}
      </p>
      <MediaGrid items={list.items} />
      <MediaPagination list={list} href={href} />
    </AdminLayout>
  )
}
