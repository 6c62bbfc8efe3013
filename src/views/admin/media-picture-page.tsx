import { LIBRARY_TEXT_LIMITS, type LibraryPicture, type PictureUse } from '../../content/media/library-picture.js'
import { Picture } from '../components/picture.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'
import { formatBytes, formatWhen } from './media-grid.js'

interface MediaPicturePageProps {
  page: AdminPageContext
  item: LibraryPicture
  uses: PictureUse[]
  canEdit: boolean
  canDelete: boolean
  notice?: string | undefined
  /** Why the last delete was refused. */
  refusal?: string | undefined
  problems?: FieldProblem[] | undefined
  /** The texts as last submitted, when they had a problem. */
  values?: { alt: string; caption: string; credit: string }
}

/**
 * One picture of the library: a preview, its facts and copies, where it is used, its default
 * texts (editable by its uploader and editors), and deleting it (editors, when nothing uses it).
 */
export function MediaPicturePage({ page, item, uses, canEdit, canDelete, notice, refusal, problems, values }: MediaPicturePageProps) {
  const { picture } = item
  const texts = values ?? { alt: picture.alt, caption: item.caption, credit: item.credit }
  const title = item.originalName || `Picture ${picture.id}`
  const formats = [...new Set(picture.variants.map((v) => v.format.toUpperCase()))]
  return (
    <AdminLayout page={page} title={title}>
      <p><a href="/admin/media/">← Media</a></p>
      <h1>{title}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      {refusal && <div class="notice error" role="alert"><p>{refusal}</p></div>}
      <ProblemSummary problems={problems} />
      <div class="media-detail">
        <div class="media-preview">
          <Picture picture={picture} alt={picture.alt} sizes="(min-width: 60rem) 36rem, 100vw" priority />
        </div>
        <dl class="media-facts-list">
          <dt>Id</dt><dd><code>{picture.id}</code> <span class="hint">Give this id as an article's hero picture.</span></dd>
          <dt>Size</dt><dd>{picture.width} × {picture.height} pixels{item.bytes ? `, ${formatBytes(item.bytes)}` : ''}</dd>
          <dt>Type</dt><dd>{picture.mimeType}{formats.length > 0 && `; copies in ${formats.join(', ')} at ${[...new Set(picture.variants.map((v) => v.width))].join(', ')} pixels wide`}</dd>
          <dt>Added</dt><dd>{item.uploadedBy ? `by ${item.uploadedBy.name}, ` : ''}{formatWhen(item.createdAt)}</dd>
          {picture.remoteUrl && <><dt>Address</dt><dd><code>{picture.remoteUrl}</code></dd></>}
          <dt>Used</dt>
          <dd>{uses.length === 0 ? 'Nowhere yet.' : (
            <ul class="plain">{uses.map((use) => <li><UseLink use={use} /></li>)}</ul>
          )}</dd>
        </dl>
      </div>
      {canEdit && (
        <form method="post" action={`/admin/media/${picture.id}/`} class="panel">
          <h2 class="panel-heading">Default texts</h2>
          <p class="muted">Offered whenever the picture is used; an article can give its own. Changing them here does not change articles that use it.</p>
          <CsrfField token={page.formToken} />
          <TextField name="alt" label="Alt text" value={texts.alt} problems={problems} hint={`What the picture shows. Up to ${LIBRARY_TEXT_LIMITS.alt} characters.`} />
          <TextField name="caption" label="Caption" value={texts.caption} problems={problems} />
          <TextField name="credit" label="Credit" value={texts.credit} problems={problems} hint="Photographer or agency." />
          <div class="actions"><button type="submit" class="primary">Save texts</button></div>
        </form>
      )}
      {canDelete && (
        <form method="post" action={`/admin/media/${picture.id}/delete`} class="panel">
          <h2 class="panel-heading">Delete</h2>
          <p class="muted">Removes the picture and all its copies for good. A picture used by an article or as the logo cannot be deleted.</p>
          <CsrfField token={page.formToken} />
          <div class="actions"><button type="submit" class="danger">Delete this picture</button></div>
        </form>
      )}
    </AdminLayout>
  )
}

function UseLink({ use }: { use: PictureUse }) {
  if (use.kind === 'logo') return <>The site’s logo (<a href="/admin/settings/">settings</a>)</>
  return (
    <>
      {use.kind === 'hero' ? 'Hero picture of ' : 'In the text of '}
      <a href={`/admin/articles/${use.articleId}/`}>{use.headline}</a>
      {use.trashed && ' (in the trash)'}
    </>
  )
}
