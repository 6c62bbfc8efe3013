import type { Article } from '../../content/articles/article.js'
import type { BodyFormat } from '../../content/body/render-body.js'

/**
 * The article editor's fields as the form holds them: strings, as posted. The page is drawn
 * from these, so a refused save shows exactly what was typed.
 */
export interface ArticleFormValues {
  headline: string
  dek: string
  slug: string
  sectionId: string
  /** Tag names, comma-separated. */
  tags: string
  authorIds: string[]
  heroPictureId: string
  heroAlt: string
  heroCaption: string
  heroCredit: string
  bodyFormat: BodyFormat
  bodySource: string
  /** The article's version the form was opened at; absent on a new article. */
  baseVersion: number | undefined
  /** A note for sending back to the writer. */
  note: string
  /** When to publish, as a `datetime-local` value in the site's time zone. */
  publishAt: string
  confirmNoAlt: boolean
}

/** A blank form, bylined to `personId`. */
export function emptyFormValues(personId: string | null): ArticleFormValues {
  return {
    headline: '', dek: '', slug: '', sectionId: '', tags: '', authorIds: personId ? [personId] : [],
    heroPictureId: '', heroAlt: '', heroCaption: '', heroCredit: '',
    bodyFormat: 'doc', bodySource: '', baseVersion: undefined, note: '', publishAt: '', confirmNoAlt: false,
  }
}

/**
 * The form for an article as stored; `body` replaces the stored body (an older format opened in
 * the rich editor, see `toEditableBody`).
 */
export function formValuesOf(article: Article, body: { format: BodyFormat; source: string } = article.body): ArticleFormValues {
  return {
    headline: article.headline,
    dek: article.dek,
    slug: article.slug,
    sectionId: article.section?.id ?? '',
    tags: article.tags.map((t) => t.name).join(', '),
    authorIds: article.authors.map((a) => a.id),
    heroPictureId: article.hero?.picture.id ?? '',
    heroAlt: article.hero?.alt ?? '',
    heroCaption: article.hero?.caption ?? '',
    heroCredit: article.hero?.credit ?? '',
    bodyFormat: body.format,
    bodySource: body.source,
    baseVersion: article.version,
    note: '',
    publishAt: '',
    confirmNoAlt: false,
  }
}
