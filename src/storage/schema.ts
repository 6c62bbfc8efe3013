import type { Generated } from 'kysely'

/**
 * The database as Kysely sees it, in camelCase (the CamelCasePlugin maps to snake_case columns).
 * Portable across SQLite and PostgreSQL: times are ISO-8601 UTC strings (they sort as text),
 * booleans are 0/1 integers, ids are 24-hex text. `Generated<>` marks columns with a database
 * default, which inserts may leave out.
 */
export interface Database {
  articles: ArticleTable
  articleTags: ArticleTagTable
  articleAuthors: ArticleAuthorTable
  sections: SectionTable
  tags: TagTable
  people: PersonTable
  media: MediaTable
  settings: SettingTable
  redirects: RedirectTable
  articleRevisions: ArticleRevisionTable
  articleCorrections: ArticleCorrectionTable
}

export interface ArticleTable {
  id: string
  slug: string
  headline: string
  dek: Generated<string>
  bodyFormat: string
  bodySource: string
  bodyHtml: string
  /** The visible text of the body, for the search index. */
  bodyText: Generated<string>
  wordCount: Generated<number>
  imageCount: Generated<number>
  readingMinutes: Generated<number>
  heroMediaId: string | null
  heroAlt: Generated<string>
  heroCaption: Generated<string>
  heroCredit: Generated<string>
  status: string
  sectionId: string | null
  language: Generated<string>
  canonicalUrl: string | null
  sourceKey: string | null
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  /** 'post' (news, in lists and feeds) or 'page' (standing pages such as About). */
  kind: Generated<string>
  /** Counts writes, from 1: an edit based on an older version is refused as a conflict. */
  version: Generated<number>
}

export interface ArticleTagTable {
  articleId: string
  tagId: string
  position: number
}

export interface ArticleAuthorTable {
  articleId: string
  personId: string
  position: number
}

export interface SectionTable {
  id: string
  slug: string
  name: string
  description: string
  position: number
  createdAt: string
}

export interface TagTable {
  id: string
  slug: string
  name: string
  description: string
  createdAt: string
}

export interface PersonTable {
  id: string
  slug: string
  name: string
  bio: string
  createdAt: string
}

export interface MediaTable {
  id: string
  storageKey: string
  mimeType: string
  width: number
  height: number
  bytes: number
  sha256: string
  variants: string
  alt: string
  createdAt: string
  /** A picture kept at its original address (an imported archive's): no local file, no variants. */
  remoteUrl: string | null
}

export interface SettingTable {
  key: string
  value: string
}


export interface RedirectTable {
  /** An old path (with its query, e.g. `/?p=123`), as readers' links have it. */
  fromPath: string
  articleId: string
  createdAt: string
}

/** One saved state of an article: everything needed to restore it (not the rendered body). */
export interface ArticleRevisionTable {
  id: string
  articleId: string
  /** The article's version this revision is; unique per article. */
  version: number
  savedAt: string
  /** The user who saved it, or null for imports and the system. */
  savedBy: string | null
  /** Set when this revision was written by restoring an older one: that one's version. */
  restoredFrom: number | null
  headline: string
  dek: string
  slug: string
  kind: string
  status: string
  publishedAt: string | null
  bodyFormat: string
  bodySource: string
  wordCount: number
  heroMediaId: string | null
  heroAlt: string
  heroCaption: string
  heroCredit: string
  sectionId: string | null
  /** JSON array of tag ids, in their order on the article. */
  tagIds: string
  /** JSON array of person ids, in their order on the article. */
  authorIds: string
  language: string
  canonicalUrl: string | null
}

/** A public note under an article: a correction of an error, or an update with news. */
export interface ArticleCorrectionTable {
  id: string
  articleId: string
  /** 'correction' or 'update'. */
  kind: string
  /** Plain text, trimmed, 1–2000 characters. */
  text: string
  notedAt: string
  createdBy: string | null
}
