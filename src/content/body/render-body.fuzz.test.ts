import fc from 'fast-check'
import type { Element, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, it } from 'vitest'
import { anyText, fuzzParams, htmlish } from '../../../test/support/fuzz.js'
import { embedForFrame, EMBED_SANDBOX } from './embed-providers.js'
import { paragraphsToHtml, renderBody } from './render-body.js'

const parse = unified().use(rehypeParse, { fragment: true })
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'cite']

/** An allow-listed embed's frame exactly as the sanitiser builds it: its normalised address, sandboxed, no srcdoc. */
function isEmbedFrame(el: Element): boolean {
  const src = el.properties.src
  return el.tagName === 'iframe' && typeof src === 'string' && embedForFrame(src)?.src === src && el.properties.srcDoc === undefined
    && JSON.stringify(el.properties.sandbox) === JSON.stringify(EMBED_SANDBOX) && el.children.length === 0
}

/** What in sanitised HTML could run, read the way a browser parses it; empty when nothing. */
function runnable(html: string): string[] {
  const found: string[] = []
  visit(parse.parse(html) as Root, 'element', (el: Element) => {
    if (!isEmbedFrame(el) && ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'base', 'meta', 'link'].includes(el.tagName)) found.push(`<${el.tagName}>`)
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(`${el.tagName} ${name}`)
      const text = (Array.isArray(value) ? value.join(' ') : String(value)).replace(/[\u0000-\u0020]/g, '').toLowerCase()
      if (URL_PROPERTIES.includes(name) && /^(javascript|vbscript|data):/.test(text)) found.push(`${el.tagName} ${name}=${text}`)
      if (name === 'style') found.push(`${el.tagName} style`)
    }
  })
  return found
}

describe('the sanitiser, on arbitrary HTML-ish input', () => {
  for (const format of ['html', 'markdown'] as const) {
    it(`${format}: leaves nothing that can run, and its output passes through it unchanged`, () => {
      fc.assert(fc.property(htmlish, (source) => {
        const { html } = renderBody(format, source)
        const left = runnable(html)
        if (left.length) throw new Error(`runnable after sanitising: ${left.join(', ')}\n${html}`)
        const again = renderBody('html', html).html
        if (again !== html) throw new Error(`not stable:\n${html}\n${again}`)
      }), fuzzParams())
    })
  }

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyText, fc.constantFrom('html', 'markdown') as fc.Arbitrary<'html' | 'markdown'>, (source, format) => {
      renderBody(format, source)
    }), fuzzParams())
  })

  it('plain text made into paragraphs comes out as text only', () => {
    fc.assert(fc.property(fc.array(anyText, { maxLength: 5 }), (paragraphs) => {
      const html = paragraphsToHtml(paragraphs)
      return html.replace(/<\/?p>/g, '').includes('<') === false
    }), fuzzParams())
  })
})
