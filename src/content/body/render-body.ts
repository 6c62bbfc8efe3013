import type { Element, Root, RootContent } from 'hast'
import { fromParse5 } from 'hast-util-from-parse5'
import { parseFragment } from 'parse5'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { countWords } from '../articles/reading-time.js'
import { EMPTY_DOC, parseDoc } from './body-doc.js'
import { docToHast } from './doc-to-hast.js'
import { eachElement } from './each-element.js'
import { embedLoneLinks, placeEmbedFrames, rebuildEmbedFrames } from './embed-frames.js'
import { emptyVoidElements } from './empty-void-elements.js'
import { articleSchema } from './sanitize-schema.js'
import { unprefixClobbered } from './unprefix-clobbered.js'

/** Markdown, HTML, or `doc`: the editor's ProseMirror document as JSON (see `parseDoc`). */
export const BODY_FORMATS = ['markdown', 'html', 'doc'] as const
export type BodyFormat = (typeof BODY_FORMATS)[number]

/** How a body's links are finished; by default they are trusted staff's. */
export interface RenderOptions {
  /**
   * Whether trusted staff vouch for the body's links (the default). When not (a contributor's
   * text, a page saved from the web), links to other hosts also get `rel="nofollow ugc"`: search
   * engines are told the site does not vouch for them, and link spam earns nothing.
   */
  trustedLinks?: boolean
  /** The site's own address (MASTHEAD_SITE_URL): links to its host are internal, never nofollow. Relative links always are. */
  siteUrl?: string
}

export interface RenderedBody {
  /** Sanitised HTML, safe to put on a page as it is. */
  html: string
  /** The visible text, blocks separated by blank lines. */
  text: string
  words: number
  images: number
}

const markdownToHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype)
/**
 * An HTML fragment as a tree, as rehype-parse reads it (parse5, scripting off) but without
 * source positions: nothing here uses them, and recording them made parsing about half as fast.
 */
const htmlToHast = (html: string): Root => fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root
/** Takes out whatever is not allowed: frames not allow-listed, then everything the schema refuses. */
const sanitizeHast = unified().use(unprefixClobbered).use(rebuildEmbedFrames).use(rehypeSanitize, articleSchema)
/** Puts what is left in shape: embeds in their figures, void elements empty. */
const shapeHast = unified().use(placeEmbedFrames).use(emptyVoidElements)
const stringify = unified().use(rehypeStringify)

/** Each format's source as an HTML tree, not yet sanitised. */
const TO_HAST: Record<BodyFormat, (source: string) => Root> = {
  // CommonMark reads a lone CR as a line ending but keeps it in text, where HTML would make it LF.
  // A provider's address alone in its paragraph is an embed, as in Ghost and WordPress.
  markdown: (source) => embedLoneLinks(markdownToHast.runSync(markdownToHast.parse(source.replace(/\r\n?/g, '\n'))) as Root),
  html: htmlToHast,
  // Input validation refuses a broken document; one that got past it anyway renders empty.
  doc: (source) => {
    const doc = parseDoc(source)
    return docToHast(doc.ok ? doc.value : EMPTY_DOC)
  },
}

/**
 * Renders an article body from its editable source to sanitised HTML and counts what a
 * reader meets in it. Every body, whatever its format, goes through the same sanitiser and the
 * same finishing steps. Never throws for a bad source: a `doc` that is not a document renders
 * empty (use `parseDoc` to refuse it first).
 * @example renderBody('markdown', 'Hello *world*').html // '<p>Hello <em>world</em></p>'
 * @example renderBody('doc', '{"type":"doc","content":[{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Tides"}]}]}').html // '<h2>Tides</h2>'
 */
export function renderBody(format: BodyFormat, source: string, options: RenderOptions = {}): RenderedBody {
  return finishBody(TO_HAST[format](source), options)
}

/** Sanitises a body's tree, then writes it out and counts its words and pictures. */
function finishBody(raw: Root, options: RenderOptions): RenderedBody {
  const before = countElements(raw)
  const sanitized = sanitizeHast.runSync(raw) as Root
  // Counted before embeds get their figures, which would hide an element taken out.
  const tookOut = countElements(sanitized) < before
  const finish = (tree: Root) => finishLinksAndImages(shapeHast.runSync(tree) as Root, options)
  let tree = finish(sanitized)
  let html = stringify.stringify(tree)
  // Taking out a disallowed element can leave nesting HTML does not allow (a <p> in a <p> once the
  // <object> between them is gone), which a browser would read back differently: one more pass,
  // only when something was taken out, settles it, so sanitised HTML is its own sanitisation.
  if (tookOut) {
    tree = finish(sanitizeHast.runSync(htmlToHast(html)) as Root)
    html = stringify.stringify(tree)
  }
  const text = blockText(tree)
  let images = 0
  eachElement(tree, (el) => { if (el.tagName === 'img') images++ })
  return { html, text, words: countWords(text), images }
}

