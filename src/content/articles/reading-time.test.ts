import { describe, expect, it } from 'vitest'
import { countWords, pictureSeconds, readingMinutes } from './reading-time.js'

describe('countWords', () => {
  it('counts whitespace-separated words and ignores punctuation-only tokens', () => {
    expect(countWords('The harbour — calm, for once.')).toBe(5)
    expect(countWords('')).toBe(0)
    expect(countWords('   \n\t ')).toBe(0)
  })
  it('counts each CJK character as a word, alongside Latin words', () => {
    expect(countWords('北朝鮮の兵士')).toBe(6)
    expect(countWords('서울 시장')).toBe(4)
    expect(countWords('Seoul 서울 said')).toBe(4)
  })
})

describe('pictureSeconds', () => {
  it('gives 12 s to the first picture and one second less to each next, never under 3 s', () => {
    expect(pictureSeconds(0)).toBe(0)
    expect(pictureSeconds(1)).toBe(12)
    expect(pictureSeconds(2)).toBe(23)
    expect(pictureSeconds(10)).toBe(12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3)
    expect(pictureSeconds(12)).toBe(pictureSeconds(10) + 3 + 3)
  })
})

describe('readingMinutes', () => {
  it('never goes below one minute, even with no words', () => {
    expect(readingMinutes({ words: 0, pictures: 0 })).toBe(1)
  })
  it('rounds one picture alone (12 s) up to the one-minute floor', () => {
    expect(readingMinutes({ words: 0, pictures: 1 })).toBe(1)
  })
  it('rounds to the nearest minute at 275 words a minute', () => {
    expect(readingMinutes({ words: 275 * 2, pictures: 0 })).toBe(2)
    // 2.49 minutes rounds down, 2.5 rounds up
    expect(readingMinutes({ words: Math.floor(275 * 2.49), pictures: 0 })).toBe(2)
    expect(readingMinutes({ words: 275 * 2.5, pictures: 0 })).toBe(3)
  })
  it('adds picture time: ten pictures are 75 s', () => {
    expect(pictureSeconds(10)).toBe(75)
    expect(readingMinutes({ words: 0, pictures: 10 })).toBe(1) // 1.25 min
    // 1.3 minutes of words + 75 s = 2.55 min → 3
    expect(readingMinutes({ words: Math.round(275 * 1.3), pictures: 10 })).toBe(3)
  })
  it('reads CJK text at one character a word', () => {
    const text = '港'.repeat(275 * 3)
    expect(readingMinutes({ words: countWords(text), pictures: 0 })).toBe(3)
  })
})
