import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'

const parseHtml = unified().use(rehypeParse, { fragment: true })

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'hr'])
/** Blocks whose whitespace-only text between children is not seen. */
const CONTAINERS = new Set(['ul', 'ol', 'blockquote', 'figure'])
/** Blocks of text, whose leading and trailing spaces are not seen. */
const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'figcaption'])
const HEADING_AS: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' }

type Canonical = string | { tag: string; attrs: Record<string, unknown>; children: Canonical[] }

/**
 * Whether two pieces of body HTML read the same: the same words, marks, links and pictures in
 * the same blocks, where whitespace is only as a browser shows it. Differences the `doc` format
 * makes on purpose do not count: body headings 1 and 5–6 are 2 and 4, a list item's lone
 * paragraph is its text (a tight list), and a picture alone in a paragraph is the picture.
 * @example sameReading('<p>a\n<em>b</em></p>', '<p>a <em>b</em></p>') // true
 */
export function sameReading(a: string, b: string): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(html: string): Canonical[] {
  return children((parseHtml.parse(html) as Root).children, true)
}

function children(nodes: (RootContent | ElementContent)[], blockParent: boolean): Canonical[] {
  const out: Canonical[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.value.replace(/\s+/g, ' ')
      if (blockParent && text.trim() === '') continue
      const previous = out.at(-1)
      if (typeof previous === 'string') out[out.length - 1] = (previous + text).replace(/ {2,}/g, ' ')
      else out.push(text)
    } else if (node.type === 'element') {
      out.push(...element(node))
    }
  }
  if (blockParent || out.some((c) => typeof c !== 'string' && BLOCKS.has(c.tag))) trimEnds(out)
  return out
}

function element(el: Element): Canonical[] {
  const tag = HEADING_AS[el.tagName] ?? el.tagName
  const significant = el.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  const only = significant.length === 1 ? significant[0] : undefined
  if (tag === 'p' && only?.type === 'element' && only.tagName === 'img') return element(only)
  if (tag === 'li') {
    const paragraphs = significant.filter((c) => c.type === 'element' && c.tagName === 'p')
    const restAreLists = significant.every((c) => c.type === 'element' && ['p', 'ul', 'ol'].includes(c.tagName))
    if (paragraphs.length === 1 && restAreLists) {
      const flattened = significant.flatMap((c) => (c === paragraphs[0] ? (c as Element).children : [c]))
      return [{ tag, attrs: {}, children: children(flattened, true) }]
    }
  }
  const holdsBlocks = el.children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName))
  const kids = children(el.children, CONTAINERS.has(tag) || holdsBlocks)
  if (TEXT_BLOCKS.has(tag)) trimEnds(kids)
  return [{ tag, attrs: { ...el.properties }, children: kids }]
}

/** Spaces at the start and end of a block are not seen. */
function trimEnds(out: Canonical[]): void {
  if (typeof out[0] === 'string') out[0] = out[0].trimStart()
  const last = out.length - 1
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd()
  for (let i = out.length - 1; i >= 0; i--) if (out[i] === '') out.splice(i, 1)
}
