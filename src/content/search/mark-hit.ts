import { markSubstrings, markWords } from './mark-words.js'

/** Words of body shown around the first match; characters, for substring (CJK) matches. */
const SNIPPET_WORDS = 24
const SNIPPET_CHARS = 128

/**
 * A hit's headline with its matches marked, and its snippet: the passage of the body around the
 * first match, else the dek if it matched, else whatever there is. `words` marks words beginning
 * with a term (as the word index matched them), `substrings` every occurrence of a term.
 * @example markHit({ headline: 'Ferry strike', dek: '', body: 'The ferry…' }, ['ferry'], 'words').headline // '\uE000Ferry\uE001 strike'
 */
export function markHit(text: { headline: string; dek: string; body: string }, terms: string[], how: 'words' | 'substrings'): { headline: string; snippet: string } {
  if (how === 'words') {
    return {
      headline: markWords(text.headline, terms, Infinity),
      snippet: pickSnippet(markWords(text.dek, terms, Infinity), markWords(text.body, terms, SNIPPET_WORDS)),
    }
  }
  return {
    headline: markSubstrings(text.headline, terms, text.headline.length),
    snippet: pickSnippet(markSubstrings(text.dek, terms, text.dek.length), markSubstrings(text.body, terms, SNIPPET_CHARS)),
  }
}

/** Some text highlighted: an opening marker with text after it (as toHighlightParts reads them). */
const MARKED = /\uE000[^\uE000\uE001]/

/** The body passage if the body matched; else the dek if it matched; else whatever there is. */
function pickSnippet(dek: string, body: string): string {
  if (MARKED.test(body)) return body
  if (MARKED.test(dek)) return dek
  return body || dek
}
