/** Ids per query: `limit=all` may list more than SQLite takes parameters in one statement. */
export const BATCH_SIZE = 1000

/**
 * Runs `load` on consecutive slices of `items` and joins the results in order.
 * @example const rows = await inBatches(ids, (slice) => db.selectFrom('tags').selectAll().where('id', 'in', slice).execute())
 */
export async function inBatches<T, R>(items: T[], load: (slice: T[]) => Promise<R[]>, size = BATCH_SIZE): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += size) results.push(...await load(items.slice(i, i + size)))
  return results
}
