/** Words a reader gets through in a minute. */
export const WORDS_PER_MINUTE = 275

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
const WORD = /[\p{L}\p{N}]/u

/**
 * Counts words the way a reader meets them: whitespace-separated words, except that each
 * Chinese, Japanese or Korean character counts as a word of its own.
 * @example countWords('Port Alder 港口') // 4
 */
export function countWords(text: string): number {
  // ASCII text (most text) is counted in one pass over its characters.
  if (!NOT_ASCII.test(text)) return countAsciiWords(text)
  // Every one of those scripts lies at U+1100 or above: text below it skips the CJK passes.
  const cjk = BEYOND_U10FF.test(text) ? text.match(CJK)?.length ?? 0 : 0
  const rest = (cjk ? text.replace(CJK, ' ') : text).split(/\s+/).filter((w) => WORD.test(w)).length
  return cjk + rest
}

const NOT_ASCII = /[^\u0000-\u007f]/
const BEYOND_U10FF = /[^\u0000-\u10ff]/

/** `text.split(/\s+/).filter((w) => WORD.test(w)).length` for ASCII text: runs of non-space holding a letter or digit. */
function countAsciiWords(text: string): number {
  let words = 0
  let inWord = false
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // The ASCII characters \s matches: tab, line feed, vertical tab, form feed, carriage return, space.
    if (c === 32 || (c >= 9 && c <= 13)) {
      inWord = false
      continue
    }
    if (!inWord) {
      inWord = true
      counted = false
    }
    if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      words++
      counted = true
    }
  }
  return words
}

/**
 * Seconds spent on pictures: 12 s for the first, one second less for each next one,
 * never less than 3 s a picture.
 * @example pictureSeconds(3) // 12 + 11 + 10 = 33
 */
export function pictureSeconds(pictures: number): number {
  let seconds = 0
  for (let i = 0; i < pictures; i++) seconds += Math.max(12 - i, 3)
  return seconds
}

/**
 * Whole minutes to read an article: its words at 275 a minute plus its pictures (the hero
 * picture included), rounded to the nearest minute and never below 1.
 * @example readingMinutes({ words: 550, pictures: 1 }) // 2
 */
export function readingMinutes({ words, pictures }: { words: number; pictures: number }): number {
  const minutes = words / WORDS_PER_MINUTE + pictureSeconds(pictures) / 60
  return Math.max(1, Math.round(minutes))
}
