import type { ArticleKind, ArticleStatus } from '../articles/article.js'
import type { BodyFormat } from '../body/render-body.js'

/**
 * What a revision keeps of an article: every field an editor can change, enough to write the
 * article back whole. Not its rendered body (that is rendered again from the source) nor its
 * `sourceKey` (an import's bookkeeping, not content).
 */
export interface RevisionContent {
  headline: string
  dek: string
  slug: string
  kind: ArticleKind
  status: ArticleStatus
  publishedAt: Date | null
  body: { format: BodyFormat; source: string }
  hero: { pictureId: string; alt: string; caption: string; credit: string } | null
  sectionId: string | null
  tagIds: string[]
  authorIds: string[]
  language: string
  canonicalUrl: string | null
}

/** A revision as a history list shows it: who saved which version when, and what it was called. */
export interface RevisionSummary {
  id: string
  articleId: string
  version: number
  savedAt: Date
  /** The user who saved it, or null for imports and the system. */
  savedBy: string | null
  /** The version this revision restored, when it was written by `restoreRevision`. */
  restoredFrom: number | null
  headline: string
  status: ArticleStatus
  wordCount: number
}

export interface Revision extends RevisionSummary {
  content: RevisionContent
}
