import { describe, expect, it } from 'vitest'
import type { DocMark, DocNode } from './body-doc.js'
import { renderBody } from './render-body.js'

const text = (value: string, ...marks: DocMark[]): DocNode => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const render = (...content: DocNode[]) => renderBody('doc', JSON.stringify({ type: 'doc', content }))
const link = (href: string, title?: string): DocMark => ({ type: 'link', attrs: { href, target: '_blank', title: title ?? null } })

describe("renderBody('doc')", () => {
  it('renders paragraphs and headings, a level 1 heading as h2 and deep levels as h4', () => {
    const out = render(
      { type: 'heading', attrs: { level: 1 }, content: [text('Tides')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Neap')] },
      { type: 'heading', attrs: { level: 6 }, content: [text('Deep')] },
      { type: 'heading', content: [text('No level')] },
      para(text('The harbour.')),
    )
    expect(out.html).toBe('<h2>Tides</h2><h3>Neap</h3><h4>Deep</h4><h2>No level</h2><p>The harbour.</p>')
  })

  it('renders bold, italic, code and link marks, one element across neighbouring text', () => {
    const out = render(para(
      text('A '), text('bold', { type: 'bold' }), text(' and '), text('italic', { type: 'italic' }), text(' '),
      text('x = 1', { type: 'code' }), text(' '),
      text('the ', link('https://example.org/quay')), text('new', link('https://example.org/quay'), { type: 'bold' }), text(' quay', link('https://example.org/quay')),
    ))
    expect(out.html).toBe('<p>A <strong>bold</strong> and <em>italic</em> <code>x = 1</code> '
      + '<a href="https://example.org/quay" rel="noopener noreferrer">the <strong>new</strong> quay</a></p>')
  })

  it('keeps http, https, mailto and relative links, with their title', () => {
    const out = render(para(
      text('a', link('http://example.org/')), text('b', link('mailto:desk@example.org')),
      text('c', link('/2026/quay/', 'Earlier story')), text('d', link('#notes')),
    ))
    expect(out.html).toContain('<a href="http://example.org/" rel="noopener noreferrer">a</a>')
    expect(out.html).toContain('<a href="mailto:desk@example.org" rel="noopener noreferrer">b</a>')
    expect(out.html).toContain('<a href="/2026/quay/" title="Earlier story" rel="noopener noreferrer">c</a>')
    expect(out.html).toContain('href="#notes"')
  })

  it('removes javascript:, data: and irc: links but keeps their words', () => {
    const out = render(para(text('click', link('javascript:alert(1)')), text(' '), text('me', link('data:text/html,<script>x</script>')), text(' '), text('chat', link('irc://irc.example.org/news'))))
    expect(out.html).not.toMatch(/javascript:|data:|irc:|href/)
    expect(out.text).toBe('click me chat')
  })

  it('copies only known attributes, so an onerror or style smuggled into attrs never arrives', () => {
    const out = render(
      { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A boat', onerror: 'alert(1)', style: 'x' } },
      { type: 'paragraph', attrs: { onclick: 'alert(1)', class: 'x' }, content: [text('Hi', { type: 'link', attrs: { href: '/a', onmouseover: 'alert(1)' } })] },
      { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'bad' } },
    )
    expect(out.html).not.toMatch(/onerror|onclick|onmouseover|style|class|javascript/)
    expect(out.html).toContain('<img src="/media/a.jpg" alt="A boat"')
    expect(out.html).toContain('<img alt="bad"')
  })

  it('escapes markup in text, so a <script> in the words stays words', () => {
    const out = render(para(text('<script>alert(1)</script> & <img src=x onerror=alert(1)>')))
    expect(out.html).toBe('<p>&#x3C;script>alert(1)&#x3C;/script> &#x26; &#x3C;img src=x onerror=alert(1)></p>')
    expect(out.text).toBe('<script>alert(1)</script> & <img src=x onerror=alert(1)>')
  })

  it('renders bulleted and numbered lists (with their start), quotes, line breaks and rules', () => {
    const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content })
    const out = render(
      { type: 'bulletList', content: [item(para(text('one'))), item(para(text('two')), { type: 'bulletList', content: [item(para(text('two a')))] })] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [item(para(text('third'))), item(para(text('fourth')), para(text('more')))] },
      { type: 'orderedList', attrs: { start: 1 }, content: [item(para(text('first')))] },
      { type: 'blockquote', content: [para(text('Quoted')), para(text('line'), { type: 'hardBreak' }, text('broken'))] },
      { type: 'horizontalRule' },
    )
    expect(out.html).toBe('<ul><li>one</li><li>two<ul><li>two a</li></ul></li></ul>'
      + '<ol start="3"><li>third</li><li><p>fourth</p><p>more</p></li></ol>'
      + '<ol><li>first</li></ol>'
      + '<blockquote><p>Quoted</p><p>line<br>broken</p></blockquote><hr>')
    expect(out.text).toBe('one\n\ntwo\n\ntwo a\n\nthird\n\nfourth\n\nmore\n\nfirst\n\nQuoted\n\nline\n\nbroken')
  })

  it('renders a picture as <img>, or as a <figure> when it has a caption, and counts pictures', () => {
    const out = render(
      { type: 'image', attrs: { src: '/media/a.webp', alt: 'A crane', title: 'Crane', width: 1200, height: 800 } },
      { type: 'image', attrs: { src: 'https://cdn.example.org/b.jpg', alt: 'The quay', caption: 'The quay at dawn.', width: '9e9' } },
      para(text('After.')),
    )
    expect(out.html).toBe('<img src="/media/a.webp" alt="A crane" title="Crane" width="1200" height="800" loading="lazy" decoding="async">'
      + '<figure><img src="https://cdn.example.org/b.jpg" alt="The quay" loading="lazy" decoding="async"><figcaption>The quay at dawn.</figcaption></figure>'
      + '<p>After.</p>')
    expect(out.images).toBe(2)
  })

  it('counts words across blocks and marks', () => {
    const out = render(
      { type: 'heading', attrs: { level: 2 }, content: [text('Three word heading')] },
      para(text('Five '), text('words', { type: 'bold' }), text(' in this one.')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('two more'))] }] },
    )
    expect(out.words).toBe(10)
    expect(out.images).toBe(0)
  })

  it('keeps the words of node types it does not know, as a paragraph', () => {
    const out = render(
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(text('Left'))] }, { type: 'tableCell', content: [para(text('Right'))] }] }] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [text('let x = 1')] },
      para(text('struck', { type: 'strike' }), text(' '), { type: 'mention', attrs: { id: 'x' }, content: [text('@desk')] }),
      { type: 'embed', attrs: { url: 'https://example.org' } },
    )
    expect(out.html).toBe('<p>Left Right</p><p>let x = 1</p><p>struck @desk</p>')
  })

  it('renders a picture inside a paragraph as an inline <img>, never a <figure> in a <p>', () => {
    const out = render(para(text('Before '), { type: 'image', attrs: { src: '/media/i.png', alt: 'icon', caption: 'ignored here' } }, text(' after')))
    expect(out.html).toBe('<p>Before <img src="/media/i.png" alt="icon" loading="lazy" decoding="async"> after</p>')
  })

  it('gathers text lying loose in the document into a paragraph', () => {
    expect(render(text('Loose '), text('words', { type: 'italic' }), para(text('Then a paragraph.'))).html)
      .toBe('<p>Loose <em>words</em></p><p>Then a paragraph.</p>')
  })

  it('renders an empty source as an empty body, and a broken one as empty rather than throwing', () => {
    expect(renderBody('doc', '')).toEqual({ html: '', text: '', words: 0, images: 0 })
    expect(renderBody('doc', '{"type":"doc"')).toEqual({ html: '', text: '', words: 0, images: 0 })
    expect(renderBody('doc', '{"type":"paragraph","content":[{"type":"text","text":"x"}]}').html).toBe('')
  })
})

