import type { ArticleKind, ArticleStatus } from '../content/articles/article.js'
import type { ImportProblem } from './import-problem.js'

/** A picture an archive brings: kept at its original address, or bytes to store here. */
export interface ImportPicture {
  /** The picture's address in the old site; it is referred to there, not downloaded. */
  remoteUrl?: string
  /** Bytes to store, made only when needed (a re-import reuses the stored picture). */
  bytes?: () => Promise<Buffer>
  alt: string
  caption?: string
  credit?: string
  width?: number
  height?: number
}

export interface ImportTerm {
  name: string
  slug?: string
  description?: string
}

/**
 * One article as every importer hands it over, whatever the format it came from. The
 * `sourceKey` makes imports idempotent: importing the same record again updates its article.
 */
export interface ImportRecord {
  sourceKey: string
  /** Where the record is in its file, for messages: `post 42 "Hello world"`. */
  location: string
  kind: ArticleKind
  headline: string
  dek?: string
  slug?: string
  bodyHtml: string
  status: ArticleStatus
  publishedAt?: Date | null
  createdAt?: Date
  updatedAt?: Date
  language?: string
  canonicalUrl?: string | null
  section?: ImportTerm | null
  tags?: ImportTerm[]
  authors?: { name: string; slug?: string; bio?: string }[]
  hero?: ImportPicture | null
  /** Old paths of this article (with the query where it matters, e.g. `/?p=12`) that should lead to it. */
  redirectsFrom?: string[]
  /**
   * False for text from outside the newsroom (a page saved from the web): its links to other
   * hosts get `rel="nofollow ugc"`. An archive of the newsroom's own site leaves it out (trusted).
   */
  trustedLinks?: boolean
}

/**
 * What a parser yields: a record, or a problem with one record (skippable with --skip-invalid),
 * or a fatal problem with the file itself (a truncated file, broken JSON), which always stops.
 */
export type SourceItem =
  | { record: ImportRecord }
  | { problem: ImportProblem; fatal?: boolean }

/** An opened file: its records, streamed, and notes for the summary once they are read. */
export interface ImportSource {
  format: string
  items: AsyncIterable<SourceItem>
  /** Known after `items` is exhausted, e.g. `32 comments counted and skipped`. */
  notes(): string[]
  /** The share of the file read so far, 0 to 1, where the parser can tell. */
  fraction?(): number
}
