import { describe, expect, it } from 'vitest'
import { toEditableBody } from './editable-body.js'
import { renderBody } from './render-body.js'

describe('toEditableBody', () => {
  it('opens a Markdown body in the editor when it reads the same', () => {
    const markdown = '# Tides\n\nHigh water at *six*,\nlow at **noon**. [Tables](https://news.test/tides).\n\n- one\n- two\n\n> Calm seas.\n\n![The quay](https://news.test/q.jpg)'
    const editable = toEditableBody('markdown', markdown)
    expect(editable.format).toBe('doc')
    const html = renderBody('doc', editable.source).html
    expect(html).toContain('<h2>Tides</h2>')
    expect(html).toContain('<p>High water at <em>six</em>, low at <strong>noon</strong>. <a href="https://news.test/tides" rel="noopener noreferrer">Tables</a>.</p>')
    expect(html).toContain('<blockquote>')
  })

  it('opens an HTML body with a captioned figure in the editor', () => {
    const editable = toEditableBody('html', '<p>Intro</p><figure><img src="https://news.test/a.jpg" alt="A boat"><figcaption>At dawn</figcaption></figure>')
    expect(editable.format).toBe('doc')
    expect(renderBody('doc', editable.source).html).toContain('<figcaption>At dawn</figcaption>')
  })

  it('opens a body with embeds in the editor, as embed nodes that render the same', () => {
    const html = '<p>Intro</p><figure><iframe src="https://player.vimeo.com/video/76979871" title="The quay" width="640" height="360"></iframe><figcaption>At dawn</figcaption></figure>'
    const editable = toEditableBody('html', html)
    expect(editable.format).toBe('doc')
    expect(JSON.parse(editable.source).content[1]).toEqual({
      type: 'embed', attrs: { src: 'https://player.vimeo.com/video/76979871?dnt=1', title: 'The quay', width: 640, height: 360, caption: 'At dawn' },
    })
    expect(renderBody('doc', editable.source).html).toBe(renderBody('html', html).html)
    const markdown = toEditableBody('markdown', 'Watch:\n\nhttps://youtu.be/dQw4w9WgXcQ')
    expect(markdown.format).toBe('doc')
    expect(renderBody('doc', markdown.source).html.replace(/\n/g, '')).toBe(renderBody('markdown', 'Watch:\n\nhttps://youtu.be/dQw4w9WgXcQ').html.replace(/\n/g, ''))
    // A frame inside a line of text has no place in the editor: the body stays as it is.
    const inline = '<p>See <iframe src="https://player.vimeo.com/video/76979871"></iframe> here</p>'
    expect(toEditableBody('html', inline)).toEqual({ format: 'html', source: inline })
  })

  it('leaves a body with parts the editor cannot hold as it is', () => {
    for (const [format, source] of [['markdown', '| a |\n|---|\n| 1 |'], ['markdown', 'Use `x`:\n\n```\ncode\n```'], ['html', '<p>a<sup>2</sup></p>']] as const) {
      expect(toEditableBody(format, source)).toEqual({ format, source })
    }
  })

  it('keeps a doc body as it is', () => {
    expect(toEditableBody('doc', '{"type":"doc","content":[]}')).toEqual({ format: 'doc', source: '{"type":"doc","content":[]}' })
  })
})
