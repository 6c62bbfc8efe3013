import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { hastToDoc } from './hast-to-doc.js'
import { renderBody } from './render-body.js'

const tree = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html) as Root
const fromMarkdown = (markdown: string) => hastToDoc(tree(renderBody('markdown', markdown).html))
const text = (value: string, ...marks: string[]) => (marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value })

describe('hastToDoc', () => {
  it('turns paragraphs, headings, marks, links, lists, quotes and rules into the editor’s nodes', () => {
    const doc = fromMarkdown('# Top\n\nSome *soft*\n**bold** [link](https://news.test/a "A") `code`\n\n- one\n- two\n\n3. three\n\n> quoted\n\n---')
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Top')] },
        {
          type: 'paragraph',
          content: [
            text('Some '), text('soft', 'italic'), text(' '), text('bold', 'bold'), text(' '),
            { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://news.test/a', title: 'A' } }] },
            text(' '), text('code', 'code'),
          ],
        },
        { type: 'bulletList', content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('two')] }] },
        ] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('three')] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('quoted')] }] },
        { type: 'horizontalRule' },
      ],
    })
  })

  it('makes a picture alone in its paragraph, or in a figure with a caption, a block picture', () => {
    expect(fromMarkdown('![The quay](/media/q.jpg)')?.content).toEqual([
      { type: 'image', attrs: { src: '/media/q.jpg', alt: 'The quay', title: null, width: null, height: null, caption: null } },
    ])
    expect(hastToDoc(tree('<figure><img src="/media/q.jpg" alt="Q"><figcaption> At dawn </figcaption></figure>'))?.content).toEqual([
      { type: 'image', attrs: { src: '/media/q.jpg', alt: 'Q', title: null, width: null, height: null, caption: 'At dawn' } },
    ])
  })

  it('gives up on what the editor cannot hold, rather than lose it', () => {
    expect(fromMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBeUndefined()
    expect(fromMarkdown('```\ncode block\n```')).toBeUndefined()
    expect(fromMarkdown('~~struck~~')).toBeUndefined()
    expect(fromMarkdown('Text beside ![a picture](/p.jpg)')).toBeUndefined()
  })
})
