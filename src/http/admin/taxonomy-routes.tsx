import { Hono, type Context } from 'hono'
import { articleCounts, countArticles, createTerm, deleteTerm, editTerm, findTerm, type TermInput, type TermTable } from '../../content/manage-terms.js'
import { listSections, moveSection } from '../../content/sections/section.repo.js'
import type { Section, Tag } from '../../content/taxonomy.js'
import { listTags } from '../../content/tags/tag.repo.js'
import { canOnSite } from '../../staff/permissions.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import { DeleteTermPage, TaxonomyPage, TERM_NOUN, TermPage } from '../../views/admin/taxonomy-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden } from './forbidden.js'
import { formText } from './form-body.js'
import { pageContext } from './page-context.js'

const TAGS_PER_PAGE = 50

const NOTICES: Record<string, string> = {
  added: 'Added.',
  saved: 'Saved.',
  deleted: 'Deleted. Its articles are still there.',
}

/** `/admin/taxonomy/`: sections and tags, for editors and administrators. */
export function taxonomyRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  // Every route here needs the permission; the check runs before any of them.
  app.use('/admin/taxonomy/*', async (c, next) => {
    if (!canOnSite(signedInStaff(c), 'taxonomy.manage')) return forbidden(c, deps, 'Only editors and administrators manage sections and tags.')
    return next()
  })

  const list = async (c: Context<AdminEnv>, failed?: { table: TermTable; values: TermInput; problems: FieldProblem[] }) => {
    const text = (c.req.query('q') ?? '').slice(0, 100)
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1))
    const [sections, tags] = await Promise.all([listSections(db), listTags(db, { text, page, perPage: TAGS_PER_PAGE })])
    const counts = new Map([...await articleCounts(db, 'sections', sections.map((s) => s.id)), ...await articleCounts(db, 'tags', tags.items.map((t) => t.id))])
    return c.html(
      <TaxonomyPage page={await pageContext(c, deps)} sections={sections} tags={tags} counts={counts} text={text}
        failed={failed} notice={NOTICES[c.req.query('notice') ?? '']} />,
      failed ? 422 : 200,
    )
  }
  /** The section or tag named by the URL, or a 404 answer. */
  const termOf = async (c: Context<AdminEnv>, table: TermTable): Promise<{ table: TermTable; term: Section | Tag } | Response> => {
    const term = await findTerm(db, table, c.req.param('id') ?? '')
    return term ? { table, term } : c.text(`No such ${TERM_NOUN[table].one}.`, 404)
  }
  const inputOf = async (c: Context<AdminEnv>): Promise<TermInput> => {
    const form = await formText(c)
    return { name: form('name'), slug: form('slug'), description: form('description') }
  }

  app.get('/admin/taxonomy/', (c) => list(c))

  // Registered once per table: the same screens serve sections and tags.
  for (const table of ['sections', 'tags'] as const) {
    app.post(`/admin/taxonomy/${table}`, async (c) => {
      const values = await inputOf(c)
      const result = await createTerm(db, table, values, clock.now())
      if (result.ok) return c.redirect(`/admin/taxonomy/?notice=added#${table}`, 303)
      if (result.error.type === 'invalid') return list(c, { table, values, problems: result.error.issues })
      return c.notFound()
    })

    app.get(`/admin/taxonomy/${table}/:id`, async (c) => {
      const found = await termOf(c, table)
      if (found instanceof Response) return found
      return c.html(<TermPage page={await pageContext(c, deps)} {...found} count={await countArticles(db, found.table, found.term.id)} />)
    })

    app.post(`/admin/taxonomy/${table}/:id`, async (c) => {
      const found = await termOf(c, table)
      if (found instanceof Response) return found
      const values = await inputOf(c)
      const result = await editTerm(db, found.table, found.term.id, values, clock.now())
      if (result.ok) return c.redirect(`/admin/taxonomy/?notice=saved#${found.table}`, 303)
      if (result.error.type === 'not-found') return c.text('No such section or tag.', 404)
      const count = await countArticles(db, found.table, found.term.id)
      return c.html(<TermPage page={await pageContext(c, deps)} {...found} count={count} values={values} problems={result.error.issues} />, 422)
    })

    app.get(`/admin/taxonomy/${table}/:id/delete`, async (c) => {
      const found = await termOf(c, table)
      if (found instanceof Response) return found
      return c.html(<DeleteTermPage page={await pageContext(c, deps)} {...found} count={await countArticles(db, found.table, found.term.id)} />)
    })

    app.post(`/admin/taxonomy/${table}/:id/delete`, async (c) => {
      const found = await termOf(c, table)
      if (found instanceof Response) return found
      const result = await deleteTerm(db, found.table, found.term.id, clock.now())
      if (!result.ok) return c.text(`No such ${TERM_NOUN[found.table].one}.`, 404)
      return c.redirect(`/admin/taxonomy/?notice=deleted#${found.table}`, 303)
    })
  }

  app.post('/admin/taxonomy/sections/:id/move', async (c) => {
    const direction = (await formText(c))('direction')
    if (direction !== 'up' && direction !== 'down') return c.text('Move up or down.', 400)
    await moveSection(db, c.req.param('id'), direction, clock.now())
    return c.redirect('/admin/taxonomy/#sections', 303)
  })
  return app
}
