import { replaceSpans } from '../../core/replace-spans.js'
import { wpautop } from './wpautop.js'
import { oEmbedHtml } from './wp-embeds.js'
import { expandShortcodes } from './wp-shortcodes.js'

/** The start of `<!-- wp:name {...} -->`, `<!-- /wp:name -->` and self-closing `<!-- wp:name /-->`. */
const BLOCK_COMMENT = /<!--\s*\/?wp:/g
/** The start of the "read more" and page-break markers, which only mean something in WordPress's own listings. */
const MARKER_COMMENT = /<!--\s*(?:more|noteaser|nextpage)\b/g
const COMMENT_END = () => /-->/g
/** A line holding nothing but an address: WordPress turns it into an embed; here too for an allow-listed provider, else a link. */
const BARE_URL_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gm

/**
 * Turns `content:encoded` into HTML as WordPress would show it: block-editor comments and
 * `<!--more-->` removed, shortcodes expanded, lone URLs embedded or linked (a `wp:embed` block
 * holds its address on a line of its own too), and classic-editor text run
 * through wpautop. Block-editor content is already HTML, so it skips wpautop (as WordPress does).
 * @example wpContentToHtml('Hello<!--more-->\n\nWorld') // '<p>Hello</p>\n<p>World</p>\n'
 */
export function wpContentToHtml(content: string): string {
  const hasBlocks = /<!--\s*wp:/.test(content)
  const text = stripBlockComments(content)
  const expanded = linkBareUrls(expandShortcodes(text))
  return hasBlocks ? expanded.trim() : wpautop(expanded)
}

/**
 * Removes block-editor comments and the more/nextpage markers, keeping everything else.
 * @example stripBlockComments('<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->') // '<p>Hi</p>'
 */
export function stripBlockComments(html: string): string {
  if (!html.includes('<!--')) return html
  // Each comment up to its first `-->`, as /<!--\s*\/?wp:[\s\S]*?-->/g would, without its quadratic cost on unclosed ones.
  return replaceSpans(replaceSpans(html, BLOCK_COMMENT, COMMENT_END, () => ''), MARKER_COMMENT, COMMENT_END, () => '')
}

/**
 * Turns an address that stands alone on its line (an oEmbed in WordPress) into its embed, for
 * an allow-listed provider, or else a link (see `oEmbedHtml`).
 * @example linkBareUrls('Look:\nhttps://x.test/v\n') // 'Look:\n<a href="https://x.test/v">https://x.test/v</a>\n'
 */
export function linkBareUrls(html: string): string {
  if (!html.includes('http')) return html
  return html.replace(BARE_URL_LINE, (_, before: string, url: string, after: string) => `${before}${oEmbedHtml(url)}${after}`)
}
