import { describe, expect, it } from 'vitest'
import { isSafeLinkAddress, toLinkAddress } from './link-address.js'

describe('toLinkAddress', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['  HTTP://Example.org ', 'HTTP://Example.org'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['example.org/tides', 'https://example.org/tides'],
    ['localhost:3000/x', 'https://localhost:3000/x'],
    ['desk@example.org', 'mailto:desk@example.org'],
    ['/2026/quay/', '/2026/quay/'],
    ['#notes', '#notes'],
    ['../older/', '../older/'],
  ])('takes %j as %j', (typed, address) => {
    expect(toLinkAddress(typed)).toEqual({ ok: true, value: address })
  })

  it.each([
    ['', /Type the address/],
    ['javascript:alert(1)', /web page .* or an e-mail address/],
    ['JavaScript:alert(1)', /web page/],
    ['data:text/html,x', /web page/],
    ['example .org', /no spaces/],
  ])('refuses %j', (typed, reason) => {
    const result = toLinkAddress(typed)
    expect(!result.ok && result.error).toMatch(reason)
  })
})

describe('isSafeLinkAddress', () => {
  it('allows web, e-mail and relative addresses only', () => {
    expect(['https://a.example', 'http://a.example', 'mailto:x@a.example', '/a', '#b', 'c/d'].every(isSafeLinkAddress)).toBe(true)
    expect(['javascript:alert(1)', 'vbscript:x', 'data:x', 'irc://a.example'].some(isSafeLinkAddress)).toBe(false)
  })
})
