import type { Element, ElementContent, Properties, Root, RootContent } from 'hast'
import { EMBED_PROVIDERS, EMBED_REFERRER_POLICY, EMBED_SANDBOX, embedForFrame, embedForPage, type Embed, type EmbedShape } from './embed-providers.js'

/** The classes an embed's `<figure>` may carry: `embed`, and one `embed-SHAPE` for its layout in the site's CSS. */
export const EMBED_CLASSES: readonly string[] = ['embed', ...new Set(EMBED_PROVIDERS.map((p) => shapeClass(p.shape)))]

function shapeClass(shape: EmbedShape): string {
  return `embed-${shape}`
}

/** Longer titles are cut: a title names the frame for screen readers, it is not a caption. */
const MAX_TITLE = 200
/** Frames are laid out by the stylesheet; a size beyond this is a mistake, not a layout. */
const MAX_SIDE = 10_000

/** What a source may say about a frame besides its address. */
interface GivenFrame {
  title?: unknown
  width?: unknown
  height?: unknown
}

/**
 * The `<iframe>` of an embed, built from nothing but the embed and the source's title and size:
 * the normalised https address, a title (the given one, else "Embedded content from PROVIDER":
 * a frame needs an accessible name), whole-number sizes, lazy loading, a referrer policy, the
 * provider's few features and the one sandbox. Nothing else of the source is copied.
 * @example embedFrame(embedForFrame('https://player.vimeo.com/video/76979871')!, { title: 'The quay' })
 */
export function embedFrame(embed: Embed, given: GivenFrame = {}): Element {
  const title = typeof given.title === 'string' ? given.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : ''
  const properties: Properties = {
    src: embed.src,
    title: title || `Embedded content from ${embed.provider.name}`,
  }
  const width = side(given.width)
  const height = side(given.height) ?? embed.provider.height
  if (width !== undefined) properties.width = width
  if (height !== undefined) properties.height = height
  properties.loading = 'lazy'
  properties.referrerPolicy = EMBED_REFERRER_POLICY
  if (embed.provider.allow.length) properties.allow = embed.provider.allow.join('; ')
  properties.sandbox = [...EMBED_SANDBOX]
  return { type: 'element', tagName: 'iframe', properties, children: [] }
}

/** A size in CSS pixels: a whole number, written as a number or as digits (`560`, `"560"`), else undefined. */
function side(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,5}\s*$/.test(value) ? Number(value) : Number.NaN
  return Number.isInteger(number) && number > 0 && number <= MAX_SIDE ? number : undefined
}

/** The `<figure class="embed embed-SHAPE">` an embed is shown in, with the caption the source gave it. */
export function embedFigure(embed: Embed, frame: Element, caption?: Element): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['embed', shapeClass(embed.provider.shape)] },
    children: caption ? [frame, caption] : [frame],
  }
}

type Parent = Root | Element
type Child = RootContent | ElementContent

/**
 * Runs before the sanitiser: every `<iframe>` is rebuilt from its address (see `embedFrame`)
 * when an allow-listed provider serves it, and removed, with whatever it holds, otherwise
 * (`srcdoc`, `data:`, `javascript:`, http, look-alike hosts and all). The sanitiser then only
 * ever sees frames this module built.
 * @example unified().use(rehypeParse).use(rebuildEmbedFrames).use(rehypeSanitize, articleSchema)
 */
export function rebuildEmbedFrames() {
  return (tree: Root) => {
    rebuildIn(tree)
  }
}

function rebuildIn(parent: Parent): void {
  const children: Child[] = []
  for (const child of parent.children as Child[]) {
    if (child.type === 'element' && child.tagName === 'iframe') {
      const embed = embedForFrame(child.properties.src)
      if (embed) children.push(embedFrame(embed, child.properties))
      continue
    }
    if (child.type === 'element') rebuildIn(child)
    children.push(child)
  }
  parent.children = children as Parent['children']
}

/** Parents in which a `<figure>` may stand; in any other (a paragraph, a heading, a link) a frame stays inline. */
const FLOW_PARENTS = new Set(['root', 'div', 'blockquote', 'li', 'td', 'th', 'dd', 'details', 'section', 'figure'])

