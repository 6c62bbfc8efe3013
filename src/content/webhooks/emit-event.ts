import { newId } from '../../core/ids.js'
import { afterCommit, type Db } from '../../storage/connect.js'
import { isSubscribed, type WebhookEventName, type WebhookPayload } from './webhook-event.js'

type Waker = () => void
const wakers = new Set<Waker>()

/**
 * Asks to be told when this process queues deliveries (the delivery worker, to send them at once
 * rather than at its next poll). Returns the function that stops telling.
 */
export function onEventsQueued(waker: Waker): () => void {
  wakers.add(waker)
  return () => { wakers.delete(waker) }
}

/**
 * Queues `event` for every enabled webhook subscribed to it: one outbox row each, written with
 * `db`, so called inside the change's transaction a rolled-back change sends nothing and a
 * committed one is never lost. `data` may be a function, called only when someone listens: with
 * no webhook the whole cost is one query on a tiny table (imports write thousands of articles).
 * @returns the delivery ids queued
 * @example await emitEvent(trx, 'tag.added', { id, slug, name }, now)
 */
export async function emitEvent(
  db: Db, event: WebhookEventName, data: unknown | (() => Promise<unknown>), now: Date,
): Promise<string[]> {
  const hooks = await subscribers(db, event)
  if (hooks.length === 0) return []
  const resolved = typeof data === 'function' ? await (data as () => Promise<unknown>)() : data
  const createdAt = now.toISOString()
  const rows = hooks.map((hook) => {
    const id = newId(now)
    const payload: WebhookPayload = { id, event, created_at: createdAt, data: resolved }
    return { id, webhookId: hook.id, event, payload: JSON.stringify(payload), createdAt, nextAttemptAt: createdAt }
  })
  await db.insertInto('webhookEvents').values(rows).execute()
  // Once committed: the worker (another connection, on PostgreSQL) finds the rows then, and a
  // rolled-back change wakes nobody.
  afterCommit(db, wakeDeliveries)
  return rows.map((r) => r.id)
}

/** The enabled webhooks subscribed to `event`. */
async function subscribers(db: Db, event: WebhookEventName): Promise<{ id: string }[]> {
  return (await db.selectFrom('webhooks').select(['id', 'events']).where('enabled', '=', 1).execute())
    .filter((h) => isSubscribed(h.events, event))
}

/** Whether any enabled webhook listens for `event`: for callers whose work is lighter without one. */
export async function hasSubscribers(db: Db, event: WebhookEventName): Promise<boolean> {
  return (await subscribers(db, event)).length > 0
}

/** Tells this process's delivery worker that deliveries were queued (on the next turn of the event loop). */
export function wakeDeliveries(): void {
  setImmediate(() => { for (const wake of wakers) wake() })
}