function countElements(tree: Root): number {
  let n = 0
  eachElement(tree, () => { n++ })
  return n
}

/**
 * The visible text of stored body HTML, blocks separated by blank lines and entities decoded,
 * for plain-text excerpts.
 * @example bodyText('<p>Fish &#x26; chips</p><p>Two</p>') // 'Fish & chips\n\nTwo'
 */
export function bodyText(html: string): string {
  return blockText(htmlToHast(html))
}

/**
 * Links open safely (`noopener noreferrer`), and links to other hosts in a body no trusted staff
 * member vouches for also say `nofollow ugc`; pictures inside a body load lazily (the hero is the
 * one eager picture).
 */
function finishLinksAndImages(tree: Root, { trustedLinks = true, siteUrl }: RenderOptions): Root {
  const siteHost = siteUrl ? hostOf(siteUrl) : undefined
  eachElement(tree, (el) => {
    const href = el.properties.href
    if (el.tagName === 'a' && typeof href === 'string' && href) {
      el.properties.rel = !trustedLinks && isExternal(href, siteHost) ? ['nofollow', 'ugc', 'noopener', 'noreferrer'] : ['noopener', 'noreferrer']
    }
    if (el.tagName === 'img') {
      el.properties.loading = 'lazy'
      el.properties.decoding = 'async'
    }
  })
  return tree
}

/** A base on a host no real address has: a relative link resolved on it stays on it. */
const RELATIVE_HOST = 'relative.invalid'

/**
 * Whether a link leaves the site: an http(s) address on another host than the site's. Relative
 * links (`/x`, `#x`, `?x`) are the site's own; `mailto:` links lead to no page to rank.
 * @example isExternal('https://other.test/a', 'news.test') // true
 * @example isExternal('/tides/', 'news.test') // false
 */
export function isExternal(href: string, siteHost: string | undefined): boolean {
  let url: URL
  try {
    // Resolved as a browser would: `//host/x` and `\\host\x` lead to another host.
    url = new URL(href, `https://${RELATIVE_HOST}/`)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  return url.host !== RELATIVE_HOST && url.host !== siteHost
}

function hostOf(address: string): string | undefined {
  try {
    return new URL(address).host
  } catch {
    return undefined
  }
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'pre', 'td', 'th', 'div', 'br', 'tr', 'figure'])

function blockText(tree: Root): string {
  const parts: string[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value)
    else if (node.type === 'element' || node.type === 'root') {
      const block = node.type === 'element' && BLOCKS.has(node.tagName)
      if (block) parts.push('\n\n')
      for (const child of node.children) walk(child)
      if (block) parts.push('\n\n')
    }
  }
  walk(tree)
  return collapseWhitespace(parts.join('')).trim()
}

/**
 * Runs of spaces and tabs become one space, and a whitespace run holding two line ends or more
 * becomes a blank line: `.replace(/[ \t]+/g, ' ').replace(/\s+/g, (run) => (two line ends ? '\n\n' : run))`,
 * with only the runs that can change looked at, each once (not every space between two words;
 * and /\s*\n\s*\n\s*\/g would retry a long run from each of its characters).
 */
function collapseWhitespace(text: string): string {
  const spaced = text.replace(/[ \t]{2,}|\t/g, ' ')
  let out = ''
  let copied = 0
  for (let newline = spaced.indexOf('\n'); newline !== -1; newline = spaced.indexOf('\n', copied)) {
    // The previous run ended at `copied`, so this one cannot reach back past it.
    let start = newline
    while (start > copied && WHITESPACE.test(spaced[start - 1]!)) start--
    let end = newline + 1
    while (end < spaced.length && WHITESPACE.test(spaced[end]!)) end++
    const run = spaced.slice(start, end)
    out += spaced.slice(copied, start) + (run.indexOf('\n') !== run.lastIndexOf('\n') ? '\n\n' : run)
    copied = end
  }
  return out + spaced.slice(copied)
}

/** One character that `\s` matches. */
const WHITESPACE = /^\s$/

/**
 * Escapes plain text into paragraphs of HTML, for sources that are plain text.
 * @example paragraphsToHtml(['a < b']) // '<p>a &lt; b</p>'
 */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
