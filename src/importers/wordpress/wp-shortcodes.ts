/**
 * WordPress shortcodes turned into plain HTML, since nothing here runs them: captions become
 * figures, embeds of an allow-listed provider become its frame (see wp-embeds.ts), other media
 * and embeds become links to their address, galleries are dropped (their
 * pictures live in the attachments), and no raw `[shortcode]` text is left behind.
 *
 * WordPress only expands registered shortcodes, so prose such as "coracles [simple boat]" is
 * left alone: a bracket is read as a shortcode when its name is a known one, or when it looks
 * like one (a snake_case name, `name=value` attributes, a closing `[/name]`, or it ends in `/]`).
 */

import { oEmbedHtml } from './wp-embeds.js'

const KNOWN = new Set([
  'caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video', 'playlist', 'wpvideo', 'youtube', 'vimeo',
  'soundcloud', 'googlemaps', 'tweet', 'twitter', 'instagram', 'slideshow', 'contact-form', 'contact-field',
  'recipe', 'polldaddy', 'crowdsignal', 'archives', 'sitemap', 'gravityform', 'portfolio', 'scribd', 'ted',
])

/**
 * The start of `[name attrs]`, `[name attrs /]` or `[name attrs]content[/name]`, and of `[[escaped]]`.
 * The rest is read by hand in expandShortcodes, as WordPress's get_shortcode_regex() reads it:
 * as one regex it scans to the end of the text from every `[` that is never closed.
 */
const OPENER = /\[(\[?)([A-Za-z][\w-]*)/g
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g
const URL_IN = /https?:\/\/[^\s"'<>\]]+/

export interface Shortcode {
  name: string
  /** Named attributes; positional ones are numbered from '0'. */
  attributes: Record<string, string>
  content: string | undefined
}

/**
 * Replaces every shortcode in `html` with plain HTML (see the module comment for which brackets count).
 * @example expandShortcodes('[embed]https://youtu.be/x[/embed]') // '<p><a href="https://youtu.be/x">https://youtu.be/x</a></p>'
 */
export function expandShortcodes(html: string): string {
  if (!html.includes('[')) return html
  const opener = new RegExp(OPENER)
  /** Names whose `[/name]` no longer occurs: it is not looked for again. */
  const unclosed = new Set<string>()
  let out = ''
  let copied = 0
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    const [, open = '', name = ''] = m
    const attrsStart = m.index + m[0].length
    // The attributes run to the first `]` (a `/` just before it closes the shortcode on its own).
    const bracket = html.indexOf(']', attrsStart)
    if (bracket === -1) break
    const selfClose = bracket > attrsStart && html[bracket - 1] === '/' ? '/' : undefined
    const attrs = html.slice(attrsStart, selfClose ? bracket - 1 : bracket)
    let end = bracket + 1
    let content: string | undefined
    let closing: string | undefined
    if (!selfClose && !unclosed.has(name)) {
      const at = html.indexOf(`[/${name}]`, end)
      if (at === -1) unclosed.add(name)
      else {
        content = html.slice(end, at)
        closing = `[/${name}]`
        end = at + closing.length
      }
    }
    const close = html[end] === ']' ? ']' : ''
    end += close.length
    out += html.slice(copied, m.index) + expandOne(html.slice(m.index, end), { open, name, attrs, selfClose, content, closing, close })
    copied = end
    opener.lastIndex = end
  }
  return out + html.slice(copied)
}

function expandOne(match: string, { open, name, attrs, selfClose, content, closing, close }: {
  open: string; name: string; attrs: string; selfClose: string | undefined; content: string | undefined; closing: string | undefined; close: string
}): string {
  // [[name]] is WordPress's way of writing a literal [name].
  if (open === '[' && close === ']') return match.slice(1, -1)
  const lower = name.toLowerCase()
  const looksLike = KNOWN.has(lower) || lower.includes('_') || /=/.test(attrs) || closing !== undefined || selfClose !== undefined
  if (!looksLike) return match
  const code = { name: lower, attributes: parseAttributes(attrs), content }
  return open + renderShortcode(code) + close
}

/**
 * Reads a shortcode's attributes as WordPress's shortcode_parse_atts() does.
 * @example parseAttributes(' id="a" width=300 https://x.test') // { id: 'a', width: '300', '0': 'https://x.test' }
 */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  let position = 0
  for (const m of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(ATTRIBUTE)) {
    if (m[1] !== undefined) attributes[m[1].toLowerCase()] = m[2]!
    else if (m[3] !== undefined) attributes[m[3].toLowerCase()] = m[4]!
    else if (m[5] !== undefined) attributes[m[5].toLowerCase()] = m[6]!
    else attributes[String(position++)] = m[7] ?? m[8] ?? m[9] ?? ''
  }
  return attributes
}

function renderShortcode(code: Shortcode): string {
  switch (code.name) {
    case 'caption':
    case 'wp_caption': return caption(code)
    case 'gallery':
    case 'playlist': return ''
    default: {
      const url = firstUrl(code)
      if (url) return `<p>${oEmbedHtml(url, { width: code.attributes.width, height: code.attributes.height })}</p>`
      // An enclosing shortcode we do not know still holds the author's text.
      return code.content !== undefined ? expandShortcodes(code.content) : ''
    }
  }
}

/** `[caption caption="Old style"]<a><img></a>[/caption]` or `[caption]<img> The text[/caption]` → a figure. */
function caption(code: Shortcode): string {
  const content = expandShortcodes(code.content ?? '').trim()
  const picture = /^(?:<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(content)
  const media = picture?.[0] ?? ''
  const text = (code.attributes.caption ?? content.slice(media.length)).trim()
  return `<figure>${media}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
}

function firstUrl(code: Shortcode): string | undefined {
  const { src, url, mp3, m4a, ogg, wav, mp4, webm, ogv, ...rest } = code.attributes
  for (const candidate of [src, url, mp3, m4a, ogg, wav, mp4, webm, ogv, ...Object.values(rest), code.content]) {
    const found = candidate && URL_IN.exec(candidate)?.[0]
    if (found) return found
  }
  return undefined
}

