import { absoluteUrl, paths, pictureUrl } from '../../http/paths.js'
import { toGhostAuthor } from './author-json.js'
import { escapeHtml, ghostTime, pickFields, uuidFor } from './ghost-json.js'
import type { PostRecord } from './post-records.js'
import { toGhostTag } from './tag-json.js'
import { UNSET_SHARE_META } from './unset-share-meta.js'

/** Ghost's excerpt of a post without a custom one: the start of its text. */
const EXCERPT_LENGTH = 500

export interface PostOutput {
  siteUrl: string
  fields: string[] | undefined
  include: string[]
  formats: string[]
}

/**
 * A post or page in Ghost's Content API shape. Masthead's headline is the title, its dek the
 * custom excerpt; tags and authors come with `include`, each with its primary one; `html` and
 * `plaintext` follow `formats` (or `fields`). Masthead adds `section` (Ghost has none).
 * @example toGhostPost(record, { siteUrl, fields: undefined, include: ['tags'], formats: ['html'] }).primary_tag?.slug
 */
export function toGhostPost(post: PostRecord, { siteUrl, fields, include, formats }: PostOutput) {
  const wants = (format: 'html' | 'plaintext') => formats.includes(format) || (fields?.includes(format) ?? false)
  const tags = include.includes('tags') ? post.tags.map((tag) => toGhostTag(tag, { siteUrl })) : undefined
  const authors = include.includes('authors') ? post.authors.map((person) => toGhostAuthor(person, { siteUrl })) : undefined
  const caption = [post.hero?.caption, post.hero?.credit].filter(Boolean).join(' ')
  const json = {
    id: post.id,
    uuid: uuidFor(post.id),
    title: post.headline,
    slug: post.slug,
    ...(wants('html') && { html: post.html }),
    ...(wants('plaintext') && { plaintext: post.text }),
    comment_id: post.id,
    feature_image: post.hero ? pictureUrl(siteUrl, post.hero.picture) : null,
    feature_image_alt: post.hero ? post.hero.alt || null : null,
    feature_image_caption: post.hero && caption ? escapeHtml(caption) : null,
    featured: post.featured,
    visibility: 'public',
    created_at: ghostTime(post.createdAt),
    updated_at: ghostTime(post.updatedAt),
    published_at: ghostTime(post.publishedAt),
    custom_excerpt: post.dek || null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: post.canonicalUrl,
    ...(tags && { tags, primary_tag: tags[0] ?? null }),
    ...(authors && { authors, primary_author: authors[0] ?? null }),
    url: absoluteUrl(siteUrl, paths.article(post.slug)),
    excerpt: post.dek || [...post.text].slice(0, EXCERPT_LENGTH).join(''),
    reading_time: post.readingMinutes,
    access: true,
    comments: false,
    ...UNSET_SHARE_META,
    email_subject: null,
    frontmatter: null,
    lang: post.language,
    section: post.section ? { ...post.section, url: absoluteUrl(siteUrl, paths.section(post.section.slug)) } : null,
  }
  return pickFields(json, fields, [...(tags ? ['tags', 'primary_tag'] : []), ...(authors ? ['authors', 'primary_author'] : [])])
}
