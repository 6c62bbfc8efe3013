import { describe, expect, it } from 'vitest'
import { wpautop } from './wpautop.js'

describe('wpautop', () => {
  it('wraps blank-line-separated blocks in paragraphs and turns single newlines into line breaks', () => {
    expect(wpautop('One\ntwo\n\nThree')).toBe('<p>One<br />\ntwo</p>\n<p>Three</p>\n')
  })
  it('treats several blank lines, and Windows line ends, as one paragraph break', () => {
    expect(wpautop('A\r\n\r\n\r\n\r\nB')).toBe('<p>A</p>\n<p>B</p>\n')
  })
  it('does not wrap block-level elements', () => {
    expect(wpautop('<h2>Title</h2>\nText under it.\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>'))
      .toBe('<h2>Title</h2>\n<p>Text under it.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n')
  })
  it('keeps <pre> exactly as written', () => {
    const pre = '<pre>line 1\n\nline 3\n  indented</pre>'
    expect(wpautop(`Before\n\n${pre}\n\nAfter`)).toBe(`<p>Before</p>\n${pre}\n<p>After</p>\n`)
  })
  it('puts paragraphs inside a blockquote rather than around it', () => {
    expect(wpautop('<blockquote>Quoted\n\nTwice</blockquote>')).toBe('<blockquote><p>Quoted</p>\n<p>Twice</p></blockquote>\n')
  })
  it('does not break lines inside a tag', () => {
    expect(wpautop('<a\nhref="x">link</a> text')).toBe('<p><a\nhref="x">link</a> text</p>\n')
  })
  it('leaves figures and their captions whole', () => {
    expect(wpautop('<figure><img src="a.jpg">\n<figcaption>Cap</figcaption></figure>\n\nNext'))
      .toBe('<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>\n<p>Next</p>\n')
  })
  it('gives nothing for blank input', () => {
    expect(wpautop(' \n\n ')).toBe('')
  })
})
