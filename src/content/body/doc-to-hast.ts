import type { Element, ElementContent, Properties, Root } from 'hast'
import type { DocMark, DocNode } from './body-doc.js'

/**
 * Turns a parsed `doc` body into an HTML tree, unsanitised: the caller runs it through the same
 * sanitiser as every other body. Only the attributes named below are copied, so nothing else a
 * document's JSON holds (an `onerror`, a `style`) reaches the tree at all.
 *
 * Headings are h2–h4 (a level 1 heading becomes h2: the page's h1 is the headline). An `embed`
 * is a frame in a figure: the sanitiser keeps it only for an allow-listed provider. A node type
 * it does not know keeps its words, as a paragraph of its text. Marks the editor does not offer
 * (strike, underline) are left off; their text stays.
 * @example docToHast({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] }) // root with <p>Hi</p>
 */
export function docToHast(doc: DocNode): Root {
  return { type: 'root', children: blocks(doc.content ?? []) }
}

const INLINE_TYPES = new Set(['text', 'hardBreak'])
const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', code: 'code', link: 'a' }

const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element =>
  ({ type: 'element', tagName, properties, children })

/** Block content; stray inline nodes between blocks are gathered into paragraphs. */
function blocks(nodes: DocNode[]): ElementContent[] {
  const out: ElementContent[] = []
  let loose: DocNode[] = []
  const flush = () => {
    if (loose.length) out.push(el('p', {}, inline(loose)))
    loose = []
  }
  for (const node of nodes) {
    if (INLINE_TYPES.has(node.type)) {
      loose.push(node)
      continue
    }
    flush()
    const rendered = block(node)
    if (rendered) out.push(rendered)
  }
  flush()
  return out
}

function block(node: DocNode): Element | undefined {
  const content = node.content ?? []
  switch (node.type) {
    case 'paragraph': return el('p', {}, inline(content))
    case 'heading': return el(`h${headingLevel(node.attrs?.level)}`, {}, inline(content))
    case 'blockquote': return el('blockquote', {}, blocks(content))
    case 'bulletList': return el('ul', {}, content.map(listItem))
    case 'orderedList': return el('ol', listStart(node.attrs?.start), content.map(listItem))
    case 'listItem': return listItem(node)
    case 'horizontalRule': return el('hr', {})
    case 'image': return picture(node)
    case 'embed': return embed(node)
    default: {
      const text = textContent(node).trim()
      return text ? el('p', {}, [{ type: 'text', value: text }]) : undefined
    }
  }
}

/** h2–h4; 1 (and anything unreadable) is h2, deeper levels are h4. */
function headingLevel(level: unknown): number {
  return typeof level === 'number' && Number.isFinite(level) ? Math.min(4, Math.max(2, Math.trunc(level))) : 2
}

function listStart(start: unknown): Properties {
  return typeof start === 'number' && Number.isInteger(start) && start !== 1 ? { start } : {}
}

/** An item with a single paragraph holds its text directly, as a tight Markdown list does. */
function listItem(node: DocNode): Element {
  const content = node.type === 'listItem' ? node.content ?? [] : [node]
  const paragraphs = content.filter((child) => child.type === 'paragraph')
  const children = paragraphs.length === 1
    ? content.flatMap((child) => (child.type === 'paragraph' ? inline(child.content ?? []) : blocks([child])))
    : blocks(content)
  return el('li', {}, children)
}

/** `<img>`, or a `<figure>` with its `<figcaption>` when the picture has a caption. */
function picture(node: DocNode): Element {
  const attrs = node.attrs ?? {}
  const caption = typeof attrs.caption === 'string' ? attrs.caption.trim() : ''
  const img = image(node)
  return caption ? el('figure', {}, [img, el('figcaption', {}, [{ type: 'text', value: caption }])]) : img
}

function image(node: DocNode): Element {
  const attrs = node.attrs ?? {}
  const properties: Properties = { src: stringAttr(attrs.src) ?? '', alt: stringAttr(attrs.alt) ?? '' }
  const title = stringAttr(attrs.title)
  if (title) properties.title = title
  for (const side of ['width', 'height'] as const) {
    const value = attrs[side]
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) properties[side] = value
  }
  return el('img', properties)
}

/**
 * An embed's `<iframe>` (address, title, size) in a `<figure>`, with its caption; nothing when it
 * has no address. The sanitiser rebuilds the frame from its address, or drops it.
 */
function embed(node: DocNode): Element | undefined {
  const attrs = node.attrs ?? {}
  const src = stringAttr(attrs.src)
  if (!src) return undefined
  const properties: Properties = { src }
  const title = stringAttr(attrs.title)?.trim()
  if (title) properties.title = title
  for (const side of ['width', 'height'] as const) {
    const value = attrs[side]
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) properties[side] = value
  }
  const caption = typeof attrs.caption === 'string' ? attrs.caption.trim() : ''
  const frame = el('iframe', properties)
  return el('figure', {}, caption ? [frame, el('figcaption', {}, [{ type: 'text', value: caption }])] : [frame])
}

const stringAttr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * Inline content, marks as nested elements. A mark shared by neighbouring text stays one element
 * (a link over "the **new** quay" is one `<a>`), the way ProseMirror's own serialiser nests them.
 */
function inline(nodes: DocNode[]): ElementContent[] {
  const out: ElementContent[] = []
  const open: { mark: DocMark; element: Element }[] = []
  const target = () => open.at(-1)?.element.children ?? out
  for (const node of nodes) {
    const marks = (node.marks ?? []).filter((mark) => mark.type in MARK_TAGS)
    let kept = 0
    while (kept < open.length && kept < marks.length && sameMark(open[kept]!.mark, marks[kept]!)) kept++
    open.length = kept
    for (const mark of marks.slice(kept)) {
      const element = markElement(mark)
      target().push(element)
      open.push({ mark, element })
    }
    target().push(...inlineNode(node))
  }
  return out
}

function inlineNode(node: DocNode): ElementContent[] {
  switch (node.type) {
    case 'text': return node.text ? [{ type: 'text', value: node.text }] : []
    case 'hardBreak': return [el('br', {})]
    case 'image': return [image(node)]
    default: {
      const text = textContent(node)
      return text ? [{ type: 'text', value: text }] : []
    }
  }
}

function markElement(mark: DocMark): Element {
  const tagName = MARK_TAGS[mark.type]!
  if (tagName !== 'a') return el(tagName, {})
  const properties: Properties = {}
  const href = stringAttr(mark.attrs?.href)
  const title = stringAttr(mark.attrs?.title)
  if (href) properties.href = href
  if (title) properties.title = title
  return el('a', properties)
}

function sameMark(a: DocMark, b: DocMark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {})
}

/** The words of a node and its descendants; blocks are kept apart by a space. */
function textContent(node: DocNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return ' '
  const children = node.content ?? []
  const inlineOnly = children.every((child) => INLINE_TYPES.has(child.type))
  return children.map(textContent).join(inlineOnly ? '' : ' ')
}
