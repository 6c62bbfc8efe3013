import type { ArticleSummary } from '../../content/articles/article.js'
import type { ComparedField, FieldValue, RevisionComparison } from '../../content/revisions/compare-revisions.js'
import type { RevisionSummary } from '../../content/revisions/revision.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, type FieldProblem } from './form-fields.js'

const dateTime = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })

interface RevisionListProps {
  page: AdminPageContext
  article: ArticleSummary & { version: number }
  revisions: RevisionSummary[]
  /** Staff names by id, for "saved by". */
  names: Map<string, string>
  mayRestore: boolean
  timeZone: string
  message?: string | undefined
  problems?: FieldProblem[] | undefined
}

/** Every saved version of an article, newest first: compare any two, restore one. */
export function RevisionListPage({ page, article, revisions, names, mayRestore, timeZone, message, problems }: RevisionListProps) {
  const format = dateTime(timeZone)
  const base = `/admin/articles/${article.id}`
  const [newest, previous] = revisions
  return (
    <AdminLayout page={page} title={`Revisions: ${article.headline}`}>
      <div class="actions editor-head">
        <h1>Revisions</h1>
        <a class="button" href={`${base}/`}>Back to the editor</a>
      </div>
      <p>Of <strong>{article.headline}</strong>. Every save is kept; restoring one saves its content as a new version and leaves the article as published or unpublished as it is.</p>
      <ProblemSummary problems={problems}>{message && <p>{message}</p>}</ProblemSummary>
      {revisions.length === 0 ? <p class="muted">No revisions yet: it has not been saved in the editor.</p> : (
        <form method="get" action={`${base}/revisions/compare`}>
          <table>
            <caption class="visually-hidden">Saved versions, newest first</caption>
            <thead><tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">Headline</th><th scope="col">Words</th><th scope="col">Compare</th>{mayRestore && <th scope="col">Restore</th>}</tr></thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td>{r.version}{r.version === article.version && <span class="hint">current</span>}{r.restoredFrom !== null && <span class="hint">restores {r.restoredFrom}</span>}</td>
                  <td><time datetime={r.savedAt.toISOString()}>{format.format(r.savedAt)}</time><span class="hint">{r.savedBy ? names.get(r.savedBy) ?? 'a former staff member' : 'imported or by the system'}</span></td>
                  <td>{r.headline}<span class="hint">{r.status}</span></td>
                  <td>{r.wordCount}</td>
                  <td>
                    <label class="check" for={`from-${r.id}`}><input type="radio" id={`from-${r.id}`} name="from" value={r.id} checked={r.id === previous?.id} /> from</label>
                    <label class="check" for={`to-${r.id}`}><input type="radio" id={`to-${r.id}`} name="to" value={r.id} checked={r.id === newest?.id} /> to</label>
                  </td>
                  {mayRestore && (
                    <td>{r.version !== article.version && <button type="submit" form={`restore-${r.id}`}>Restore version {r.version}</button>}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {revisions.length > 1 && <div class="actions"><button type="submit" class="primary">Compare the chosen versions</button></div>}
        </form>
      )}
      {mayRestore && revisions.filter((r) => r.version !== article.version).map((r) => (
        <form id={`restore-${r.id}`} method="post" action={`${base}/revisions/${r.id}/restore`} hidden>
          <CsrfField token={page.formToken} />
          <input type="hidden" name="baseVersion" value={String(article.version)} />
        </form>
      ))}
    </AdminLayout>
  )
}

const FIELD_LABELS: Record<ComparedField, string> = {
  headline: 'Headline', dek: 'Dek', slug: 'Slug', kind: 'Kind', status: 'Status', publishedAt: 'Publication time', bodyFormat: 'Body format',
  'hero.pictureId': 'Hero picture', 'hero.alt': 'Alt text', 'hero.caption': 'Caption', 'hero.credit': 'Credit',
  sectionId: 'Section', tagIds: 'Tags', authorIds: 'Authors', language: 'Language', canonicalUrl: 'Canonical URL',
}

interface ComparePageProps {
  page: AdminPageContext
  article: ArticleSummary
  comparison: RevisionComparison
  /** Shows an id (a section, tag, person) by its name. */
  nameOf: (field: ComparedField, id: string) => string
}

/** Two versions side by side: the fields that differ, and the body's words added and removed. */
export function RevisionComparePage({ page, article, comparison, nameOf }: ComparePageProps) {
  const show = (field: ComparedField, value: FieldValue) =>
    value === null || value === '' ? <span class="muted">(none)</span>
      : Array.isArray(value) ? value.map((id) => nameOf(field, id)).join(', ') || <span class="muted">(none)</span>
      : field === 'sectionId' || field === 'hero.pictureId' ? nameOf(field, value) : value
  const { from, to, fields, body } = comparison
  return (
    <AdminLayout page={page} title={`Compare versions: ${article.headline}`}>
      <div class="actions editor-head">
        <h1>Version {from.version} → version {to.version}</h1>
        <a class="button" href={`/admin/articles/${article.id}/revisions/`}>All revisions</a>
      </div>
      <h2>Fields</h2>
      {fields.length === 0 ? <p class="muted">No field differs.</p> : (
        <table>
          <thead><tr><th scope="col">Field</th><th scope="col">Version {from.version}</th><th scope="col">Version {to.version}</th></tr></thead>
          <tbody>{fields.map((f) => <tr><th scope="row">{FIELD_LABELS[f.field]}</th><td>{show(f.field, f.before)}</td><td>{show(f.field, f.after)}</td></tr>)}</tbody>
        </table>
      )}
      <h2>Body</h2>
      {!body.sourceChanged ? <p class="muted">The body is the same.</p> : !body.textChanged ? <p class="muted">Only the formatting changed; the words are the same.</p> : (
        <>
          <p class="hint">Added words are <ins>underlined</ins>, removed ones <del>struck through</del>.</p>
          <div class="panel diff">{body.parts.map((part) => part.change === 'added' ? <ins>{part.text}</ins> : part.change === 'removed' ? <del>{part.text}</del> : part.text)}</div>
        </>
      )}
    </AdminLayout>
  )
}
