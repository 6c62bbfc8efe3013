import { describe, expect, it } from 'vitest'
import { sameReading } from './same-reading.js'

describe('sameReading', () => {
  it('ignores whitespace a browser does not show', () => {
    expect(sameReading('<p>a\n<em>b</em>  c</p>\n\n<p>d</p>', '<p>a <em>b</em> c</p><p>d</p>')).toBe(true)
    expect(sameReading('<p> lead</p>', '<p>lead</p>')).toBe(true)
  })

  it('sees changed words, marks, links and blocks', () => {
    expect(sameReading('<p>a <em>b</em></p>', '<p>a b</p>')).toBe(false)
    expect(sameReading('<p>a <em>b</em></p>', '<p>a<em>b</em></p>')).toBe(false)
    expect(sameReading('<p><a href="https://x.test/">x</a></p>', '<p><a href="https://y.test/">x</a></p>')).toBe(false)
    expect(sameReading('<p>a</p><p>b</p>', '<p>a b</p>')).toBe(false)
    expect(sameReading('<ul><li>a</li></ul>', '<ol><li>a</li></ol>')).toBe(false)
  })

  it('takes what the doc format does on purpose as the same', () => {
    expect(sameReading('<h1>Top</h1><h6>Low</h6>', '<h2>Top</h2><h4>Low</h4>')).toBe(true)
    expect(sameReading('<ul>\n<li>\n<p>one</p>\n</li>\n</ul>', '<ul><li>one</li></ul>')).toBe(true)
    expect(sameReading('<p><img src="/a.jpg" alt="A"></p>', '<img src="/a.jpg" alt="A">')).toBe(true)
  })
})
