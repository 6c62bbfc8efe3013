import type { Article } from '../../content/articles/article.js'
import { findArticleById, findArticleSummaries } from '../../content/articles/article.repo.js'
import { changeWorkflow } from '../../content/articles/change-workflow.js'
import { createArticle } from '../../content/articles/create-article.js'
import { deleteArticle } from '../../content/articles/delete-article.js'
import { editArticle, type ArticleContent } from '../../content/articles/edit-article.js'
import { listFilteredArticles } from '../../content/articles/filtered-article-list.js'
import type { WorkflowRequest } from '../../content/articles/article-workflow.js'
import type { Clock } from '../../core/clock.js'
import { canOnArticle, canOnSite } from '../../staff/permissions.js'
import type { Db } from '../../storage/connect.js'
import type { Context } from 'hono'
import type { ApiEnv } from './api-caller.js'
import { problem } from './api-problem.js'
import { defineRoute, type ApiRoute } from './api-route.js'
import { articleProblem } from './article-problem.js'
import {
  ArticleCreateBody, ArticleListJson, ArticleListQuery, ArticleResponse, ArticleSummaryResponse, ArticleUpdateBody, IdParams,
  PublishBody, ScheduleBody, toArticleJson, toArticleSummaryJson,
} from './article-schemas.js'

type Deps = { db: Db; clock: Clock; siteUrl: string }

