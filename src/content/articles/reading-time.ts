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
  // Every one of those scripts lies at U+1100 or above: text below it (most text) skips the CJK passes.
  const cjk = BEYOND_U10FF.test(text) ? text.match(CJK)?.length ?? 0 : 0
  const rest = (cjk ? text.replace(CJK, ' ') : text).split(/\s+/).filter((w) => WORD.test(w)).length
  return cjk + rest
}

const BEYOND_U10FF = /[^\u0000-\u10ff]/

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
