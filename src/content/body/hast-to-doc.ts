import type { Element, ElementContent, Root, RootContent } from 'hast'

/** A node of the editor's document (see `DocNode` in body-doc.ts; only the shape matters here). */
export interface EditorNode {
  type: string
  attrs?: Record<string, unknown>
  content?: EditorNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

type Mark = NonNullable<EditorNode['marks']>[number]

/** Thrown inside the walk when the body holds something the editor cannot represent. */
class Unrepresentable extends Error {}

const MARKS: Record<string, (el: Element) => Mark> = {
  strong: () => ({ type: 'bold' }),
  b: () => ({ type: 'bold' }),
  em: () => ({ type: 'italic' }),
  i: () => ({ type: 'italic' }),
  code: () => ({ type: 'code' }),
  a: (el) => ({ type: 'link', attrs: withoutEmpty({ href: stringProp(el, 'href'), title: stringProp(el, 'title') }) }),
}
const HEADINGS: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }

/**
 * The editor's document for a sanitised HTML tree, or undefined when the tree holds anything
 * the editor has no node for (a table, a code block, struck-out text, text beside a picture):
 * such a body must stay in its own format rather than lose parts on the way. Headings become
 * the editor's levels 2–4, as the `doc` renderer draws them.
 * @example hastToDoc(htmlTree('<p>Hi <em>there</em></p>')) // { type: 'doc', content: [{ type: 'paragraph', content: [...] }] }
 */
export function hastToDoc(tree: Root): EditorNode | undefined {
  try {
    return { type: 'doc', content: blocks(tree.children) }
  } catch (error) {
    if (error instanceof Unrepresentable) return undefined
    throw error
  }
}

function blocks(nodes: (RootContent | ElementContent)[]): EditorNode[] {
  const out: EditorNode[] = []
  let loose: (RootContent | ElementContent)[] = []
  const flush = () => {
    const content = tidy(inline(loose, []))
    if (content.length) out.push({ type: 'paragraph', content })
    loose = []
  }
  for (const node of nodes) {
    if (node.type === 'element' && (!isInline(node) || node.tagName === 'img')) {
      flush()
      out.push(block(node))
    } else if (node.type === 'text' || node.type === 'element') {
      loose.push(node)
    }
    // Comments and doctypes carry nothing a reader sees.
  }
  flush()
  return out
}

function block(el: Element): EditorNode {
  const heading = HEADINGS[el.tagName]
  if (heading) return { type: 'heading', attrs: { level: heading }, content: tidy(inline(el.children, [])) }
  switch (el.tagName) {
    case 'p': {
      const pictures = el.children.filter((c) => c.type === 'element' && c.tagName === 'img')
      const rest = el.children.filter((c) => !pictures.includes(c) && !(c.type === 'text' && c.value.trim() === ''))
      // A picture alone in its paragraph is the editor's block picture; beside text it has no place.
      if (pictures.length === 1 && rest.length === 0) return picture(pictures[0] as Element, '')
      if (pictures.length) throw new Unrepresentable()
      return { type: 'paragraph', content: tidy(inline(el.children, [])) }
    }
    case 'blockquote': return { type: 'blockquote', content: blocks(el.children) }
    case 'ul': return { type: 'bulletList', content: listItems(el) }
    case 'ol': {
      const start = Number(el.properties.start ?? 1)
      return { type: 'orderedList', attrs: { start: Number.isInteger(start) ? start : 1 }, content: listItems(el) }
    }
    case 'hr': return { type: 'horizontalRule' }
    case 'img': return picture(el, '')
    case 'figure': {
      if (isEmbedFigure(el)) return embed(el)
      const children = el.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
      const [img, caption, ...more] = children
      const isCaption = caption === undefined || (caption.type === 'element' && caption.tagName === 'figcaption' && caption.children.every((c) => c.type === 'text'))
      if (more.length || img?.type !== 'element' || img.tagName !== 'img' || !isCaption) throw new Unrepresentable()
      return picture(img, caption?.type === 'element' ? textOf(caption).trim() : '')
    }
    default: throw new Unrepresentable()
  }
}

function listItems(list: Element): EditorNode[] {
  return list.children
    .filter((c): c is Element => c.type === 'element')
    .map((li) => {
      if (li.tagName !== 'li') throw new Unrepresentable()
      const content = blocks(li.children)
      // The editor's list item opens with a paragraph; one that opens with a list or a picture has no shape there.
      if (content.length && content[0]!.type !== 'paragraph') throw new Unrepresentable()
      return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] }
    })
}

function picture(img: Element, caption: string): EditorNode {
  const src = stringProp(img, 'src')
  if (!src) throw new Unrepresentable()
  const size = (name: string) => {
    const value = Number(img.properties[name])
    return Number.isInteger(value) && value > 0 ? value : null
  }
  return {
    type: 'image',
    attrs: { src, alt: stringProp(img, 'alt') ?? '', title: stringProp(img, 'title') ?? null, width: size('width'), height: size('height'), caption: caption || null },
  }
}

/** The sanitiser's embed figure: `figure.embed` around one frame and maybe its caption. */
function isEmbedFigure(el: Element): boolean {
  const classes = el.properties.className
  return Array.isArray(classes) && classes.includes('embed')
}

function embed(figure: Element): EditorNode {
  const [frame, caption, ...more] = figure.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  const isCaption = caption === undefined || (caption.type === 'element' && caption.tagName === 'figcaption' && caption.children.every((c) => c.type === 'text'))
  if (more.length || frame?.type !== 'element' || frame.tagName !== 'iframe' || !isCaption) throw new Unrepresentable()
  const src = stringProp(frame, 'src')
  if (!src) throw new Unrepresentable()
  const size = (name: string) => {
    const value = Number(frame.properties[name])
    return Number.isInteger(value) && value > 0 ? value : null
  }
  const captionText = caption?.type === 'element' ? textOf(caption).trim() : ''
  return { type: 'embed', attrs: { src, title: stringProp(frame, 'title') ?? null, width: size('width'), height: size('height'), caption: captionText || null } }
}

function inline(nodes: (RootContent | ElementContent)[], marks: Mark[]): EditorNode[] {
  const out: EditorNode[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value) out.push(marks.length ? { type: 'text', text: node.value, marks } : { type: 'text', text: node.value })
    } else if (node.type === 'element') {
      if (node.tagName === 'br') out.push({ type: 'hardBreak' })
      else if (MARKS[node.tagName]) out.push(...inline(node.children, [...marks, MARKS[node.tagName]!(node)]))
      else throw new Unrepresentable()
    }
  }
  return out
}

/**
 * Whitespace as a browser shows it: runs collapsed to one space, none at the ends of a block.
 * (The editor shows a newline inside text as a line break, which the page never did.)
 */
function tidy(content: EditorNode[]): EditorNode[] {
  const texts = content.filter((n) => n.type === 'text')
  for (const node of texts) node.text = node.text!.replace(/[ \t\r\n\f]+/g, ' ')
  const first = content[0]
  const last = content.at(-1)
  if (first?.type === 'text') first.text = first.text!.trimStart()
  if (last?.type === 'text') last.text = last.text!.trimEnd()
  return content.filter((n) => n.type !== 'text' || n.text !== '')
}

const INLINE_TAGS = new Set(['strong', 'b', 'em', 'i', 'code', 'a', 'br', 'img'])
const isInline = (el: Element) => INLINE_TAGS.has(el.tagName)

function stringProp(el: Element, name: string): string | undefined {
  const value = el.properties[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}

function withoutEmpty(attrs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
