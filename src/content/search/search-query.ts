import { err, ok, type Result } from '../../core/result.js'

/** Longer input is cut here (in characters), before it is split into terms. */
export const MAX_QUERY_LENGTH = 200
/** Terms past this many are dropped: each one is another condition on every match. */
export const MAX_TERMS = 8

/** A reader's query, turned into FTS5 MATCH expressions that contain no operator of the reader's. */
export interface SearchQuery {
  /** The words searched for, lowercased, at most MAX_TERMS. */
  terms: string[]
  /** For the unicode61 table: every term as a quoted prefix, all required. */
  words: string
  /**
   * For the trigram table: every term as a quoted substring, all required; only when a term is
   * in a script written without spaces between words or particles (Hangul, Han, kana) and every
   * term is long enough for trigrams (3 characters). Otherwise null.
   */
  substrings: string | null
}

export type SearchQueryError = 'empty' | 'no-words'

const TERM = /[\p{L}\p{N}\p{M}]+/gu
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * Parses what a reader typed. Only runs of letters, digits and marks survive, each is quoted as
 * an FTS5 string, so `"`, `*`, `NEAR(`, `OR`, `-`, `^` and `:` are never syntax.
 * @example parseSearchQuery('Ferry "strike" OR') // ok({ terms: ['ferry', 'strike', 'or'], words: '"ferry"* AND "strike"* AND "or"*', substrings: null })
 */
export function parseSearchQuery(input: string): Result<SearchQuery, SearchQueryError> {
  const text = [...input.normalize('NFKC')].slice(0, MAX_QUERY_LENGTH).join('')
  if (text.trim() === '') return err('empty')
  const terms = [...new Set((text.toLowerCase().match(TERM) ?? []))].slice(0, MAX_TERMS)
  if (terms.length === 0) return err('no-words')
  const useTrigrams = terms.some((t) => CJK.test(t)) && terms.every((t) => [...t].length >= 3)
  return ok({
    terms,
    words: terms.map((t) => `${quote(t)}*`).join(' AND '),
    substrings: useTrigrams ? terms.map(quote).join(' AND ') : null,
  })
}

/** An FTS5 string: double quotes, inner ones doubled. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`
