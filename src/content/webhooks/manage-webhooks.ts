import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { newId } from '../../core/ids.js'
import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { disableWebhook } from './delivery.repo.js'
import { wakeDeliveries } from './emit-event.js'
import { fromEventsColumn, toEventsColumn, WEBHOOK_EVENTS, type WebhookPayload, type WebhookSubscription } from './webhook-event.js'

/** A webhook as administrators and the API see it; the secret is theirs to copy into the receiver. */
export interface Webhook {
  id: string
  url: string
  events: WebhookSubscription
  secret: string
  enabled: boolean
  disabledReason: string
  createdAt: Date
}

export const WebhookInput = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Give an http:// or https:// address.' }).max(2000),
  events: z.union([z.literal('*'), z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.')]),
})
export type WebhookInput = z.input<typeof WebhookInput>

export type WebhookError = { type: 'invalid'; issues: { field: string; message: string }[] } | { type: 'not-found' }

type WebhookRow = { id: string; url: string; events: string; secret: string; enabled: number; disabledReason: string; createdAt: string }

function toWebhook(row: WebhookRow): Webhook {
  return { ...row, events: fromEventsColumn(row.events), enabled: row.enabled === 1, createdAt: new Date(row.createdAt) }
}

const COLUMNS = ['id', 'url', 'events', 'secret', 'enabled', 'disabledReason', 'createdAt'] as const

/**
 * Registers a webhook with a new random secret (32 bytes, hex, prefixed `whsec_`).
 * @example const created = await createWebhook(db, { url: 'https://example.org/hooks', events: ['article.published'] }, now)
 */
export async function createWebhook(db: Db, input: WebhookInput, now: Date): Promise<Result<Webhook, WebhookError>> {
  const parsed = WebhookInput.safeParse(input)
  if (!parsed.success) {
    return err({ type: 'invalid', issues: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'url'), message: i.message })) })
  }
  const row = {
    id: newId(now), url: parsed.data.url, events: toEventsColumn(parsed.data.events),
    secret: `whsec_${randomBytes(32).toString('hex')}`, enabled: 1, disabledReason: '', createdAt: now.toISOString(),
  }
  await db.insertInto('webhooks').values(row).execute()
  return ok(toWebhook(row))
}

/** Every webhook, oldest first. */
export async function listWebhooks(db: Db): Promise<Webhook[]> {
  return (await db.selectFrom('webhooks').select(COLUMNS).orderBy('createdAt').orderBy('id').execute()).map(toWebhook)
}

export async function findWebhook(db: Db, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toWebhook(row)
}

/** Deletes a webhook and its delivery log (anything still waiting is not sent). */
export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/**
 * Turns a webhook on or off. Off, its waiting deliveries are set aside (status 'disabled');
 * back on, it hears only of events from then on.
 */
export async function setWebhookEnabled(db: Db, id: string, enabled: boolean, reason = 'Disabled by an administrator.'): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await findWebhook(trx, id))) return false
    if (enabled) await trx.updateTable('webhooks').set({ enabled: 1, disabledReason: '' }).where('id', '=', id).execute()
    else await disableWebhook(trx, id, reason)
    return true
  })
}

/** One delivery in a webhook's log. */
export interface Delivery {
  id: string
  event: string
  status: 'pending' | 'delivered' | 'failed' | 'disabled'
  attempts: number
  lastStatusCode: number | null
  lastError: string
  createdAt: Date
  lastAttemptAt: Date | null
  nextAttemptAt: Date
  deliveredAt: Date | null
}

/** A webhook's deliveries, newest first. */
export async function listDeliveries(db: Db, webhookId: string, { limit = 50 }: { limit?: number } = {}): Promise<Delivery[]> {
  const rows = await db.selectFrom('webhookEvents')
    .select(['id', 'event', 'status', 'attempts', 'lastStatusCode', 'lastError', 'createdAt', 'lastAttemptAt', 'nextAttemptAt', 'deliveredAt'])
    .where('webhookId', '=', webhookId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute()
  const date = (s: string | null) => (s ? new Date(s) : null)
  return rows.map((r) => ({
    ...r, status: r.status as Delivery['status'], createdAt: new Date(r.createdAt), nextAttemptAt: new Date(r.nextAttemptAt),
    lastAttemptAt: date(r.lastAttemptAt), deliveredAt: date(r.deliveredAt),
  }))
}

/**
 * Queues a `ping` for one webhook, whatever it subscribes to, and even while it is disabled: a
 * test is how an administrator checks a receiver before turning it back on.
 * @returns the delivery id
 */
export async function sendTestPing(db: Db, webhookId: string, now: Date): Promise<Result<string, WebhookError>> {
  if (!(await findWebhook(db, webhookId))) return err({ type: 'not-found' })
  const id = newId(now)
  const payload: WebhookPayload = { id, event: 'ping', created_at: now.toISOString(), data: { webhook_id: webhookId } }
  await db.insertInto('webhookEvents').values({ id, webhookId, event: 'ping', payload: JSON.stringify(payload), createdAt: now.toISOString(), nextAttemptAt: now.toISOString() }).execute()
  wakeDeliveries()
  return ok(id)
}
