import { z } from 'zod'
import { assertNever } from '../../core/result.js'
import type { Clock } from '../../core/clock.js'
import { createTerm, deleteTerm, editTerm, findTerm, MAX_TERM_DESCRIPTION, MAX_TERM_NAME, MAX_TERM_SLUG, type TermError, type TermTable } from '../../content/manage-terms.js'
import { listSections } from '../../content/sections/section.repo.js'
import { listTags } from '../../content/tags/tag.repo.js'
import { canOnSite } from '../../staff/permissions.js'
import type { Db } from '../../storage/connect.js'
import { invalid, problem, type Problem } from './api-problem.js'
import { defineRoute, type ApiRoute } from './api-route.js'
import { IdParams } from './article-schemas.js'

const Term = z.object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string() })

const TermCreateBody = z.object({
  name: z.string().max(MAX_TERM_NAME),
  slug: z.string().max(MAX_TERM_SLUG).default('').describe('Empty or left out: made from the name.'),
  description: z.string().max(MAX_TERM_DESCRIPTION).default(''),
})
const TermUpdateBody = z.object({
  name: z.string().max(MAX_TERM_NAME).optional(),
  slug: z.string().max(MAX_TERM_SLUG).optional(),
  description: z.string().max(MAX_TERM_DESCRIPTION).optional(),
}).describe('Fields left out keep their stored values. A changed slug redirects from the old one.')

const TagListQuery = z.object({
  q: z.string().max(100).optional().describe('Words of the name.'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

type Deps = { db: Db; clock: Clock }

/** Sections and tags: list, create, update and delete (`taxonomy.manage`: editors, administrators, integrations). */
export function termRoutes(deps: Deps): ApiRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/sections', operationId: 'listSections', tag: 'sections', access: 'read', summary: 'Every section, in menu order',
      responses: { 200: { description: 'The sections', schema: z.object({ sections: z.array(Term) }) } },
      handle: async (c) => c.json({ sections: (await listSections(deps.db)).map(toTermJson) }),
    }),
    defineRoute({
      method: 'get', path: '/tags', operationId: 'listTags', tag: 'tags', access: 'read', summary: 'Tags by name, a page at a time',
      query: TagListQuery,
      responses: {
        200: {
          description: 'A page of tags',
          schema: z.object({ tags: z.array(Term), meta: z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int(), pages: z.number().int() }) }),
        },
      },
      handle: async (c, { query }) => {
        const page = await listTags(deps.db, { text: query.q ?? '', page: query.page, perPage: query.limit })
        return c.json({ tags: page.items.map(toTermJson), meta: { page: page.page, limit: page.perPage, total: page.total, pages: page.pages } })
      },
    }),
    ...(['sections', 'tags'] as const).flatMap((table) => writeRoutes(deps, table)),
  ]
}

function writeRoutes({ db, clock }: Deps, table: TermTable): ApiRoute[] {
  const noun = table === 'sections' ? 'section' : 'tag'
  const Answer = z.object({ [noun]: Term })
  const ops = table === 'sections' ? ['Section', 'sections'] as const : ['Tag', 'tags'] as const
  return [
    defineRoute({
      method: 'post', path: `/${table}`, operationId: `create${ops[0]}`, tag: ops[1], access: 'write', summary: `Add a ${noun}`,
      body: TermCreateBody,
      responses: { 201: { description: `The new ${noun}`, schema: Answer } },
      handle: async (c, { body }) => {
        if (!canOnSite(c.get('caller').actor, 'taxonomy.manage')) return problem(c, forbidden)
        const created = await createTerm(db, table, body, clock.now())
        return created.ok ? c.json({ [noun]: toTermJson(created.value) }, 201) : problem(c, termProblem(created.error, noun))
      },
    }),
    defineRoute({
      method: 'patch', path: `/${table}/{id}`, operationId: `update${ops[0]}`, tag: ops[1], access: 'write', summary: `Change a ${noun}`,
      params: IdParams, body: TermUpdateBody,
      responses: { 200: { description: `The ${noun} as saved`, schema: Answer }, 404: { description: `No such ${noun}` } },
      handle: async (c, { params, body }) => {
        if (!canOnSite(c.get('caller').actor, 'taxonomy.manage')) return problem(c, forbidden)
        const current = await findTerm(db, table, params.id)
        if (!current) return problem(c, termProblem({ type: 'not-found' }, noun))
        const input = { name: body.name ?? current.name, slug: body.slug ?? current.slug, description: body.description ?? current.description }
        const edited = await editTerm(db, table, params.id, input, clock.now())
        return edited.ok ? c.json({ [noun]: toTermJson(edited.value) }) : problem(c, termProblem(edited.error, noun))
      },
    }),
    defineRoute({
      method: 'delete', path: `/${table}/{id}`, operationId: `delete${ops[0]}`, tag: ops[1], access: 'write',
      summary: `Delete a ${noun} (its articles stay, without it)`, params: IdParams,
      responses: { 204: { description: 'Deleted' }, 404: { description: `No such ${noun}` } },
      handle: async (c, { params }) => {
        if (!canOnSite(c.get('caller').actor, 'taxonomy.manage')) return problem(c, forbidden)
        const deleted = await deleteTerm(db, table, params.id, clock.now())
        return deleted.ok ? c.body(null, 204) : problem(c, termProblem(deleted.error, noun))
      },
    }),
  ]
}

const forbidden: Problem = { type: 'forbidden', message: 'Managing sections and tags is for editors and administrators.' }

function termProblem(error: TermError, noun: string): Problem {
  switch (error.type) {
    case 'invalid': return invalid(error.issues)
    case 'not-found': return { type: 'not-found', message: `No ${noun} has this id.` }
    default: return assertNever(error)
  }
}

const toTermJson = (t: { id: string; slug: string; name: string; description: string }) => ({ id: t.id, slug: t.slug, name: t.name, description: t.description })