/** The article routes: list, read, create, update, publish, schedule, unpublish, delete. */
export function articleRoutes({ db, clock, siteUrl }: Deps): ApiRoute[] {
  const workflow = async (c: Context<ApiEnv>, id: string, request: WorkflowRequest) => {
    const changed = await changeWorkflow(db, c.get('caller').actor, id, request, clock.now())
    if (!changed.ok) return problem(c, articleProblem(changed.error))
    return c.json({ article: toArticleSummaryJson(changed.value.article!) })
  }
  const summaryAnswer = { description: 'The article after the action (without its body)', schema: ArticleSummaryResponse }
  return [
    defineRoute({
      method: 'get', path: '/articles', operationId: 'listArticles', tag: 'articles', access: 'read',
      summary: 'List articles and pages out of the trash, most recently changed first',
      query: ArticleListQuery,
      responses: { 200: { description: 'A page of articles', schema: ArticleListJson } },
      handle: async (c, { query }) => {
        const { actor } = c.get('caller')
        const ownerId = canOnSite(actor, 'article.list-all') ? undefined : actor.id
        const page = await listFilteredArticles(db, { ...query, ownerId, perPage: query.limit })
        return c.json({ articles: page.items.map(toArticleSummaryJson), meta: { page: page.page, limit: page.perPage, total: page.total, pages: page.pages } })
      },
    }),
    defineRoute({
      method: 'get', path: '/articles/{id}', operationId: 'getArticle', tag: 'articles', access: 'read',
      summary: 'One article, with its body',
      params: IdParams,
      responses: { 200: { description: 'The article', schema: ArticleResponse }, 404: { description: 'No such article' } },
      handle: async (c, { params }) => {
        const article = await findArticleById(db, params.id)
        if (!article) return problem(c, articleProblem({ type: 'not-found' }))
        if (!canOnArticle(c.get('caller').actor, 'view', accessOf(article))) return problem(c, articleProblem({ type: 'forbidden' }))
        return c.json({ article: toArticleJson(article) })
      },
    }),
    defineRoute({
      method: 'post', path: '/articles', operationId: 'createArticle', tag: 'articles', access: 'write',
      summary: 'Create a draft',
      body: ArticleCreateBody,
      responses: { 201: { description: 'The new draft', schema: ArticleResponse } },
      handle: async (c, { body }) => {
        const created = await createArticle(db, c.get('caller').actor, body, clock.now(), { siteUrl })
        if (!created.ok) return problem(c, articleProblem(created.error))
        return c.json({ article: toArticleJson(created.value) }, 201, { Location: `/api/v1/articles/${created.value.id}` })
      },
    }),
    defineRoute({
      method: 'patch', path: '/articles/{id}', operationId: 'updateArticle', tag: 'articles', access: 'write',
      summary: "Change an article's content (its publication state is changed by the actions below)",
      params: IdParams,
      body: ArticleUpdateBody,
      responses: {
        200: { description: 'The article as saved, at its new version', schema: ArticleResponse },
        404: { description: 'No such article' },
        409: { description: 'Someone saved the article since baseVersion (details.currentVersion says which is current), or it is in the trash' },
      },
      handle: async (c, { params, body }) => {
        const current = await findArticleById(db, params.id)
        if (!current) return problem(c, articleProblem({ type: 'not-found' }))
        const { baseVersion, ...changes } = body
        const saved = await editArticle(db, c.get('caller').actor, params.id, { ...contentOf(current), ...dropUndefined(changes) }, clock.now(), { baseVersion, siteUrl })
        if (!saved.ok) return problem(c, articleProblem(saved.error))
        return c.json({ article: toArticleJson(saved.value) })
      },
    }),
    defineRoute({
      method: 'post', path: '/articles/{id}/publish', operationId: 'publishArticle', tag: 'articles', access: 'write',
      summary: 'Publish now', params: IdParams, body: PublishBody,
      responses: { 200: summaryAnswer, 404: { description: 'No such article' }, 409: { description: 'Already published, or in the trash' } },
      handle: (c, { params, body }) => workflow(c, params.id, { action: 'publish', confirmNoAlt: body.confirmNoAlt }),
    }),
    defineRoute({
      method: 'post', path: '/articles/{id}/schedule', operationId: 'scheduleArticle', tag: 'articles', access: 'write',
      summary: 'Schedule publication at publishAt', params: IdParams, body: ScheduleBody,
      responses: { 200: summaryAnswer, 404: { description: 'No such article' }, 409: { description: 'Already public, or in the trash' } },
      handle: (c, { params, body }) => workflow(c, params.id, { action: 'schedule', at: new Date(body.publishAt), confirmNoAlt: body.confirmNoAlt }),
    }),
    defineRoute({
      method: 'post', path: '/articles/{id}/unpublish', operationId: 'unpublishArticle', tag: 'articles', access: 'write',
      summary: 'Take off the site (back to a draft, keeping its first publication date)', params: IdParams,
      responses: { 200: summaryAnswer, 404: { description: 'No such article' }, 409: { description: 'Neither published nor scheduled' } },
      handle: (c, { params }) => workflow(c, params.id, { action: 'unpublish' }),
    }),
    defineRoute({
      method: 'delete', path: '/articles/{id}', operationId: 'deleteArticle', tag: 'articles', access: 'write',
      summary: 'Delete for good (editors and administrators, and integrations)', params: IdParams,
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such article' } },
      handle: async (c, { params }) => {
        const [article] = await findArticleSummaries(db, [params.id])
        if (!article) return problem(c, articleProblem({ type: 'not-found' }))
        const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
        if (!canOnArticle(c.get('caller').actor, 'delete', access)) return problem(c, articleProblem({ type: 'forbidden' }))
        await deleteArticle(db, params.id, clock.now())
        return c.body(null, 204)
      },
    }),
  ]
}

const accessOf = (a: Article) => ({ ownerId: a.workflow.ownerId, status: a.status, publishedAt: a.publishedAt })

/** The stored content an update starts from; without the slug, so a draft's still follows its headline (a public one keeps its own). */
function contentOf(a: Article): ArticleContent {
  return {
    headline: a.headline, dek: a.dek, body: { format: a.body.format, source: a.body.source },
    hero: a.hero && { pictureId: a.hero.picture.id, alt: a.hero.alt, caption: a.hero.caption, credit: a.hero.credit },
    sectionId: a.section?.id ?? null, tagIds: a.tags.map((t) => t.id), authorIds: a.authors.map((p) => p.id),
  }
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

