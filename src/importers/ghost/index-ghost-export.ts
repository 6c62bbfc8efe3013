import { toLanguageTag } from '../language-tag.js'
import type { GhostData, GhostPostMeta, GhostTag, GhostUser } from './ghost-export-schema.js'
import { ghostSiteUrl } from './ghost-urls.js'

/** What mapping one post needs from the rest of the export, looked up by id. */
export interface GhostIndex {
  siteUrl: string | undefined
  /** The site's language (settings `locale` in Ghost 5, `lang` before), else 'en'. */
  language: string
  users: Map<string, GhostUser>
  tags: Map<string, GhostTag>
  /** Tag ids of each post, in the post's order (the first is its primary tag). */
  tagsByPost: Map<string, string[]>
  /** Author ids of each post, in order; absent for Ghost 1, which has only `posts.author_id`. */
  authorsByPost: Map<string, string[]>
  metaByPost: Map<string, GhostPostMeta>
}

/**
 * Indexes users, tags, joins and per-post meta once, so each post maps in constant time.
 * @example const index = indexGhostExport(data); index.tagsByPost.get(post.id)
 */
export function indexGhostExport(data: GhostData): GhostIndex {
  const setting = (key: string) => data.settings.find((s) => s.key === key)?.value
  return {
    siteUrl: ghostSiteUrl(data.settings),
    language: toLanguageTag(setting('locale')) ?? toLanguageTag(setting('lang')) ?? 'en',
    users: new Map(data.users.map((u) => [u.id, u])),
    tags: new Map(data.tags.map((t) => [t.id, t])),
    tagsByPost: orderedJoin(data.posts_tags),
    authorsByPost: orderedJoin(data.posts_authors),
    metaByPost: new Map(data.posts_meta.map((m) => [m.post_id, m])),
  }
}

function orderedJoin(rows: readonly { postId: string; id: string; order: number }[]): Map<string, string[]> {
  const byPost = new Map<string, { id: string; order: number }[]>()
  for (const row of rows) {
    const list = byPost.get(row.postId)
    if (list) list.push(row)
    else byPost.set(row.postId, [row])
  }
  // Array.prototype.sort is stable: rows with the same order keep the export's order.
  return new Map([...byPost].map(([post, list]) => [post, list.sort((a, b) => a.order - b.order).map((r) => r.id)]))
}
