import type { Page } from '../../content/articles/article.repo.js'
import type { TermInput, TermTable } from '../../content/manage-terms.js'
import type { Section, Tag } from '../../content/taxonomy.js'
import { paths } from '../../http/paths.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextArea, TextField, type FieldProblem } from './form-fields.js'

export const TERM_NOUN: Record<TermTable, { one: string; title: string }> = {
  sections: { one: 'section', title: 'Section' },
  tags: { one: 'tag', title: 'Tag' },
}

const publicPath = (table: TermTable, slug: string) => (table === 'sections' ? paths.section(slug) : paths.tag(slug))
const articles = (n: number) => `${n} article${n === 1 ? '' : 's'}`

interface TaxonomyPageProps {
  page: AdminPageContext
  sections: Section[]
  tags: Page<Tag>
  counts: Map<string, number>
  text: string
  /** The form with problems, when a create was refused. */
  failed?: { table: TermTable; values: TermInput; problems: FieldProblem[] } | undefined
  notice?: string | undefined
}

/** Sections in their order (with up and down) and tags (searchable, paged), each with a form to add one. */
export function TaxonomyPage({ page, sections, tags, counts, text, failed, notice }: TaxonomyPageProps) {
  const formFor = (table: TermTable) => (failed?.table === table ? failed : undefined)
  const tagsHref = (n: number) => `/admin/taxonomy/?${new URLSearchParams({ ...(text && { q: text }), ...(n > 1 && { page: String(n) }) })}#tags`
  return (
    <AdminLayout page={page} title="Sections & tags">
      <h1>Sections &amp; tags</h1>
      {notice && <p class="notice" role="status">{notice}</p>}

      <h2 id="sections">Sections</h2>
      <p class="hint">The masthead lists them in this order, unless a menu is set in the settings.</p>
      {sections.length === 0 ? <p class="muted">No sections yet.</p> : (
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Articles</th><th scope="col">Order</th></tr></thead>
          <tbody>
            {sections.map((s, i) => (
              <tr>
                <td><a href={`/admin/taxonomy/sections/${s.id}`}>{s.name}</a>{s.description && <span class="hint">{s.description}</span>}</td>
                <td><code>{publicPath('sections', s.slug)}</code></td>
                <td>{counts.get(s.id) ?? 0}</td>
                <td>
                  <form method="post" action={`/admin/taxonomy/sections/${s.id}/move`} class="actions order">
                    <CsrfField token={page.formToken} />
                    <button type="submit" name="direction" value="up" disabled={i === 0} aria-label={`Move ${s.name} up`}>↑</button>
                    <button type="submit" name="direction" value="down" disabled={i === sections.length - 1} aria-label={`Move ${s.name} down`}>↓</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewTermForm page={page} table="sections" {...formFor('sections')} />

      <h2 id="tags">Tags</h2>
      <form method="get" action="/admin/taxonomy/" role="search" class="actions">
        <label class="visually-hidden" for="tag-q">Find tags</label>
        <input id="tag-q" type="search" name="q" value={text} placeholder="Find tags by name" />
        <button type="submit">Find</button>
      </form>
      {tags.items.length === 0 ? <p class="muted">{text ? 'No tags match.' : 'No tags yet.'}</p> : (
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Articles</th></tr></thead>
          <tbody>
            {tags.items.map((t) => (
              <tr>
                <td><a href={`/admin/taxonomy/tags/${t.id}`}>{t.name}</a></td>
                <td><code>{publicPath('tags', t.slug)}</code></td>
                <td>{counts.get(t.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tags.pages > 1 && (
        <nav class="actions" aria-label="Tag pages">
          {tags.page > 1 && <a class="button" rel="prev" href={tagsHref(tags.page - 1)}>Previous</a>}
          <span class="muted">Page {tags.page} of {tags.pages} ({tags.total} tags)</span>
          {tags.page < tags.pages && <a class="button" rel="next" href={tagsHref(tags.page + 1)}>Next</a>}
        </nav>
      )}
      <NewTermForm page={page} table="tags" {...formFor('tags')} />
    </AdminLayout>
  )
}

/** The fields of a section or tag; ids are prefixed so two forms can share a page. */
function TermFields({ prefix, values, problems }: { prefix: string; values?: TermInput | undefined; problems?: FieldProblem[] | undefined }) {
  return (
    <>
      <TextField id={`${prefix}name`} name="name" label="Name" value={values?.name} required problems={problems} />
      <TextField id={`${prefix}slug`} name="slug" label="Slug" value={values?.slug} problems={problems}
        hint="The last part of its address: lowercase letters, digits and hyphens. Leave empty to make it from the name." />
      <TextArea id={`${prefix}description`} name="description" label="Description" value={values?.description} rows={2} problems={problems}
        hint="Shown at the top of its page." />
    </>
  )
}

function NewTermForm({ page, table, values, problems }: { page: AdminPageContext; table: TermTable; values?: TermInput; problems?: FieldProblem[] }) {
  const { one } = TERM_NOUN[table]
  return (
    <details class="panel narrow" open={problems ? true : undefined}>
      <summary>Add a {one}</summary>
      <ProblemSummary problems={problems} />
      <form method="post" action={`/admin/taxonomy/${table}`}>
        <CsrfField token={page.formToken} />
        {/* The form that failed takes the plain ids, so the problem summary's links reach its fields. */}
        <TermFields prefix={problems ? '' : `new-${one}-`} values={values} problems={problems} />
        <div class="actions"><button type="submit" class="primary">Add {one}</button></div>
      </form>
    </details>
  )
}

interface TermPageProps {
  page: AdminPageContext
  table: TermTable
  term: Section | Tag
  count: number
  values?: TermInput | undefined
  problems?: FieldProblem[] | undefined
}

/** One section or tag: its fields, and the way to delete it. */
export function TermPage({ page, table, term, count, values, problems }: TermPageProps) {
  const { one, title } = TERM_NOUN[table]
  const base = `/admin/taxonomy/${table}/${term.id}`
  return (
    <AdminLayout page={page} title={`${title}: ${term.name}`}>
      <div class="narrow">
        <p><a href="/admin/taxonomy/">← Sections &amp; tags</a></p>
        <h1>{title}: {term.name}</h1>
        <p class="muted">On {articles(count)}. Public page: <a href={publicPath(table, term.slug)}>{publicPath(table, term.slug)}</a></p>
        <ProblemSummary problems={problems} />
        <form method="post" action={base} class="panel">
          <CsrfField token={page.formToken} />
          <TermFields prefix="" values={values ?? term} problems={problems} />
          <p class="hint">Changing the slug moves its page; the old address then redirects to the new one.</p>
          <div class="actions"><button type="submit" class="primary">Save</button></div>
        </form>
        <p><a class="button danger" href={`${base}/delete`}>Delete this {one}…</a></p>
      </div>
    </AdminLayout>
  )
}

/** Asks before deleting, saying what happens to the articles. */
export function DeleteTermPage({ page, table, term, count }: { page: AdminPageContext; table: TermTable; term: Section | Tag; count: number }) {
  const { one } = TERM_NOUN[table]
  const base = `/admin/taxonomy/${table}/${term.id}`
  const effect = table === 'sections' ? 'keep existing, with no section' : 'keep existing, without this tag'
  return (
    <AdminLayout page={page} title={`Delete ${term.name}?`}>
      <div class="narrow">
        <h1>Delete the {one} “{term.name}”?</h1>
        <p>{count > 0 ? `Its ${articles(count)} ${effect}.` : `No article has this ${one}.`} Its page, {publicPath(table, term.slug)}, will answer “not found”. This cannot be undone.</p>
        <form method="post" action={`${base}/delete`} class="actions">
          <CsrfField token={page.formToken} />
          <button type="submit" class="danger">Delete {one}</button>
          <a class="button" href={base}>Keep it</a>
        </form>
      </div>
    </AdminLayout>
  )
}
