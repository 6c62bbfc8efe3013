import type { Result } from '../core/result.js'
import { runTransaction, type Db } from './connect.js'

/** Carries an error result out of a transaction, so the transaction rolls back. */
class RollBack<E> {
  constructor(readonly result: { ok: false; error: E }) {}
}

/**
 * Runs `work` in a transaction that commits only if it returns ok: an error result undoes
 * everything it wrote (a save that went through before the publish that was then refused).
 * Inside the caller's transaction, the caller's outcome decides.
 * @example const result = await inTransactionUnlessError(db, async (trx) => { const saved = await save(trx); return saved.ok ? publish(trx) : saved })
 */
export async function inTransactionUnlessError<T, E>(db: Db, work: (trx: Db) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  if (db.isTransaction) return work(db)
  try {
    return await runTransaction(db, async (trx) => {
      const result = await work(trx)
      if (!result.ok) throw new RollBack(result)
      return result
    })
  } catch (error) {
    if (error instanceof RollBack) return error.result as { ok: false; error: E }
    throw error
  }
}
