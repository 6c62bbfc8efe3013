import { describe, expect, it } from 'vitest'
import { paragraphsToHtml, renderBody } from './render-body.js'

describe('renderBody', () => {
  it('renders Markdown with headings, emphasis, lists and quotes', () => {
    const out = renderBody('markdown', '## Tides\n\nThe *harbour* is **calm**.\n\n- one\n- two\n\n> quoted')
    expect(out.html).toContain('<h2>Tides</h2>')
    expect(out.html).toContain('<em>harbour</em>')
    expect(out.html).toContain('<strong>calm</strong>')
    expect(out.html).toContain('<li>one</li>')
    expect(out.html).toContain('<blockquote>')
    expect(out.words).toBe(8)
  })
  it('drops scripts, event handlers and javascript: links from HTML and Markdown alike', () => {
    const html = renderBody('html', '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p><img src=x onerror=alert(1)>')
    expect(html.html).not.toMatch(/script|onclick|onerror|javascript:/i)
    const md = renderBody('markdown', 'Hi <script>alert(1)</script> [x](javascript:alert(1))')
    expect(md.html).not.toMatch(/<script|javascript:/i)
  })
  it('gives links rel="noopener noreferrer" and body pictures lazy loading', () => {
    const out = renderBody('html', '<p><a href="https://example.org/">x</a></p><figure><img src="/media/a.jpg" alt="A boat"><figcaption>Boat</figcaption></figure>')
    expect(out.html).toContain('rel="noopener noreferrer"')
    expect(out.html).toContain('loading="lazy"')
    expect(out.html).toContain('<figcaption>Boat</figcaption>')
    expect(out.images).toBe(1)
  })
  it('returns the visible text with blocks apart', () => {
    expect(renderBody('html', '<p>One two.</p><p>Three.</p>').text).toBe('One two.\n\nThree.')
  })
})

describe('paragraphsToHtml', () => {
  it('escapes markup in plain text', () => {
    expect(paragraphsToHtml(['a < b & c', 'd'])).toBe('<p>a &lt; b &amp; c</p>\n<p>d</p>')
  })
})
