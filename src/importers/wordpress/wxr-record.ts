import type { ArticleKind, ArticleStatus } from '../../content/articles/article.js'
import { RESERVED_SLUGS, slugify } from '../../content/articles/slug.js'
import type { ImportRecord, ImportTerm, SourceItem } from '../import-record.js'
import { clip, plainText } from './plain-text.js'
import type { WxrItem } from './read-wxr.js'
import { heroFor, type WxrAttachment } from './wxr-attachments.js'
import type { WxrTally } from './wxr-notes.js'
import { wpContentToHtml } from './wp-content-to-html.js'
import { parseWpDate, postTime } from './wp-dates.js'

/** What every item of one file shares. */
export interface WxrContext {
  file: string
  /** `wxr:<site host>`: with the post id, the record's sourceKey. */
  siteKey: string
  language: string
  /** Author login → display name, and the same by the login's slug for untidy `dc:creator` values. */
  authors: ReadonlyMap<string, string>
  authorsBySlug: ReadonlyMap<string, string>
  attachments: ReadonlyMap<string, WxrAttachment>
  /** Slugs given out in this file, so two pages both named `child` under different parents stay apart. */
  slugs: Set<string>
  /** Categories and tags already read, by nicename and name: a site has far fewer terms than posts. */
  terms: Map<string, ImportTerm | undefined>
  tally: WxrTally
}

const KINDS: Record<string, ArticleKind> = { post: 'post', page: 'page' }
const MAX_DEK = 1000

/**
 * One WXR item as an import record, a record-level problem (no title), or undefined for what is
 * not an article (attachments, menu items, other post types, trash), which the tally counts.
 * With `pictureLater` the featured picture is left for the caller to look up once the
 * attachment has been read (the record's `hero` is then undefined).
 * @example toSourceItem(item, context) // { record: { sourceKey: 'wxr:example.com:42', kind: 'post', … } }
 */
export function toSourceItem(item: WxrItem, context: WxrContext, { pictureLater = false } = {}): SourceItem | undefined {
  const { fields } = item
  const field = (name: string) => fields.get(name)?.trim() ?? ''
  const { tally, file } = context
  tally.comments += item.comments
  const type = field('wp:post_type') || 'post'
  const kind = KINDS[type]
  if (!kind) {
    if (type === 'attachment') tally.attachments++
    else tally.otherTypes.set(type, (tally.otherTypes.get(type) ?? 0) + 1)
    return undefined
  }
  // Trash goes first: an untitled post in the bin is no problem worth stopping for.
  if (field('wp:status') === 'trash') {
    tally.trashed++
    return undefined
  }
  const id = field('wp:post_id')
  if (!id) return { problem: { file, line: item.line, record: `${type} at line ${item.line}`, field: 'wp:post_id', message: `the ${type} has no id` } }
  const headline = plainText(fields.get('title') ?? '')
  if (!headline) return { problem: { file, record: `${type} ${id}`, field: 'title', message: `the ${type} has no title` } }

  const time = postTime(fields.get('wp:post_date_gmt'), fields.get('wp:post_date'))
  const status = toStatus(field('wp:status'), { protected: field('wp:post_password') !== '', dated: time !== undefined }, tally)
  if (field('wp:is_sticky') === '1') tally.sticky++
  const hero = pictureLater ? undefined : heroFor(item, context.attachments)
  if (hero === 'missing') tally.missingPictures++

  const record: ImportRecord = {
    sourceKey: `${context.siteKey}:${id}`,
    location: `${type} ${id} "${clip(headline, 60)}"`,
    kind,
    headline,
    dek: clip(plainText(fields.get('excerpt:encoded') ?? ''), MAX_DEK),
    slug: slugFor(field('wp:post_name'), id, context.slugs),
    bodyHtml: wpContentToHtml(fields.get('content:encoded') ?? ''),
    status,
    publishedAt: status === 'draft' ? null : time,
    createdAt: time,
    updatedAt: parseWpDate(fields.get('wp:post_modified_gmt')),
    language: context.language,
    ...taxonomies(item, context.terms),
    authors: authorsOf(field('dc:creator'), context),
    hero: hero === 'missing' ? null : hero ?? null,
    redirectsFrom: oldPaths(kind, id, field('link')),
  }
  return { record }
}

