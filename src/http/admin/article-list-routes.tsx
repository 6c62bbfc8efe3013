import { Hono, type Context } from 'hono'
import { listStaffArticles, STAFF_VIEWS, type StaffView } from '../../content/articles/staff-article-list.js'
import type { ArticleKind } from '../../content/articles/article.js'
import { canOnSite } from '../../staff/permissions.js'
import { ArticleListPage } from '../../views/admin/article-list-page.js'
import { ForbiddenPage } from '../../views/admin/auth-pages.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { pageContext } from './page-context.js'

const PER_PAGE = 30

const NOTICES: Record<string, string> = {
  trashed: 'Moved to the trash.',
  deleted: 'Deleted for good.',
}

/** The article lists: the newsroom's articles, the review queue, and standing pages. */
export function articleListRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()

  const render = async (c: Context<AdminEnv>, options: { kind: ArticleKind; basePath: string; title: string; views: StaffView[]; newLabel?: string; newHref?: string }) => {
    const staff = signedInStaff(c)
    const requested = c.req.query('view') as StaffView | undefined
    const view = requested && options.views.includes(requested) ? requested : options.views[0]!
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1))
    const text = (c.req.query('q') ?? '').slice(0, 200)
    const ownOnly = !canOnSite(staff, 'article.list-all')
    const list = await listStaffArticles(deps.db, { view, kind: options.kind, ownerId: ownOnly ? staff.id : undefined, text, page, perPage: PER_PAGE })
    return c.html(
      <ArticleListPage page={await pageContext(c, deps)} title={options.title} basePath={options.basePath} views={options.views}
        view={view} list={list} text={text} newLabel={options.newLabel} newHref={options.newHref} notice={NOTICES[c.req.query('notice') ?? '']} />,
    )
  }

  app.get('/admin/', (c) => render(c, { kind: 'post', basePath: '/admin/', title: 'Articles', views: [...STAFF_VIEWS], newLabel: 'New article', newHref: '/admin/articles/new' }))

  app.get('/admin/review/', async (c) => {
    if (!canOnSite(signedInStaff(c), 'review.queue')) return c.html(<ForbiddenPage page={await pageContext(c, deps)} message="Only editors review articles." />, 403)
    return render(c, { kind: 'post', basePath: '/admin/review/', title: 'Review queue', views: ['review'] })
  })

  app.get('/admin/pages/', async (c) => {
    if (!canOnSite(signedInStaff(c), 'pages.manage')) return c.html(<ForbiddenPage page={await pageContext(c, deps)} message="Only editors and administrators manage pages." />, 403)
    return render(c, { kind: 'page', basePath: '/admin/pages/', title: 'Pages', views: ['all', 'drafts', 'published', 'trash'], newLabel: 'New page', newHref: '/admin/articles/new?kind=page' })
  })
  return app
}
