import { z } from 'zod'

/**
 * The parts of a Ghost export (versions 1 to 5) the importer reads. Everything else in the file
 * (members, settings it does not need, mobiledoc and lexical sources) is left unread. Ids were
 * numbers in Ghost 0.x and 1.x exports and are strings since; both are read as strings.
 */

const Id = z.union([z.string().min(1), z.number()]).transform(String)
const Text = z.string().nullish()

/**
 * A Ghost time: an ISO string, or milliseconds since 1970 (as number or digits) in old exports;
 * MySQL-style `2014-05-10 12:00:00` is read as UTC, which is how Ghost stores it.
 * @example toGhostDate(1400000000000) // 2014-05-13T16:53:20.000Z
 * @example toGhostDate('2021-03-24T04:34:09.000Z') // 2021-03-24T04:34:09.000Z
 */
export function toGhostDate(value: string | number): Date | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  const date = typeof value === 'number' || /^\d{10,}$/.test(text)
    ? new Date(Number(value))
    : new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text)
  return Number.isNaN(date.getTime()) ? undefined : date
}

const GhostDate = z.union([z.string(), z.number()]).nullish().transform((value, ctx) => {
  if (value === null || value === undefined || value === '') return null
  const date = toGhostDate(value)
  if (date) return date
  ctx.issues.push({ code: 'custom', message: `"${value}" is not a date`, input: value })
  return z.NEVER
})

/** One post or page; parsed on its own, so a bad post is a problem with that post only. */
export const GhostPost = z.object({
  id: Id,
  title: Text,
  slug: z.string().trim().min(1, 'the post has no slug'),
  html: Text,
  plaintext: Text,
  feature_image: Text,
  feature_image_alt: Text,
  feature_image_caption: Text,
  /** Ghost 2+: 'post' or 'page'. */
  type: Text,
  /** Ghost 1: pages are posts with `page: true` (or 1). */
  page: z.union([z.boolean(), z.number()]).nullish(),
  status: z.string(),
  visibility: Text,
  published_at: GhostDate,
  created_at: GhostDate,
  updated_at: GhostDate,
  custom_excerpt: Text,
  meta_description: Text,
  canonical_url: Text,
  /** Ghost 1 has only this; later exports keep it beside posts_authors. */
  author_id: Id.nullish(),
  locale: Text,
  language: Text,
})
export type GhostPost = z.output<typeof GhostPost>

const GhostUser = z.object({ id: Id, name: z.string(), slug: z.string(), bio: Text })
const GhostTag = z.object({ id: Id, name: z.string(), slug: z.string(), description: Text, visibility: Text })
/** A row of posts_tags or posts_authors, as `{ postId, id, order }`. */
const PostTag = z.object({ post_id: Id, tag_id: Id, sort_order: z.number().nullish() })
  .transform((j) => ({ postId: j.post_id, id: j.tag_id, order: j.sort_order ?? 0 }))
const PostAuthor = z.object({ post_id: Id, author_id: Id, sort_order: z.number().nullish() })
  .transform((j) => ({ postId: j.post_id, id: j.author_id, order: j.sort_order ?? 0 }))
const GhostPostMeta = z.object({ post_id: Id, meta_description: Text, feature_image_alt: Text, feature_image_caption: Text })
const GhostSetting = z.object({ key: z.string(), value: z.unknown() })

/** The `data` of an export: posts are checked one at a time later, everything else here. */
export const GhostData = z.object({
  posts: z.array(z.unknown()),
  users: z.array(GhostUser).default([]),
  tags: z.array(GhostTag).default([]),
  posts_tags: z.array(PostTag).default([]),
  posts_authors: z.array(PostAuthor).default([]),
  posts_meta: z.array(GhostPostMeta).default([]),
  settings: z.array(GhostSetting).default([]),
})
export type GhostData = z.output<typeof GhostData>
export type GhostUser = z.output<typeof GhostUser>
export type GhostTag = z.output<typeof GhostTag>
export type GhostPostMeta = z.output<typeof GhostPostMeta>
