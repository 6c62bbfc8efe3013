import type { Tag } from '../../content/taxonomy.js'
import { absoluteUrl, paths } from '../../http/paths.js'
import { UNSET_SHARE_META } from './unset-share-meta.js'

/** A tag in Ghost's Content API shape; Masthead keeps only a name, slug and description. */
export function toGhostTag(tag: Tag, { siteUrl, postCount }: { siteUrl: string; postCount?: number | undefined }) {
  return {
    id: tag.id,
    name: tag.name,
    slug: tag.slug,
    description: tag.description || null,
    feature_image: null,
    visibility: 'public',
    ...UNSET_SHARE_META,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: absoluteUrl(siteUrl, paths.tag(tag.slug)),
    ...(postCount !== undefined && { count: { posts: postCount } }),
  }
}
