import type { Db } from '../storage/connect.js'

const CHANGED_AT = 'content_changed_at'

/**
 * Records that something readers can see has changed. Every write use case calls it in its
 * transaction, so Last-Modified never claims a page is older than it is.
 */
export async function markContentChanged(db: Db, now: Date): Promise<void> {
  const value = now.toISOString()
  // Never backwards: a backdated save (an import, the demo) must not hide a later change.
  await db.insertInto('settings').values({ key: CHANGED_AT, value }).onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({
    value: eb.case().when('excluded.value', '>', eb.ref('settings.value')).then(eb.ref('excluded.value')).else(eb.ref('settings.value')).end(),
  }))).execute()
}

/**
 * When the public site last changed: the last recorded write, or a scheduled article becoming
 * due since then (which needs no write), whichever is later.
 * @example const lastModified = await lastSiteChange(db, new Date())
 */
export async function lastSiteChange(db: Db, now: Date): Promise<Date> {
  const [written, due] = await Promise.all([
    db.selectFrom('settings').select('value').where('key', '=', CHANGED_AT).executeTakeFirst().then((r) => r?.value),
    db.selectFrom('articles').select((eb) => eb.fn.max('publishedAt').as('t'))
      .where('status', 'in', ['published', 'scheduled']).where('publishedAt', '<=', now.toISOString()).executeTakeFirst(),
  ])
  const times = [written, due?.t].filter((t): t is string => Boolean(t)).map((t) => Date.parse(t))
  return new Date(times.length ? Math.max(...times) : 0)
}

/**
 * A date as HTTP headers write it, to the second.
 * @example httpDate(new Date(0)) // 'Thu, 01 Jan 1970 00:00:00 GMT'
 */
export function httpDate(date: Date): string {
  return date.toUTCString()
}
