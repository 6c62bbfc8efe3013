import { describe, expect, it } from 'vitest'
import { MARK_CLOSE as C, MARK_OPEN as O } from './highlight-parts.js'
import { markWords } from './mark-words.js'

/** The passage rule said plainly: every word looked at, `maxWords` of them from a quarter before the first hit. */
function reference(text: string, terms: string[], maxWords: number): string {
  const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ at: m.index, end: m.index + m[0].length, hit: terms.some((t) => fold(m[0]).startsWith(fold(t))) }))
  let [from, to] = [0, words.length]
  if (words.length > maxWords) {
    from = Math.max(0, Math.min(Math.max(0, words.findIndex((w) => w.hit)) - Math.floor(maxWords / 4), words.length - maxWords))
    to = from + maxWords
  }
  let out = from === 0 ? '' : '…'
  let at = from === 0 ? 0 : words[from]!.at
  for (const w of words.slice(from, to).filter((w) => w.hit)) {
    out += text.slice(at, w.at) + O + text.slice(w.at, w.end) + C
    at = w.end
  }
  return out + text.slice(at, to === words.length ? text.length : words[to - 1]!.end) + (to === words.length ? '' : '…')
}

describe('markWords', () => {
  it('marks words beginning with a term, case and accents ignored, as written', () => {
    expect(markWords('Le café crème, CAFÉS', ['cafe'], Infinity)).toBe(`Le ${O}café${C} crème, ${O}CAFÉS${C}`)
    expect(markWords('Ferry strike: ferryman2 ferry-men', ['ferry'], Infinity)).toBe(`${O}Ferry${C} strike: ${O}ferryman2${C} ${O}ferry${C}-men`)
  })

  it('cuts long text to the passage around the first match, as the plain rule does, wherever the match is', () => {
    const filler = (n: number, long = false) => Array.from({ length: n }, (_, i) => (long && i % 3 === 0 ? 'extraordinarily-long-hyphenated-word' : `w${i}`)).join(' ')
    const texts = [
      `lighthouse ${filler(300)}`, `${filler(3)} lighthouse ${filler(300)}`, `${filler(150)} Lighthouse, ${filler(150)}`,
      `${filler(300)} lighthouse`, `${filler(296)} lighthouse ${filler(3)}`, filler(300), `${filler(100, true)} lighthouses ${filler(100, true)}`,
      `${filler(20)} lighthouse ${filler(2)}`, `«${filler(200)}» lighthouse — ${filler(10)} café`,
    ]
    for (const text of texts) {
      for (const maxWords of [24, 5, 1000]) {
        expect(markWords(text, ['lighthouse', 'w7'], maxWords), `${text.slice(0, 40)}… at ${maxWords}`).toBe(reference(text, ['lighthouse', 'w7'], maxWords))
        expect(markWords(text, ['lighthouse'], maxWords)).toBe(reference(text, ['lighthouse'], maxWords))
      }
    }
  })
})
