import { newId } from '../core/ids.js'
import { err, ok, type Result } from '../core/result.js'
import { inTransaction, type Db } from '../storage/connect.js'
import { forgetList } from './articles/article-listings.js'
import { slugify, SLUG_RE } from './articles/slug.js'
import { forgetTermRedirect, redirectOldTermSlug } from './redirects/term-redirect.repo.js'
import { markContentChanged } from './site-changes.js'
import type { Section, Tag } from './taxonomy.js'
import { updateTerm } from './update-term.js'
import { emitEvent } from './webhooks/emit-event.js'

/** The two kinds of term an editor manages here (people are managed with staff accounts). */
export type TermTable = 'sections' | 'tags'

export interface TermInput {
  name: string
  /** Empty: made from the name. */
  slug: string
  description: string
}

export type TermError =
  | { type: 'invalid'; issues: { field: string; message: string }[] }
  | { type: 'not-found' }

export const MAX_TERM_NAME = 100
export const MAX_TERM_SLUG = 96
export const MAX_TERM_DESCRIPTION = 1000

const NOUN: Record<TermTable, string> = { sections: 'section', tags: 'tag' }
const KIND = { sections: 'section', tags: 'tag' } as const
const EVENTS = {
  sections: { added: 'section.added', updated: 'section.updated', deleted: 'section.deleted' },
  tags: { added: 'tag.added', updated: 'tag.updated', deleted: 'tag.deleted' },
} as const
const columns = ['id', 'slug', 'name', 'description'] as const

/** A section or tag by its id. */
export async function findTerm(db: Db, table: TermTable, id: string): Promise<Section | Tag | undefined> {
  return table === 'sections'
    ? db.selectFrom('sections').select(columns).where('id', '=', id).executeTakeFirst()
    : db.selectFrom('tags').select(columns).where('id', '=', id).executeTakeFirst()
}

/** Checks a term's fields; the slug defaults to the name's, and may be nobody else's. */
async function checkTerm(db: Db, table: TermTable, input: TermInput, selfId?: string): Promise<Result<TermInput, TermError>> {
  const issues: { field: string; message: string }[] = []
  const name = input.name.trim()
  if (!name) issues.push({ field: 'name', message: 'Name: a name is required' })
  else if (name.length > MAX_TERM_NAME) issues.push({ field: 'name', message: `Name: at most ${MAX_TERM_NAME} characters` })
  const slug = input.slug.trim() || slugify(name)
  if (!SLUG_RE.test(slug) || slug.length > MAX_TERM_SLUG) {
    issues.push({ field: 'slug', message: `Slug: “${slug.slice(0, 60)}” must be lowercase letters, digits and single hyphens (at most ${MAX_TERM_SLUG})` })
  } else {
    const holder = await db.selectFrom(table).select(['id', 'name']).where('slug', '=', slug).executeTakeFirst()
    if (holder && holder.id !== selfId) issues.push({ field: 'slug', message: `Slug: “${slug}” is already the ${NOUN[table]} “${holder.name}”` })
  }
  const description = input.description.trim()
  if (description.length > MAX_TERM_DESCRIPTION) issues.push({ field: 'description', message: `Description: at most ${MAX_TERM_DESCRIPTION} characters` })
  return issues.length ? err({ type: 'invalid', issues }) : ok({ name, slug, description })
}

/**
 * Adds a section (at the end of the order) or a tag. Unlike `ensureSection`/`ensureTag`, an
 * existing slug is a problem to report, not a term to reuse.
 * @example await createTerm(db, 'sections', { name: 'World', slug: '', description: '' }, now)
 */
export async function createTerm(db: Db, table: TermTable, input: TermInput, now: Date): Promise<Result<Section | Tag, TermError>> {
  return inTransaction(db, async (trx) => {
    const checked = await checkTerm(trx, table, input)
    if (!checked.ok) return checked
    const row = { id: newId(now), ...checked.value, createdAt: now.toISOString() }
    if (table === 'sections') {
      const last = await trx.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst()
      await trx.insertInto('sections').values({ ...row, position: Number(last?.p ?? -1) + 1 }).execute()
    } else {
      await trx.insertInto('tags').values(row).execute()
    }
    // The slug is live again: an old redirect from it would never be reached, so drop it.
    await forgetTermRedirect(trx, KIND[table], row.slug)
    await markContentChanged(trx, now)
    const term = { id: row.id, slug: row.slug, name: row.name, description: row.description }
    await emitEvent(trx, EVENTS[table].added, term, now)
    return ok(term)
  })
}

/**
 * Renames a section or tag (through `updateTerm`) and, when the slug changes, keeps the old
 * address working with a redirect.
 */
export async function editTerm(db: Db, table: TermTable, id: string, input: TermInput, now: Date): Promise<Result<Section | Tag, TermError>> {
  return inTransaction(db, async (trx) => {
    const current = await findTerm(trx, table, id)
    if (!current) return err({ type: 'not-found' as const })
    const checked = await checkTerm(trx, table, input, id)
    if (!checked.ok) return checked
    const { name, slug, description } = checked.value
    await updateTerm(trx, table, id, { name, description }, now)
    if (slug !== current.slug) {
      await trx.updateTable(table).set({ slug }).where('id', '=', id).execute()
      await redirectOldTermSlug(trx, KIND[table], id, { from: current.slug, to: slug }, now)
      await markContentChanged(trx, now)
    }
    await emitEvent(trx, EVENTS[table].updated, { id, slug, name, description, previous_slug: current.slug }, now)
    return ok({ id, name, slug, description })
  })
}

/**
 * Deletes a section or tag. Its articles stay: a section's lose their section, a tag is taken
 * off its articles (the foreign keys do both); its redirects and its public list go with it.
 * @returns how many articles it was on
 */
export async function deleteTerm(db: Db, table: TermTable, id: string, now: Date): Promise<Result<{ articles: number }, TermError>> {
  return inTransaction(db, async (trx) => {
    const term = await findTerm(trx, table, id)
    if (!term) return err({ type: 'not-found' as const })
    const articles = await countArticles(trx, table, id)
    await trx.deleteFrom(table).where('id', '=', id).execute()
    await forgetList(trx, { scope: KIND[table], termId: id })
    await markContentChanged(trx, now)
    await emitEvent(trx, EVENTS[table].deleted, term, now)
    return ok({ articles })
  })
}

/** How many articles (of any status) a section or tag is on. */
export async function countArticles(db: Db, table: TermTable, id: string): Promise<number> {
  const row = table === 'sections'
    ? await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('sectionId', '=', id).executeTakeFirst()
    : await db.selectFrom('articleTags').select((eb) => eb.fn.countAll<number>().as('n')).where('tagId', '=', id).executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** How many articles each of the given sections or tags is on, for lists. */
export async function articleCounts(db: Db, table: TermTable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = table === 'sections'
    ? await db.selectFrom('articles').select(['sectionId as id', (eb) => eb.fn.countAll<number>().as('n')]).where('sectionId', 'in', ids).groupBy('sectionId').execute()
    : await db.selectFrom('articleTags').select(['tagId as id', (eb) => eb.fn.countAll<number>().as('n')]).where('tagId', 'in', ids).groupBy('tagId').execute()
  return new Map(rows.map((r) => [r.id!, Number(r.n)]))
}
