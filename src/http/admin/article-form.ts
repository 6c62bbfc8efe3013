import type { Context } from 'hono'
import { z } from 'zod'
import type { ArticleContent } from '../../content/articles/edit-article.js'
import { slugify } from '../../content/articles/slug.js'
import type { FieldIssue } from '../../content/articles/save-article.js'
import { BODY_FORMATS } from '../../content/body/render-body.js'
import { resolveTagNames, splitTagNames } from '../../content/tags/resolve-tag-names.js'
import { err, ok, type Result } from '../../core/result.js'
import { canOnSite, type Actor } from '../../staff/permissions.js'
import type { Db } from '../../storage/connect.js'
import type { ArticleFormValues } from '../../views/admin/article-form-values.js'

/** A posted form or JSON object: each field a string, or several for a repeated field. */
export type FormFields = Record<string, unknown>

/**
 * The fields of a request: a JSON object from the editor's script, else the posted form with
 * repeated fields (a multiple select) as arrays.
 */
export async function readFormFields(c: Context): Promise<FormFields> {
  if ((c.req.header('Content-Type') ?? '').startsWith('application/json')) {
    const json: unknown = await c.req.json().catch(() => ({}))
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as FormFields) : {}
  }
  return c.req.parseBody({ all: true })
}

const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch('')).default('')
const list = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()).catch([]))

const ArticleForm = z.object({
  headline: text,
  dek: text,
  slug: text,
  sectionId: text,
  tags: text,
  authorIds: list,
  heroPictureId: text,
  heroAlt: text,
  heroCaption: text,
  heroCredit: text,
  bodyFormat: z.enum(BODY_FORMATS).catch('markdown'),
  bodySource: text,
  baseVersion: z.coerce.number().int().positive().optional().catch(undefined),
  note: text,
  publishAt: text,
  confirmNoAlt: z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean()),
})

/**
 * The editor's form as posted. Never fails: anything unreadable becomes empty, and the use
 * cases say what is wrong with what is left.
 * @example const values = parseArticleForm(await readFormFields(c))
 */
export function parseArticleForm(fields: FormFields): ArticleFormValues {
  const { baseVersion, ...values } = ArticleForm.parse(fields)
  return { ...values, baseVersion }
}

/** Whether a posted action carries the article's content too (the editor's buttons post the whole form). */
export const carriesContent = (fields: FormFields): boolean => 'headline' in fields && 'bodySource' in fields

/**
 * Turns form values into article content: tag names into ids (creating tags only for those who
 * manage the taxonomy), empty choices into none. A slug left as the draft's own headline-made
 * slug is left out, so a never-published draft's slug keeps following its headline.
 */
export async function toArticleContent(
  db: Db, actor: Actor, values: ArticleFormValues, now: Date,
  current?: { slug: string; headline: string; status: string; publishedAt: Date | null },
): Promise<Result<ArticleContent, FieldIssue[]>> {
  const tags = await resolveTagNames(db, splitTagNames(values.tags), { mayCreate: canOnSite(actor, 'taxonomy.manage') }, now)
  if (!tags.ok) {
    const names = tags.error.missing.map((n) => `“${n}”`).join(', ')
    return err([{ field: 'tags', message: `No tag is called ${names}. Use an existing tag, or ask an editor to create it.` }])
  }
  const slug = values.slug.trim()
  const followsHeadline = current !== undefined && current.status === 'draft' && current.publishedAt === null
    && slug === current.slug && isHeadlineSlug(current.slug, current.headline)
  return ok({
    headline: values.headline,
    dek: values.dek,
    slug: slug === '' || followsHeadline ? undefined : slug,
    body: { format: values.bodyFormat, source: values.bodySource },
    hero: values.heroPictureId.trim()
      ? { pictureId: values.heroPictureId.trim(), alt: values.heroAlt, caption: values.heroCaption, credit: values.heroCredit }
      : null,
    sectionId: values.sectionId || null,
    tagIds: tags.value,
    authorIds: values.authorIds.filter(Boolean),
  })
}

/** A slug made from the headline: its slugified form, perhaps with a number to keep it unique. */
function isHeadlineSlug(slug: string, headline: string): boolean {
  const base = slugify(headline)
  return slug === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`, 'u').test(slug)
}