describe("renderBody('doc'): embeds", () => {
  const YT = 'dQw4w9WgXcQ'
  it('renders an embed node as the sanitiser’s embed figure, with its title, size and caption', () => {
    const out = render({ type: 'embed', attrs: { src: `https://www.youtube.com/embed/${YT}`, title: 'The quay opens', width: 640, height: 360, caption: 'Opening day' } })
    expect(out.html).toBe(`<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/${YT}" title="The quay opens" width="640" height="360" loading="lazy"`
      + ' referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; fullscreen; picture-in-picture" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"></iframe>'
      + '<figcaption>Opening day</figcaption></figure>')
  })

  it('renders nothing for an embed of another address, or none, and takes only the attributes it knows', () => {
    for (const src of ['https://evil.test/frame', 'javascript:alert(1)', `https://youtube.com@evil.test/embed/${YT}`, '', 42, null]) {
      const out = render({ type: 'embed', attrs: { src, title: 'x' } }, para(text('After')))
      expect(out.html, String(src)).not.toContain('<iframe')
    }
    const out = render({ type: 'embed', attrs: { src: `https://youtu.be/${YT}`, srcdoc: '<script>alert(1)</script>', onload: 'alert(1)', sandbox: 'allow-top-navigation', width: '100%' } })
    expect(out.html).not.toMatch(/srcdoc|onload|top-navigation|width=/)
  })
})

