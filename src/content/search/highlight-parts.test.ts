import { describe, expect, it } from 'vitest'
import { hasHighlight, MARK_CLOSE as C, MARK_OPEN as O, plainText, toHighlightParts } from './highlight-parts.js'

describe('toHighlightParts', () => {
  it('splits marked text into plain and highlighted runs', () => {
    expect(toHighlightParts(`a ${O}cat${C} sat on ${O}mats${C}`)).toEqual([
      { text: 'a ', mark: false }, { text: 'cat', mark: true }, { text: ' sat on ', mark: false }, { text: 'mats', mark: true },
    ])
  })
  it('never unbalances: stray or repeated markers only switch highlighting on or off', () => {
    const parts = toHighlightParts(`${C}x${O}${O}y${C}${C}z${O}`)
    expect(parts).toEqual([{ text: 'x', mark: false }, { text: 'y', mark: true }, { text: 'z', mark: false }])
    expect(plainText(parts)).toBe('xyz')
  })
  it('keeps markup characters as text', () => {
    const parts = toHighlightParts(`<${O}script${C}>`)
    expect(plainText(parts)).toBe('<script>')
    expect(hasHighlight(parts)).toBe(true)
    expect(hasHighlight(toHighlightParts('plain'))).toBe(false)
  })
})
