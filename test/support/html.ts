import type { Element, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

const parser = unified().use(rehypeParse)

/** What a crawler reads off a page: meta tags, link tags and JSON-LD blocks, parsed properly. */
export function readHead(html: string) {
  const tree = parser.parse(html) as Root
  const metas: { key: string; content: string }[] = []
  const links: Record<string, string>[] = []
  const jsonLd: Record<string, unknown>[] = []
  visit(tree, 'element', (el: Element) => {
    const p = el.properties
    if (el.tagName === 'meta' && (p.property || p.name)) metas.push({ key: String(p.property ?? p.name), content: String(p.content ?? '') })
    if (el.tagName === 'link') links.push(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)])))
    if (el.tagName === 'script' && p.type === 'application/ld+json') {
      const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
      jsonLd.push(JSON.parse(text) as Record<string, unknown>)
    }
  })
  return {
    metas,
    links,
    jsonLd,
    /** The content of the one meta tag with this property or name; throws when there are several. */
    meta(key: string): string | undefined {
      const found = metas.filter((m) => m.key === key)
      if (found.length > 1) throw new Error(`${found.length} meta tags for ${key}`)
      return found[0]?.content
    },
    all: (key: string) => metas.filter((m) => m.key === key).map((m) => m.content),
  }
}
