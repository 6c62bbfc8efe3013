import { describe, expect, it } from 'vitest'
import { SLUG_RE, slugify, uniqueSlug } from './slug.js'

describe('slugify', () => {
  it('makes lowercase hyphenated slugs from headlines', () => {
    expect(slugify('Captured North Korean Soldiers in Ukraine Show Unwavering Loyalty Despite Capture'))
      .toBe('captured-north-korean-soldiers-in-ukraine-show-unwavering-loyalty-despite-capture')
    expect(slugify('Zürich’s “new” tram — 2026!')).toBe('zurichs-new-tram-2026')
  })
  it('keeps letters of non-Latin scripts', () => {
    expect(slugify('Москва: новый мост')).toBe('москва-новый-мост')
    expect(slugify('서울 시장 선거')).toBe('서울-시장-선거')
  })
  it('falls back to "article" when nothing usable is left', () => {
    expect(slugify('!!! — ???')).toBe('article')
  })
  it('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40))
    expect([...slug].length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug).toMatch(SLUG_RE)
  })
})

describe('uniqueSlug', () => {
  it('skips reserved and taken slugs', async () => {
    const taken = new Set(['budget', 'budget-2'])
    expect(await uniqueSlug('budget', async (s) => taken.has(s))).toBe('budget-3')
    expect(await uniqueSlug('tag', async () => false)).toBe('tag-2')
  })
})
