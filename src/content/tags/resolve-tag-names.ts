import { err, ok, type Result } from '../../core/result.js'
import type { Db } from '../../storage/connect.js'
import { slugify } from '../articles/slug.js'
import { ensureTag, findTagBySlug } from './tag.repo.js'

/**
 * Splits comma-separated tag names, trimmed, empty ones dropped and each tag taken once.
 * @example splitTagNames('Harbour, ferries,, harbour') // ['Harbour', 'ferries']
 */
export function splitTagNames(text: string): string[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const raw of text.split(',')) {
    const name = raw.trim().replace(/\s+/g, ' ')
    const slug = slugify(name)
    if (!name || !slug || seen.has(slug)) continue
    seen.add(slug)
    names.push(name)
  }
  return names
}

/**
 * The ids of the tags with these names, in order; a name matches a tag with the same slug.
 * Missing tags are created when `mayCreate` (those who manage the taxonomy); otherwise the
 * error lists the names that match no tag.
 * @example const ids = await resolveTagNames(db, ['Harbour', 'Ferries'], { mayCreate: false }, now)
 */
export async function resolveTagNames(
  db: Db, names: string[], { mayCreate }: { mayCreate: boolean }, now: Date,
): Promise<Result<string[], { missing: string[] }>> {
  const ids: string[] = []
  const missing: string[] = []
  for (const name of names) {
    const found = await findTagBySlug(db, slugify(name))
    if (found) ids.push(found.id)
    else if (mayCreate) ids.push((await ensureTag(db, { name }, now)).id)
    else missing.push(name)
  }
  return missing.length ? err({ missing }) : ok(ids)
}