/**
 * Runs after the sanitiser: checks every `<iframe>` once more, rebuilding it from its address or
 * removing it, and gives each its `<figure class="embed embed-SHAPE">` for the stylesheet's
 * responsive layout (the public CSP allows no style attribute). A paragraph holding nothing but
 * a frame becomes its figure, and a figure holding a frame and at most a caption (a Ghost or
 * WordPress embed card) is that figure. Where no figure may stand, the frame is left inline.
 * Other figures lose embed classes. Running it on its own output changes nothing.
 * @example unified().use(rehypeSanitize, articleSchema).use(placeEmbedFrames)
 */
export function placeEmbedFrames() {
  return (tree: Root) => {
    placeIn(tree, 'root')
  }
}

function placeIn(parent: Parent, parentTag: string): void {
  const children: Child[] = []
  for (const child of parent.children as Child[]) {
    if (child.type !== 'element') {
      children.push(child)
      continue
    }
    if (child.tagName === 'iframe') {
      const embed = embedForFrame(child.properties.src)
      if (!embed) continue
      const frame = embedFrame(embed, child.properties)
      children.push(FLOW_PARENTS.has(parentTag) ? embedFigure(embed, frame) : frame)
      continue
    }
    const card = embedCard(child)
    if (card) {
      children.push(card)
      continue
    }
    if (child.tagName === 'figure') delete child.properties.className
    placeIn(child, child.tagName)
    children.push(child)
  }
  parent.children = children as Parent['children']
}

/**
 * The embed figure for a paragraph holding only a frame, or for a figure holding only a frame
 * (bare, or alone in a `<div>`, as WordPress's embed blocks wrap it) and, after it, a caption;
 * undefined for anything else.
 */
function embedCard(el: Element): Element | undefined {
  if (el.tagName !== 'p' && el.tagName !== 'figure') return undefined
  const [content, caption, ...more] = significant(el.children)
  const frame = el.tagName === 'figure' && content?.type === 'element' && content.tagName === 'div' ? loneChild(content) : content
  if (more.length || frame?.type !== 'element' || frame.tagName !== 'iframe') return undefined
  const isCaption = caption === undefined || (el.tagName === 'figure' && caption.type === 'element' && caption.tagName === 'figcaption')
  if (!isCaption) return undefined
  const embed = embedForFrame(frame.properties.src)
  if (!embed) return undefined
  if (caption) placeIn(caption as Element, 'figcaption')
  return embedFigure(embed, embedFrame(embed, frame.properties), caption as Element | undefined)
}

/** Children that show: no whitespace-only text, no comments. */
const significant = (children: ElementContent[]) => children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'comment')

function loneChild(el: Element): ElementContent | undefined {
  const [only, ...more] = significant(el.children)
  return more.length ? undefined : only
}

/**
 * Turns each top-level paragraph that is nothing but a link to a provider's page, written as
 * its own address (`https://youtu.be/…` on a line of its own), into that embed, as Ghost and
 * WordPress do. A link with words of its own (`[the video](https://youtu.be/…)`) stays a link.
 * Runs on a Markdown body's tree, before the sanitiser.
 * @example embedLoneLinks(markdownTree('https://youtu.be/dQw4w9WgXcQ')) // root with figure.embed > iframe
 */
export function embedLoneLinks(tree: Root): Root {
  tree.children = tree.children.map((child) => {
    if (child.type !== 'element' || child.tagName !== 'p') return child
    const embed = loneLinkEmbed(child)
    return embed ? embedFigure(embed, embedFrame(embed)) : child
  })
  return tree
}

/** The embed of a paragraph holding only a link whose text is its own address, or undefined. */
export function loneLinkEmbed(paragraph: Element): Embed | undefined {
  const [link, ...more] = significant(paragraph.children)
  if (more.length || link?.type !== 'element' || link.tagName !== 'a') return undefined
  const href = link.properties.href
  const [only, ...rest] = link.children
  const text = only?.type === 'text' && !rest.length ? only.value.trim() : ''
  return typeof href === 'string' && text === href ? embedForPage(href) : undefined
}
