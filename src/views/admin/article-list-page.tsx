import type { ArticleSummary } from '../../content/articles/article.js'
import type { Page } from '../../content/articles/article.repo.js'
import type { StaffView } from '../../content/articles/staff-article-list.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'

export const VIEW_LABELS: Record<StaffView, string> = {
  all: 'All',
  drafts: 'Drafts',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  trash: 'Trash',
}

/** A word for where the article is, for the list's status column. */
export function statusOf(article: ArticleSummary): { label: string; className: string } {
  if (article.workflow.trashedAt) return { label: 'In trash', className: 'trash' }
  if (article.status === 'draft' && article.workflow.reviewState === 'submitted') return { label: 'In review', className: 'submitted' }
  if (article.status === 'draft' && article.workflow.reviewState === 'returned') return { label: 'Sent back', className: 'returned' }
  if (article.status === 'scheduled') return { label: 'Scheduled', className: 'scheduled' }
  if (article.status === 'published') return { label: 'Published', className: 'published' }
  return { label: 'Draft', className: 'draft' }
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

interface ArticleListPageProps {
  page: AdminPageContext
  title: string
  /** Where the list lives, e.g. `/admin/` or `/admin/pages/`. */
  basePath: string
  views: StaffView[]
  view: StaffView
  list: Page<ArticleSummary>
  text: string
  newLabel?: string | undefined
  newHref?: string | undefined
  notice?: string | undefined
}

/** A list of articles (or pages) with tabs per view, a headline search and pagination. */
export function ArticleListPage({ page, title, basePath, views, view, list, text, newLabel, newHref, notice }: ArticleListPageProps) {
  const href = (v: StaffView, p = 1) => `${basePath}?view=${v}${text ? `&q=${encodeURIComponent(text)}` : ''}${p > 1 ? `&page=${p}` : ''}`
  return (
    <AdminLayout page={page} title={title}>
      <div class="actions">
        <h1>{title}</h1>
        {newHref && <a class="button primary" href={newHref}>{newLabel}</a>}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      {views.length > 1 && (
        <ul class="tabs" aria-label="Views">
          {views.map((v) => <li><a href={href(v)} aria-current={v === view ? 'page' : undefined}>{VIEW_LABELS[v]}</a></li>)}
        </ul>
      )}
      <form method="get" action={basePath} role="search" class="actions">
        <input type="hidden" name="view" value={view} />
        <label class="visually-hidden" for="list-q">Find by headline</label>
        <input id="list-q" type="search" name="q" value={text} placeholder="Find by headline" />
        <button type="submit">Find</button>
      </form>
      {list.items.length === 0 ? (
        <p class="muted">Nothing here yet.</p>
      ) : (
        <table>
          <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">Changed</th></tr></thead>
          <tbody>
            {list.items.map((a) => {
              const status = statusOf(a)
              return (
                <tr>
                  <td><a href={`/admin/articles/${a.id}/`}>{a.headline}</a>{a.section && <span class="hint">{a.section.name}</span>}</td>
                  <td><span class={`status ${status.className}`}>{status.label}</span>
                    {a.status === 'scheduled' && a.publishedAt && <span class="hint">{dateTime.format(a.publishedAt)} UTC</span>}</td>
                  <td>{a.authors.map((p) => p.name).join(', ')}</td>
                  <td><time datetime={a.updatedAt.toISOString()}>{dateTime.format(a.updatedAt)}</time></td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {list.pages > 1 && (
        <nav class="actions" aria-label="Pages">
          {list.page > 1 && <a class="button" rel="prev" href={href(view, list.page - 1)}>Newer</a>}
          <span class="muted">Page {list.page} of {list.pages}</span>
          {list.page < list.pages && <a class="button" rel="next" href={href(view, list.page + 1)}>Older</a>}
        </nav>
      )}
    </AdminLayout>
  )
}
