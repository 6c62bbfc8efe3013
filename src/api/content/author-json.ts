import type { Person } from '../../content/taxonomy.js'
import { absoluteUrl, paths } from '../../http/paths.js'

/** A byline in Ghost's author shape; Masthead keeps only a name, slug and bio. */
export function toGhostAuthor(person: Person, { siteUrl, postCount }: { siteUrl: string; postCount?: number | undefined }) {
  return {
    id: person.id,
    name: person.name,
    slug: person.slug,
    profile_image: null,
    cover_image: null,
    bio: person.bio || null,
    website: null,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: absoluteUrl(siteUrl, paths.author(person.slug)),
    ...(postCount !== undefined && { count: { posts: postCount } }),
  }
}
