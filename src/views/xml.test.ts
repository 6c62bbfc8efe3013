import { describe, expect, it } from 'vitest'
import { element, escapeXml, textElement, xmlDocument } from './xml.js'

describe('XML helpers', () => {
  it('escape markup characters in text and attributes', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
    expect(textElement('t', '&amp;', { x: '"<&>"' })).toBe('<t x="&quot;&lt;&amp;&gt;&quot;">&amp;amp;</t>')
  })

  it('drop characters XML 1.0 cannot carry, and keep the rest of Unicode', () => {
    expect(escapeXml('a\u0000b\u0007c\u000Bd\uFFFEe\uD800f')).toBe('abcdef')
    expect(escapeXml('tab\tnew\nline 😀 Новый 서울')).toBe('tab\tnew\nline 😀 Новый 서울')
  })

  it('nest elements, leave out undefined attributes and close empty ones', () => {
    const xml = element('a', { x: 1, y: undefined }, [element('b', {}), textElement('c', ']]>')])
    expect(xml).toBe('<a x="1">\n<b/>\n<c>]]&gt;</c>\n</a>')
    expect(xmlDocument(xml)).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<a x="1">/)
  })
})
