import { defaultSchema } from 'rehype-sanitize'

type Schema = typeof defaultSchema

const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept'])

/**
 * The one allow-list every piece of stored HTML passes through: GitHub's schema (no scripts,
 * no event handlers, no style, only http(s)/mailto links) plus the news elements an article needs.
 */
export const articleSchema: Schema = {
  ...defaultSchema,
  // Dropped with their contents: left as bare text, CSS or a template's markup would read as prose, and
  // text left directly inside a table moves out of it when the page is parsed again.
  strip: [...new Set([...(defaultSchema.strip ?? []), 'script', 'style', 'template', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'title', 'textarea'])],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'mark', 'time', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    // Form attributes mean nothing without a form (never allowed), and `action` could hold a javascript: address.
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !FORM_ATTRIBUTES.has(String(a))),
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    time: ['dateTime'],
    abbr: ['title'],
    a: [...(defaultSchema.attributes?.a ?? []), 'title'],
  },
  // GitHub's list also lets irc:, ircs: and xmpp: links through; a news article has no use for them.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
}
