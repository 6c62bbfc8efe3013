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
  articleListings: ArticleListingTable
  listingCounts: ListingCountTable
  sections: SectionTable
  tags: TagTable
  people: PersonTable
  media: MediaTable
  settings: SettingTable
  redirects: RedirectTable
  users: UserTable
  sessions: SessionTable
  staffTokens: StaffTokenTable
  signInFailures: SignInFailureTable
  apiKeys: ApiKeyTable
  articleRevisions: ArticleRevisionTable
  articleCorrections: ArticleCorrectionTable
  termRedirects: TermRedirectTable
  webhooks: WebhookTable
  webhookEvents: WebhookEventTable
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
  /** The staff member who created it (imports have none). */
  ownerId: Generated<string | null>
  /** null, 'submitted' (waiting in the review queue) or 'returned' (sent back with a note). */
  reviewState: Generated<string | null>
  reviewNote: Generated<string>
  /** Set while the article is in the trash (it is then a draft). */
  trashedAt: Generated<string | null>
  /** Ghost's `featured`: 1 for an article the editors single out, else 0. */
  featured: Generated<number>
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

/**
 * One public list a public post is on (see migration 0014): kept in step with the article by
 * `syncListings`, so a page of a list is an index range, not a sort of the whole scope.
 */
export interface ArticleListingTable {
  /** 'all' (the front page), 'section', 'tag' or 'author'. */
  scope: string
  /** The section, tag or person id; '' for 'all'. */
  termId: string
  articleId: string
  /** The article's publication time: readers see the row once it is not in the future. */
  listedAt: string
}

/** How many rows a list has in `article_listings` (future ones included), kept with them. */
export interface ListingCountTable {
  scope: string
  termId: string
  articles: number
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
  /** The staff member who uploaded it (null for imports and the demo, or once they are deleted). */
  uploadedBy: Generated<string | null>
  /** The file's name on the uploader's computer, for finding it again ('' when unknown). */
  originalName: Generated<string>
  /** Texts offered whenever the picture is reused (alt above is the default alt text). */
  caption: Generated<string>
  credit: Generated<string>
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

export interface UserTable {
  id: string
  /** Lower-case. */
  email: string
  name: string
  role: string
  /** scrypt, with its parameters (see passwords.ts); null until an invited person sets one. */
  passwordHash: string | null
  /** The byline this staff member writes under. */
  personId: string | null
  /** Base32 TOTP secret once a second factor is turned on. */
  totpSecret: string | null
  suspended: Generated<number>
  createdAt: string
  updatedAt: string
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database holds no usable session. */
  tokenHash: string
  userId: string
  csrfToken: string
  /** 1 while a password was given but the authenticator code not yet. */
  secondFactorPending: Generated<number>
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  address: Generated<string>
  userAgent: Generated<string>
}

export interface StaffTokenTable {
  tokenHash: string
  /** 'setup' (the first administrator), 'invite' or 'reset'. */
  purpose: string
  userId: string | null
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

export interface SignInFailureTable {
  id: Generated<number>
  /** 'account:EMAIL' or 'address:IP'. */
  scope: string
  failedAt: string
}

/** A key to the Content API. The secret itself is never stored, only its SHA-256. */
export interface ApiKeyTable {
  id: string
  name: string
  /** 'content' (read-only, public content), or an integration's 'read' or 'write' key for /api/v1/. */
  kind: Generated<string>
  /** The first characters of the secret, to tell keys apart in lists. */
  keyPrefix: string
  /** SHA-256 of the secret, lowercase hex: what a request's key is looked up by. */
  keyHash: string
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
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

/** An old slug of a section or tag, and the term it now belongs to (exactly one of the two ids). */
export interface TermRedirectTable {
  /** 'section' or 'tag'. */
  kind: string
  oldSlug: string
  sectionId: string | null
  tagId: string | null
  createdAt: string
}

/** A receiver of signed event notifications. */
export interface WebhookTable {
  id: string
  /** http or https only. */
  url: string
  /** A JSON list of event names, or '*' for all. */
  events: string
  /** Kept as it is (not hashed): deliveries are signed with it. */
  secret: string
  /** 1 or 0. */
  enabled: Generated<number>
  /** Why it was disabled (a 410 from the receiver, an administrator). */
  disabledReason: Generated<string>
  createdAt: string
}

/** The outbox: one delivery of one event to one webhook; the id is the delivery id. */
export interface WebhookEventTable {
  id: string
  webhookId: string
  event: string
  /** The JSON body sent, as sent. */
  payload: string
  createdAt: string
  attempts: Generated<number>
  nextAttemptAt: string
  /** 'pending', 'delivered', 'failed' (gave up) or 'disabled' (its webhook was). */
  status: Generated<string>
  lastStatusCode: Generated<number | null>
  lastError: Generated<string>
  lastAttemptAt: Generated<string | null>
  deliveredAt: Generated<string | null>
  /** A worker holds the row until then while delivering it. */
  lockedUntil: Generated<string | null>
}
