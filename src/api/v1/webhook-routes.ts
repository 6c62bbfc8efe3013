import type { Context } from 'hono'
import { z } from 'zod'
import type { Clock } from '../../core/clock.js'
import { createWebhook, deleteWebhook, findWebhook, listDeliveries, listWebhooks, WebhookInput, type Webhook } from '../../content/webhooks/manage-webhooks.js'
import { WEBHOOK_EVENTS } from '../../content/webhooks/webhook-event.js'
import { canOnSite } from '../../staff/permissions.js'
import type { Db } from '../../storage/connect.js'
import type { ApiEnv } from './api-caller.js'
import { invalid, problem, type Problem } from './api-problem.js'
import { defineRoute, type ApiRoute } from './api-route.js'
import { IdParams } from './article-schemas.js'

const WebhookJson = z.object({
  id: z.string(),
  url: z.string(),
  events: z.union([z.literal('*'), z.array(z.enum(WEBHOOK_EVENTS))]),
  enabled: z.boolean(),
  disabledReason: z.string(),
  createdAt: z.string(),
})
const CreatedWebhookJson = WebhookJson.extend({
  secret: z.string().describe('The signing secret (HMAC-SHA256 over "timestamp.body"), shown only in this answer.'),
})
const DeliveryJson = z.object({
  id: z.string().describe('The delivery id, also sent as X-Masthead-Delivery: receivers de-duplicate by it.'),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'disabled']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
})

type Deps = { db: Db; clock: Clock }

/**
 * Webhooks through the API: an integration with a write key registers its own receivers, and
 * administrators may too with their session. Read keys and other staff are refused: a webhook
 * sends the site's events to any address, so it is an administrator's or a trusted integration's call.
 */
export function webhookRoutes({ db, clock }: Deps): ApiRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/webhooks', operationId: 'listWebhooks', tag: 'webhooks', access: 'write', summary: 'Every webhook (without secrets)',
      responses: { 200: { description: 'The webhooks', schema: z.object({ webhooks: z.array(WebhookJson) }) } },
      handle: async (c) => {
        if (!mayManage(c)) return problem(c, forbidden)
        return c.json({ webhooks: (await listWebhooks(db)).map(toJson) })
      },
    }),
    defineRoute({
      method: 'post', path: '/webhooks', operationId: 'createWebhook', tag: 'webhooks', access: 'write',
      summary: 'Register a receiver for some events, or "*" for all', body: WebhookInput,
      responses: { 201: { description: 'The new webhook, with its secret (shown once)', schema: z.object({ webhook: CreatedWebhookJson }) } },
      handle: async (c, { body }) => {
        if (!mayManage(c)) return problem(c, forbidden)
        const created = await createWebhook(db, body, clock.now())
        if (!created.ok) return problem(c, created.error.type === 'invalid' ? invalid(created.error.issues) : notFound)
        return c.json({ webhook: { ...toJson(created.value), secret: created.value.secret } }, 201)
      },
    }),
    defineRoute({
      method: 'delete', path: '/webhooks/{id}', operationId: 'deleteWebhook', tag: 'webhooks', access: 'write', summary: 'Remove a webhook and its pending deliveries',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such webhook' } },
      handle: async (c, { params }) => {
        if (!mayManage(c)) return problem(c, forbidden)
        return (await deleteWebhook(db, params.id)) ? c.body(null, 204) : problem(c, notFound)
      },
    }),
    defineRoute({
      method: 'get', path: '/webhooks/{id}/deliveries', operationId: 'listWebhookDeliveries', tag: 'webhooks', access: 'write',
      summary: "A webhook's newest deliveries, with their status codes", params: IdParams,
      responses: { 200: { description: 'The deliveries, newest first', schema: z.object({ deliveries: z.array(DeliveryJson) }) }, 404: { description: 'No such webhook' } },
      handle: async (c, { params }) => {
        if (!mayManage(c)) return problem(c, forbidden)
        if (!(await findWebhook(db, params.id))) return problem(c, notFound)
        const deliveries = await listDeliveries(db, params.id)
        return c.json({
          deliveries: deliveries.map((d) => ({
            id: d.id, event: d.event, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError,
            createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
          })),
        })
      },
    }),
  ]
}

/** A write key, or a staff session allowed to manage integrations (administrators). */
function mayManage(c: Context<ApiEnv>): boolean {
  const caller = c.get('caller')
  if (caller.via === 'key') return caller.scope === 'write'
  return canOnSite(caller.actor, 'integrations.manage')
}

const forbidden: Problem = { type: 'forbidden', message: 'Webhooks are managed with a write key or by an administrator.' }
const notFound: Problem = { type: 'not-found', message: 'No webhook has this id.' }

function toJson(webhook: Webhook) {
  return {
    id: webhook.id, url: webhook.url, events: webhook.events, enabled: webhook.enabled,
    disabledReason: webhook.disabledReason, createdAt: webhook.createdAt.toISOString(),
  }
}
