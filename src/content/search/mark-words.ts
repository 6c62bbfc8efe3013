import { MARK_CLOSE, MARK_OPEN } from './highlight-parts.js'

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const NOT_ASCII = /[^\x00-\x7f]/

/** Lower case without accents: how the search index compares words (café = cafe). */
const fold = (text: string) => (!NOT_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())

/**
 * Marks the words of `text` that begin with one of `terms` (case and accents ignored), as the
 * search matched them, and, past `maxWords` words, cuts it to the passage around the first match.
 * Done here rather than by the database: PostgreSQL's ts_headline swallows `<tag>`-like text whole,
 * and FTS5's highlight() reads the whole list of matches again for each article it marks.
 * @example markWords('Le café crème', ['creme'], 24) // 'Le café \uE000crème\uE001'
 */
export function markWords(text: string, terms: string[], maxWords: number): string {
  const folded = terms.map(fold)
  if (NOT_ASCII.test(text)) {
    const hit = (start: number, end: number) => startsWithAny(fold(text.slice(start, end)), folded)
    return markPassage(text, wordBounds(text), { fromStart: true, toEnd: true, hit, maxWords })!
  }
  // ASCII text folds to its lower case letter for letter: the matches are found by string search.
  const starts = asciiHitStarts(text.toLowerCase(), folded)
  const hit = (start: number) => starts.has(start)
  if (Number.isFinite(maxWords) && text.length > maxWords * CHARS_PER_WORD) {
    // A long body: only the words around the first match are looked at, if they are enough.
    const first = starts.size > 0 ? Math.min(...starts) : 0
    const from = asciiWordEdge(text, Math.max(0, first - maxWords * CHARS_PER_WORD), -1)
    const to = asciiWordEdge(text, Math.min(text.length, first + maxWords * CHARS_PER_WORD), 1)
    const passage = markPassage(text, asciiWordBounds(text, from, to), { fromStart: from === 0, toEnd: to === text.length, hit, maxWords })
    if (passage !== undefined) return passage
  }
  return markPassage(text, asciiWordBounds(text, 0, text.length), { fromStart: true, toEnd: true, hit, maxWords })!
}

/** Characters looked at per word wanted around a match before all of a long text is (rarely needed). */
const CHARS_PER_WORD = 16

/**
 * Marks the hits among the words at `bounds` and cuts to `maxWords` of them around the first hit.
 * `fromStart` and `toEnd` say whether the bounds begin at the text's first word and end at its last:
 * when they do not, and the passage would reach their first or last word, what lies beyond is
 * unknown: undefined.
 */
function markPassage(
  text: string, bounds: number[], { fromStart, toEnd, hit, maxWords }: { fromStart: boolean; toEnd: boolean; hit: (start: number, end: number) => boolean; maxWords: number },
): string | undefined {
  const count = bounds.length / 2
  const isHit = (i: number) => hit(bounds[2 * i]!, bounds[2 * i + 1]!)
  let from = 0
  let to = count
  if (count > maxWords) {
    let first = 0
    while (first < count && !isHit(first)) first++
    if (first === count) first = 0
    from = Math.max(0, Math.min(first - Math.floor(maxWords / 4), count - maxWords))
    to = from + maxWords
  }
  if ((!fromStart && from === 0) || (!toEnd && to === count)) return undefined
  const atStart = from === 0
  const atEnd = to === count
  const start = atStart ? 0 : bounds[2 * from]!
  const end = atEnd ? text.length : bounds[2 * to - 1]!
  let out = atStart ? '' : '…'
  let at = start
  for (let i = from; i < to; i++) {
    if (!isHit(i)) continue
    const [wordStart, wordEnd] = [bounds[2 * i]!, bounds[2 * i + 1]!]
    out += text.slice(at, wordStart) + MARK_OPEN + text.slice(wordStart, wordEnd) + MARK_CLOSE
    at = wordEnd
  }
  return out + text.slice(at, end) + (atEnd ? '' : '…')
}

/** `at`, moved back (`-1`) or on (`1`) to the nearest place that is not inside a word. */
function asciiWordEdge(text: string, at: number, step: -1 | 1): number {
  while (at > 0 && at < text.length && isAsciiWordCode(text.charCodeAt(at - 1)) && isAsciiWordCode(text.charCodeAt(at))) at += step
  return at
}

/** Where each word of `text` starts and ends, flat: [start0, end0, start1, end1, …]. */
function wordBounds(text: string): number[] {
  const bounds: number[] = []
  for (const m of text.matchAll(WORD)) bounds.push(m.index, m.index + m[0].length)
  return bounds
}

/** Where a word of lower-cased ASCII text begins with one of the terms, found by string search. */
function asciiHitStarts(lower: string, terms: string[]): Set<number> {
  const starts = new Set<number>()
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (at === 0 || !isAsciiWordCode(lower.charCodeAt(at - 1))) starts.add(at)
    }
  }
  return starts
}

/** The same for ASCII text from `from` to `to` (not inside words), where the words are runs of letters and digits. */
function asciiWordBounds(text: string, from: number, to: number): number[] {
  const bounds: number[] = []
  let inWord = false
  for (let i = from; i < to; i++) {
    const word = isAsciiWordCode(text.charCodeAt(i))
    if (word !== inWord) {
      bounds.push(i)
      inWord = word
    }
  }
  if (inWord) bounds.push(to)
  return bounds
}

const startsWithAny = (word: string, prefixes: string[]) => prefixes.some((p) => word.startsWith(p))

/**
 * Marks every occurrence of the terms in `text` (case folded), and cuts a body down to a passage
 * around the first one: the highlight of a substring match (CJK text found through trigrams).
 * @example markSubstrings('회의가 열렸다', ['회의가'], 64) // '\uE000회의가\uE001 열렸다'
 */
export function markSubstrings(text: string, terms: string[], maxChars: number): string {
  const lower = text.toLowerCase()
  const ranges: [number, number][] = []
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1 && term.length > 0; at = lower.indexOf(term, at + term.length)) ranges.push([at, at + term.length])
  }
  ranges.sort((x, y) => x[0] - y[0])
  const first = ranges[0]?.[0] ?? 0
  const start = text.length > maxChars ? Math.max(0, first - Math.floor(maxChars / 3)) : 0
  const end = Math.min(text.length, start + maxChars)
  let out = start > 0 ? '…' : ''
  let at = start
  for (const [from, to] of ranges) {
    if (from < at || to > end) continue
    out += text.slice(at, from) + MARK_OPEN + text.slice(from, to) + MARK_CLOSE
    at = to
  }
  return out + text.slice(at, end) + (end < text.length ? '…' : '')
}

/** A letter or digit, for a code below 128. */
function isAsciiWordCode(c: number): boolean {
  const letter = c | 0x20 // A–Z onto a–z
  return (letter >= 0x61 && letter <= 0x7a) || (c >= 0x30 && c <= 0x39)
}
