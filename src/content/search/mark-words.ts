import { MARK_CLOSE, MARK_OPEN } from './highlight-parts.js'

const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** Lower case without accents: how the search index compares words (café = cafe). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * Marks the words of `text` that begin with one of `terms` (case and accents ignored), as the
 * search matched them, and, past `maxWords` words, cuts it to the passage around the first match.
 * PostgreSQL's ts_headline cannot do this for us: its parser swallows `<tag>`-like text whole.
 * @example markWords('Le café crème', ['creme'], 24) // 'Le café \uE000crème\uE001'
 */
export function markWords(text: string, terms: string[], maxWords: number): string {
  const folded = terms.map(fold)
  const words = [...text.matchAll(WORD)].map((m) => ({ at: m.index, end: m.index + m[0].length, hit: folded.some((t) => fold(m[0]).startsWith(t)) }))
  let from = 0
  let to = words.length
  if (words.length > maxWords) {
    const first = Math.max(0, words.findIndex((w) => w.hit))
    from = Math.max(0, Math.min(first - Math.floor(maxWords / 4), words.length - maxWords))
    to = from + maxWords
  }
  const start = from === 0 ? 0 : words[from]!.at
  const end = to === words.length ? text.length : words[to - 1]!.end
  let out = from === 0 ? '' : '…'
  let at = start
  for (const word of words.slice(from, to)) {
    if (!word.hit) continue
    out += text.slice(at, word.at) + MARK_OPEN + text.slice(word.at, word.end) + MARK_CLOSE
    at = word.end
  }
  return out + text.slice(at, end) + (to === words.length ? '' : '…')
}
