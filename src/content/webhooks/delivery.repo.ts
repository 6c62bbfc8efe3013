import { sql, type WhereInterface } from 'kysely'
import { dialectOf, runTransaction, type Db } from '../../storage/connect.js'
import type { Database } from '../../storage/schema.js'

type WhereBuilder = WhereInterface<Pick<Database, 'webhookEvents'>, 'webhookEvents'>

/** An outbox row claimed for delivery, with what sending it needs. */
export interface ClaimedDelivery {
  id: string
  webhookId: string
  event: string
  payload: string
  attempts: number
  url: string
  secret: string
}

/**
 * Claims up to `limit` due deliveries for `holdMs`: one UPDATE … WHERE id IN (SELECT …)
 * RETURNING, so two workers never hold the same row. SQLite runs one writer at a time. On
 * PostgreSQL two nodes may pick the same candidates: the candidates are locked (SKIP LOCKED lets
 * the other node take different ones), and the due conditions are repeated on the UPDATE itself,
 * because PostgreSQL re-checks a row a concurrent claim changed against those, not against the
 * subquery's older result. A
 * worker that dies holding rows leaves them to be claimed again once the hold runs out (that is
 * the "at least once": the receiver may then see a delivery id twice).
 * @example const due = await claimDueDeliveries(db, new Date(), { limit: 10, holdMs: 60_000 })
 */
export async function claimDueDeliveries(db: Db, now: Date, { limit, holdMs }: { limit: number; holdMs: number }): Promise<ClaimedDelivery[]> {
  const at = now.toISOString()
  const due = <Q extends WhereBuilder>(query: Q): Q => query
    .where('status', '=', 'pending').where('nextAttemptAt', '<=', at)
    .where((w) => w.or([w('lockedUntil', 'is', null), w('lockedUntil', '<', at)])) as Q
  const postgres = dialectOf(db) === 'postgres'
  const candidates = due(db.selectFrom('webhookEvents').select('id')).orderBy('nextAttemptAt').limit(limit)
  const claimed = await due(db.updateTable('webhookEvents')
    .set({ lockedUntil: new Date(now.getTime() + holdMs).toISOString() })
    // PostgreSQL: rows another node is claiming right now are passed over rather than waited for,
    // and the candidates are chosen once (an array), never re-run as a join could re-run them.
    .where('id', postgres ? '=' : 'in', postgres ? sql<string>`any(array(${candidates.forUpdate().skipLocked()}))` : candidates))
    .returning(['id', 'webhookId', 'event', 'payload', 'attempts'])
    .execute()
  if (claimed.length === 0) return []
  const hooks = await db.selectFrom('webhooks').select(['id', 'url', 'secret']).where('id', 'in', [...new Set(claimed.map((c) => c.webhookId))]).execute()
  const byId = new Map(hooks.map((h) => [h.id, h]))
  return claimed.flatMap((c) => {
    const hook = byId.get(c.webhookId)
    return hook ? [{ ...c, url: hook.url, secret: hook.secret }] : []
  })
}

/** What one attempt came to. */
export type AttemptOutcome =
  | { type: 'delivered'; statusCode: number }
  /** The receiver answered 410 Gone: it wants no more. */
  | { type: 'gone'; statusCode: number }
  | { type: 'failed'; statusCode: number | null; error: string; retryAt: Date | null }

/**
 * Records an attempt's outcome and releases the row. A 410 disables the webhook (the reason
 * recorded) and marks its pending deliveries disabled, all in one transaction.
 */
export async function recordAttempt(db: Db, delivery: ClaimedDelivery, outcome: AttemptOutcome, now: Date): Promise<void> {
  const at = now.toISOString()
  const attempt = { attempts: delivery.attempts + 1, lastAttemptAt: at, lockedUntil: null }
  switch (outcome.type) {
    case 'delivered':
      await db.updateTable('webhookEvents').set({ ...attempt, status: 'delivered', lastStatusCode: outcome.statusCode, lastError: '', deliveredAt: at })
        .where('id', '=', delivery.id).execute()
      return
    case 'gone':
      await runTransaction(db, async (trx) => {
        await trx.updateTable('webhookEvents').set({ ...attempt, status: 'disabled', lastStatusCode: outcome.statusCode, lastError: 'the receiver answered 410 Gone' })
          .where('id', '=', delivery.id).execute()
        await disableWebhook(trx, delivery.webhookId, `The receiver answered 410 Gone on ${at}.`)
      })
      return
    case 'failed':
      await db.updateTable('webhookEvents').set({
        ...attempt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error.slice(0, 500),
        ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt.toISOString() } : { status: 'failed' }),
      }).where('id', '=', delivery.id).execute()
      return
  }
}

/** Turns a webhook off and sets its waiting deliveries aside (they are kept, for the log). */
export async function disableWebhook(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('webhooks').set({ enabled: 0, disabledReason: reason }).where('id', '=', id).execute()
  await db.updateTable('webhookEvents').set({ status: 'disabled', lockedUntil: null }).where('webhookId', '=', id).where('status', '=', 'pending').execute()
}