/**
 * WordPress statuses (other than trash) as ours. Private and password-protected posts become
 * drafts, so nothing that was hidden on the old site becomes public here.
 */
function toStatus(wpStatus: string, post: { protected: boolean; dated: boolean }, tally: WxrTally): ArticleStatus {
  switch (wpStatus) {
    case 'draft': case 'pending': case 'auto-draft': return 'draft'
    case 'private': tally.privateAsDraft++; return 'draft'
    case 'future':
      if (post.protected) { tally.protectedAsDraft++; return 'draft' }
      if (!post.dated) { tally.undatedScheduledAsDraft++; return 'draft' }
      return 'scheduled'
    case 'publish':
      if (post.protected) { tally.protectedAsDraft++; return 'draft' }
      return 'published'
    default:
      tally.unknownStatusAsDraft.set(wpStatus || '(none)', (tally.unknownStatusAsDraft.get(wpStatus || '(none)') ?? 0) + 1)
      return 'draft'
  }
}

/** `wp:post_name` is percent-encoded for non-Latin slugs; a reserved or repeated one is made usable. */
function slugFor(postName: string, id: string, seen: Set<string>): string | undefined {
  let name = postName
  try { name = decodeURIComponent(postName) } catch { /* keep it as written */ }
  if (!/[\p{L}\p{N}]/u.test(name)) return undefined
  const slug = slugify(name)
  const usable = RESERVED_SLUGS.has(slug) || seen.has(slug) ? `${slug}-${id}` : slug
  seen.add(usable)
  return usable
}

/** The first category is the section; the other categories and every post tag are tags. */
function taxonomies(item: WxrItem, known: Map<string, ImportTerm | undefined>): { section: ImportTerm | null; tags: ImportTerm[] } {
  const term = (c: { nicename: string; name: string }): ImportTerm | undefined => {
    const key = `${c.nicename}\n${c.name}`
    if (!known.has(key)) known.set(key, toTerm(c))
    return known.get(key)
  }
  const categories = item.categories.filter((c) => c.domain === 'category').map(term).filter((t) => t !== undefined)
  const tags = item.categories.filter((c) => c.domain === 'post_tag').map(term).filter((t) => t !== undefined)
  // One tag per slug: the writer looks terms up in parallel, and a repeated slug would be created twice.
  const unique = new Map([...categories.slice(1), ...tags].map((t) => [t.slug, t]))
  return { section: categories[0] ?? null, tags: [...unique.values()] }
}

/** A category or tag as a term; its slug comes from the nicename, decoded (non-Latin nicenames are percent-encoded). */
function toTerm(c: { nicename: string; name: string }): ImportTerm | undefined {
  const name = plainText(c.name)
  let nicename = c.nicename
  try { nicename = decodeURIComponent(c.nicename) } catch { /* keep it as written */ }
  return name ? { name, slug: slugify(nicename || name) } : undefined
}

/**
 * The post's author by login. Exports are not always tidy (the theme unit test data has
 * `<dc:creator>>themereviewteam</dc:creator>`), so a login that is not listed is matched by its slug.
 */
function authorsOf(login: string, { authors, authorsBySlug }: WxrContext): { name: string; slug: string }[] {
  if (!login) return []
  const slug = slugify(login)
  const listed = authors.get(login) ?? authorsBySlug.get(slug)
  return [{ name: plainText(listed ?? login) || login, slug }]
}

/**
 * The addresses the post had: WordPress's `/?p=ID` (`/?page_id=ID` for pages), which always
 * works there, and the permalink's path. A permalink that is the site root plus a query
 * (a draft's `/?p=ID`) is kept whole; the bare root is never taken.
 */
function oldPaths(kind: ArticleKind, id: string, link: string): string[] {
  const paths = [kind === 'page' ? `/?page_id=${id}` : `/?p=${id}`]
  if (URL.canParse(link)) {
    const url = new URL(link)
    if (url.pathname !== '/' && url.pathname !== '') paths.push(url.pathname)
    else if (url.search) paths.push(`/${url.search}`)
  }
  return [...new Set(paths)]
}
