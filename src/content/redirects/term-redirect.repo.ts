import type { Db } from '../../storage/connect.js'

export type TermKind = 'section' | 'tag'

/**
 * Keeps a section's or tag's old address working after its slug changes: `/section/old/` then
 * answers 301 to the term wherever it is now. The row follows the term, not the slug, so later
 * changes need no chains; the new slug's own redirect (a change back) is dropped.
 * @example await redirectOldTermSlug(trx, 'section', world.id, { from: 'world', to: 'international' }, now)
 */
export async function redirectOldTermSlug(db: Db, kind: TermKind, termId: string, slugs: { from: string; to: string }, now: Date): Promise<void> {
  const ids = kind === 'section' ? { sectionId: termId, tagId: null } : { sectionId: null, tagId: termId }
  await db.insertInto('termRedirects').values({ kind, oldSlug: slugs.from, ...ids, createdAt: now.toISOString() })
    .onConflict((oc) => oc.columns(['kind', 'oldSlug']).doUpdateSet({ ...ids, createdAt: now.toISOString() })).execute()
  await forgetTermRedirect(db, kind, slugs.to)
}

/** Drops the redirect from a slug that a live term now has. */
export async function forgetTermRedirect(db: Db, kind: TermKind, slug: string): Promise<void> {
  await db.deleteFrom('termRedirects').where('kind', '=', kind).where('oldSlug', '=', slug).execute()
}

/**
 * The current slug of the section or tag that once had `oldSlug`, if any.
 * @example await findTermRedirect(db, 'section', 'world') // 'international'
 */
export async function findTermRedirect(db: Db, kind: TermKind, oldSlug: string): Promise<string | undefined> {
  const query = kind === 'section'
    ? db.selectFrom('termRedirects as r').innerJoin('sections as t', 't.id', 'r.sectionId').select('t.slug')
    : db.selectFrom('termRedirects as r').innerJoin('tags as t', 't.id', 'r.tagId').select('t.slug')
  const row = await query.where('r.kind', '=', kind).where('r.oldSlug', '=', oldSlug).executeTakeFirst()
  return row?.slug
}
