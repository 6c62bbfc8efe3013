import { z } from 'zod'
import type { ArticleStatus } from '../../content/articles/article.js'
import { RESERVED_SLUGS, SLUG_RE, slugify } from '../../content/articles/slug.js'
import { bodyText, paragraphsToHtml } from '../../content/body/render-body.js'
import type { ImportPicture, ImportTerm, SourceItem } from '../import-record.js'
import { toLanguageTag } from '../language-tag.js'
import { GhostPost } from './ghost-export-schema.js'
import type { GhostNotes } from './ghost-notes.js'
import { absoluteGhostUrl, resolveBodyUrls } from './ghost-urls.js'
import type { GhostIndex } from './index-ghost-export.js'

/** `sent` posts went out as newsletters only and were never on the site: they come in as drafts. */
const STATUSES: Record<string, ArticleStatus> = { published: 'published', draft: 'draft', scheduled: 'scheduled', sent: 'draft' }

const Where = z.object({ id: z.unknown(), slug: z.unknown() }).partial()

/**
 * Maps one entry of `data.posts` to an import record, or to a problem with that post (a missing
 * title, a bad date) that --skip-invalid may skip.
 * @example toGhostItem(data.posts[0], 0, { file: 'ghost.json', index, notes }) // { record: { sourceKey: 'ghost:605ac…', … } }
 */
export function toGhostItem(raw: unknown, position: number, { file, index, notes }: { file: string; index: GhostIndex; notes: GhostNotes }): SourceItem {
  const where = describePost(raw, position)
  const parsed = GhostPost.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return { problem: { file, record: where, field: issue.path.join('.') || '(post)', message: issue.message } }
  }
  const post = parsed.data
  const headline = post.title?.trim()
  if (!headline) return { problem: { file, record: where, field: 'title', message: 'the post has no title' } }
  let status = STATUSES[post.status]
  if (!status) return { problem: { file, record: where, field: 'status', message: `unknown status "${post.status}" (expected published, draft, scheduled or sent)` } }
  if (post.status === 'sent') notes.add('sent', where)
  if (status === 'scheduled' && !post.published_at) {
    status = 'draft'
    notes.add('unscheduled', where)
  }
  if (post.visibility && post.visibility !== 'public') notes.add('members-only', where)

  const meta = index.metaByPost.get(post.id)
  const slug = slugify(post.slug)
  const slugUsable = SLUG_RE.test(slug) && !RESERVED_SLUGS.has(slug)
  if (!slugUsable) notes.add('slug-replaced', where)
  const tags = publicTags(post, index)
  return {
    record: {
      sourceKey: `ghost:${post.id}`,
      location: where,
      kind: post.type === 'page' || post.page === true || post.page === 1 ? 'page' : 'post',
      headline,
      dek: firstText(post.custom_excerpt, meta?.meta_description, post.meta_description),
      ...(slugUsable && { slug }),
      bodyHtml: body(post, index, () => notes.add('empty-body', where), (n) => { if (n) notes.add('unresolved-uploads', where) }),
      status,
      publishedAt: post.published_at,
      ...(post.created_at && { createdAt: post.created_at }),
      ...(post.updated_at && { updatedAt: post.updated_at }),
      language: toLanguageTag(post.locale) ?? toLanguageTag(post.language) ?? index.language,
      canonicalUrl: post.canonical_url && /^https?:\/\//i.test(post.canonical_url) ? post.canonical_url : null,
      section: tags[0] ?? null,
      tags,
      authors: authors(post, index),
      hero: hero(post, meta, index, () => notes.add('hero-dropped', where)),
      redirectsFrom: [`/${post.slug}/`],
    },
  }
}

/** `post 605ac… (slug welcome)`, from whatever the raw entry has. */
function describePost(raw: unknown, position: number): string {
  const where = Where.safeParse(raw)
  const id = where.success && (typeof where.data.id === 'string' || typeof where.data.id === 'number') ? String(where.data.id) : `#${position + 1}`
  const slug = where.success && typeof where.data.slug === 'string' && where.data.slug ? ` (slug ${where.data.slug})` : ''
  return `post ${id}${slug}`
}

function firstText(...values: (string | null | undefined)[]): string | undefined {
  return values.map((v) => v?.trim()).find((v) => v) || undefined
}

/** The HTML Ghost rendered, whatever the editor; plain text as paragraphs when there is none. */
function body(post: GhostPost, index: GhostIndex, onEmpty: () => void, onUnresolved: (count: number) => void): string {
  if (post.html?.trim()) {
    const { html, unresolved } = resolveBodyUrls(post.html, index.siteUrl)
    onUnresolved(unresolved)
    return html
  }
  if (post.plaintext?.trim()) return paragraphsToHtml(post.plaintext.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean))
  onEmpty()
  return ''
}

/** Tags in the post's order, without Ghost's internal ones (`#name`, visibility internal). */
function publicTags(post: GhostPost, index: GhostIndex): ImportTerm[] {
  return (index.tagsByPost.get(post.id) ?? []).flatMap((id) => {
    const tag = index.tags.get(id)
    if (!tag || tag.visibility === 'internal' || tag.name.startsWith('#')) return []
    return [{ name: tag.name, slug: tag.slug, ...(tag.description && { description: tag.description }) }]
  })
}

/** Authors in order from posts_authors; Ghost 1 exports have only the post's `author_id`. */
function authors(post: GhostPost, index: GhostIndex) {
  const ids = index.authorsByPost.get(post.id) ?? (post.author_id ? [post.author_id] : [])
  return ids
    .map((id) => index.users.get(id))
    .filter((user) => user !== undefined)
    .map((user) => ({ name: user.name, slug: user.slug, ...(user.bio && { bio: user.bio }) }))
}

function hero(post: GhostPost, meta: { feature_image_alt?: string | null; feature_image_caption?: string | null } | undefined, index: GhostIndex, onDropped: () => void): ImportPicture | null {
  if (!post.feature_image?.trim()) return null
  const remoteUrl = absoluteGhostUrl(post.feature_image, index.siteUrl)
  if (!remoteUrl) {
    onDropped()
    return null
  }
  const caption = post.feature_image_caption ?? meta?.feature_image_caption
  return { remoteUrl, alt: (post.feature_image_alt ?? meta?.feature_image_alt ?? '').trim(), caption: caption ? bodyText(caption) : '' }
}
