import { describe, expect, it } from 'vitest'
import { excerpt } from './excerpt.js'

describe('excerpt', () => {
  it('gives the text of the body with entities decoded and blocks joined by spaces', () => {
    expect(excerpt('<h2>Tides</h2><p>Fish &#x26; <em>chips</em> &lt;3</p>')).toBe('Tides Fish & chips <3')
  })

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    expect(excerpt('<p>Fish &#x26; chips are back.</p>', 12)).toBe('Fish & chips…')
    expect(excerpt('<p>one, two, three</p>', 10)).toBe('one, two…')
    const long = excerpt(`<p>${'word '.repeat(100)}</p>`)
    expect([...long].length).toBeLessThanOrEqual(201)
    expect(long).toMatch(/word…$/)
  })
})
