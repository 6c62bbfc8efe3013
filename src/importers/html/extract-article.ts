import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { embedForFrame } from '../../content/body/embed-providers.js'
import { toLanguageTag } from '../language-tag.js'
import { readPageMeta } from './read-page-meta.js'

export interface ExtractedArticle {
  headline: string
  /** The byline exactly as Readability found it ("By A and B"), before it is split into names. */
  byline: string | null
  dek: string | undefined
  /** The article's HTML as Readability cut it out; the import pipeline sanitises it. */
  contentHtml: string
  language: string
  canonicalUrl: string | undefined
  image: { url: string; alt: string } | undefined
  publishedAt: Date | undefined
}

const LONGEST_DEK = 1000

/**
 * Cuts the article out of a saved news page with Readability (Firefox's Reader View) on a
 * linkedom document, and reads the page's own metadata beside it. Undefined when Readability
 * finds no article.
 * @example extractArticle(fs.readFileSync('saved.html', 'utf8'))?.headline
 */
export function extractArticle(html: string): ExtractedArticle | undefined {
  // linkedom keeps markup without an <html> element as it is (its first element becomes the root,
  // or there is none), and Readability throws on such a document: wrap it in a page first.
  const parsed = parseHTML(html).document
  const document = parsed.documentElement?.localName === 'html' ? parsed : parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document
  // Readability rewrites the document as it goes, so the head is read first.
  const meta = readPageMeta(document)
  if (meta.canonicalUrl && !document.querySelector('base[href]')) {
    // Readability makes links and pictures absolute against the document's base: the page's own address.
    const base = document.createElement('base')
    base.setAttribute('href', meta.canonicalUrl)
    document.head?.prepend(base)
  }
  const article = readArticle(document)
  if (!article?.content) return undefined
  const headline = [article.title, meta.title, meta.firstHeading].map((t) => t?.replace(/\s+/g, ' ').trim()).find((t) => t)
  if (!headline) return undefined
  return {
    headline,
    byline: article.byline?.trim() || null,
    dek: shorten(meta.description ?? article.excerpt ?? undefined),
    contentHtml: article.content,
    language: toLanguageTag(article.lang) ?? toLanguageTag(meta.lang) ?? 'en',
    canonicalUrl: meta.canonicalUrl,
    image: meta.image,
    publishedAt: meta.publishedAt,
  }
}

/** Readability's excerpt may be a whole first paragraph: a dek is cut at a word, with an ellipsis. */
function shorten(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length <= LONGEST_DEK) return clean || undefined
  const cut = clean.slice(0, LONGEST_DEK - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/**
 * Which frames Readability keeps: by default it keeps YouTube and Vimeo players only; here, the
 * frames of every allow-listed embed provider (see embed-providers.ts), and no others. Readability
 * only ever calls `test` on it, with an attribute's value.
 */
class AllowListedFrame extends RegExp {
  constructor() {
    super('$^')
  }

  override test(value: string): boolean {
    return embedForFrame(value) !== undefined
  }
}

/**
 * Readability's parse, where an exception counts as finding no article: on some malformed pages
 * (a <frameset> after the body) it fails inside on a linkedom document. A hostile page is then a
 * page with no article, not a crashed import.
 */
function readArticle(document: Document) {
  try {
    return new Readability(document, { allowedVideoRegex: new AllowListedFrame() }).parse()
  } catch {
    return null
  }
}
