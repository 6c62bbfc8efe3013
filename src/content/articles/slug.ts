import { z } from 'zod'

const MAX_SLUG_LENGTH = 96

/** Lowercase letters and digits of any script, in runs joined by single hyphens. */
export const SLUG_RE = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u

export const Slug = z.string().max(191).regex(SLUG_RE, 'must be lowercase letters, digits and single hyphens').brand<'Slug'>()
export type Slug = z.infer<typeof Slug>

/**
 * Paths the site itself uses at the top level: an article may not take one of these as its slug.
 * Add to this list, never remove: removing would let an article shadow a route.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'api', 'assets', 'author', 'authors', 'content', 'feed', 'feeds', 'ghost', 'media', 'page', 'pages',
  'rss', 'search', 'section', 'sections', 'setup', 'sitemap', 'static', 'tag', 'tags', 'atom', 'robots', 'favicon',
])

/**
 * Makes a URL slug from a headline: accents dropped, letters of other scripts kept,
 * everything else turned into single hyphens, cut at a word boundary.
 * @example slugify('Zürich’s “new” tram — 2026!') // 'zurichs-new-tram-2026'
 */
export function slugify(text: string): string {
  // ASCII has no accents to strip (and is its own normal form): the common case skips the per-character work.
  const unaccented = ASCII.test(text) ? text : [...text.normalize('NFC')].map(stripLatinAccent).join('')
  const base = unaccented
    .toLowerCase()
    .replace(/['’`]+/g, '')
    // The letters SLUG_RE allows: a capital with no lower-case form (𝚨, mathematical bold) is dropped too.
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return truncateAtHyphen(base, MAX_SLUG_LENGTH) || 'article'
}

const ASCII = /^[\x00-\x7f]*$/

/** é → e, but й and 한 stay whole: only Latin letters lose their marks. */
function stripLatinAccent(char: string): string {
  const decomposed = char.normalize('NFKD')
  return /^\p{Script=Latin}/u.test(decomposed) ? decomposed.replace(/\p{M}+/gu, '') : char
}

function truncateAtHyphen(slug: string, max: number): string {
  const chars = [...slug]
  if (chars.length <= max) return slug
  const cut = chars.slice(0, max).join('')
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '')
}

/**
 * The first of `slug`, `slug-2`, `slug-3`… that is neither reserved nor taken.
 * @example await uniqueSlug('budget', async (s) => s === 'budget') // 'budget-2'
 */
export async function uniqueSlug(slug: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`
    if (RESERVED_SLUGS.has(candidate)) continue
    if (!(await isTaken(candidate))) return candidate
  }
}
