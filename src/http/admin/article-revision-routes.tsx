import { Hono, type Context } from 'hono'
import type { Article } from '../../content/articles/article.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { compareRevisions, type ComparedField } from '../../content/revisions/compare-revisions.js'
import { restoreRevision } from '../../content/revisions/restore-revision.js'
import { getRevision, listRevisions } from '../../content/revisions/revision.repo.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { ID_RE } from '../../core/ids.js'
import { assertNever } from '../../core/result.js'
import { formatClock } from '../../core/time-zone.js'
import { canOnArticle, type ArticleAction } from '../../staff/permissions.js'
import { findStaffMember, listStaff } from '../../staff/users.repo.js'
import { RevisionComparePage, RevisionListPage } from '../../views/admin/revision-pages.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { toFormProblems } from './article-editor-view.js'
import { forbidden, notFound } from './article-responses.js'
import { pageContext } from './page-context.js'

/**
 * An article's history: `/admin/articles/:id/revisions/` lists every saved version,
 * `…/revisions/compare?from=&to=` shows what changed between two, and
 * `POST …/revisions/:revisionId/restore` saves an old version's content as a new one.
 */
export function articleRevisionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  /** The article, if the signed-in staff member may take `action` on it; else the answer to send. */
  const load = async (c: Context<AdminEnv>, action: ArticleAction): Promise<Article | Response> => {
    const id = c.req.param('id') ?? ''
    const article = ID_RE.test(id) ? await findArticleById(db, id) : undefined
    if (!article) return notFound(c, deps)
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(signedInStaff(c), action, access)) return forbidden(c, deps, 'Your role does not allow that on this article.')
    return article
  }

  const listPage = async (c: Context<AdminEnv>, article: Article, status: 200 | 404 | 409 | 422 = 200, message?: string, problems?: FieldProblem[]) => {
    const [revisions, staff, timeZone] = await Promise.all([listRevisions(db, article.id), listStaff(db), readSiteTimeZone(db)])
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    const mayRestore = canOnArticle(signedInStaff(c), 'edit', access) && !article.workflow.trashedAt
    return c.html(
      <RevisionListPage page={await pageContext(c, deps)} article={article} revisions={revisions} names={new Map(staff.map((s) => [s.id, s.name]))}
        mayRestore={mayRestore} timeZone={timeZone} message={message} problems={problems} />,
      status,
    )
  }

  app.get('/admin/articles/:id/revisions/', async (c) => {
    const article = await load(c, 'view')
    return article instanceof Response ? article : listPage(c, article)
  })

  app.get('/admin/articles/:id/revisions/compare', async (c) => {
    const article = await load(c, 'view')
    if (article instanceof Response) return article
    const [from, to] = await Promise.all([revisionOf(article, c.req.query('from')), revisionOf(article, c.req.query('to'))])
    if (!from || !to) return listPage(c, article, 404, 'Choose two versions of this article to compare.')
    const [older, newer] = from.version <= to.version ? [from, to] : [to, from]
    return c.html(<RevisionComparePage page={await pageContext(c, deps)} article={article} comparison={compareRevisions(older, newer)} nameOf={await namer()} />)
  })

  app.post('/admin/articles/:id/revisions/:revisionId/restore', async (c) => {
    const article = await load(c, 'edit')
    if (article instanceof Response) return article
    const body = await c.req.parseBody()
    const baseVersion = Number(body.baseVersion)
    const now = clock.now()
    const restored = await restoreRevision(db, article.id, c.req.param('revisionId'), now, { baseVersion, editedBy: signedInStaff(c).id, siteUrl: deps.siteUrl })
    if (restored.ok) return c.redirect(`/admin/articles/${article.id}/?notice=restored-revision`, 303)
    const error = restored.error
    switch (error.type) {
      case 'not-found': return notFound(c, deps)
      case 'revision-not-found': return listPage(c, article, 404, 'There is no such revision of this article.')
      case 'conflict': {
        const who = error.editedBy ? (await findStaffMember(db, error.editedBy))?.name ?? 'Someone' : 'Someone'
        const when = formatClock(error.updatedAt, await readSiteTimeZone(db))
        return listPage(c, article, 409, `${who} saved this article at ${when}, after you opened this list. Nothing was restored: look again, then restore.`)
      }
      case 'invalid': return listPage(c, article, 422, 'That version names things that no longer exist, so it cannot be restored as it is:', toFormProblems(error.issues))
      case 'slug-taken': return listPage(c, article, 409, `Another article now has that version’s slug, “${error.slug}”. Nothing was restored.`)
      default: return assertNever(error)
    }
  })

  const revisionOf = async (article: Article, id: string | undefined) => {
    const revision = id && ID_RE.test(id) ? await getRevision(db, id) : undefined
    return revision?.articleId === article.id ? revision : undefined
  }

  /** Names for the ids a comparison shows (sections, tags, people, pictures). */
  const namer = async () => {
    const [sections, tags, people] = await Promise.all([
      db.selectFrom('sections').select(['id', 'name']).execute(),
      db.selectFrom('tags').select(['id', 'name']).execute(),
      db.selectFrom('people').select(['id', 'name']).execute(),
    ])
    const byField: Partial<Record<ComparedField, Map<string, string>>> = {
      sectionId: new Map(sections.map((s) => [s.id, s.name])),
      tagIds: new Map(tags.map((t) => [t.id, t.name])),
      authorIds: new Map(people.map((p) => [p.id, p.name])),
    }
    return (field: ComparedField, id: string) => byField[field]?.get(id) ?? (field === 'hero.pictureId' ? `picture ${id}` : `${id} (deleted)`)
  }

  return app
}
