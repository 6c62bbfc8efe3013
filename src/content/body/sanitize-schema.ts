import { defaultSchema } from 'rehype-sanitize'
import { EMBED_CLASSES } from './embed-frames.js'
import { EMBED_REFERRER_POLICY, EMBED_SANDBOX } from './embed-providers.js'

type Schema = typeof defaultSchema

const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept'])

/**
 * The one allow-list every piece of stored HTML passes through: GitHub's schema (no scripts,
 * no event handlers, no style, only http(s)/mailto links) plus the news elements an article needs,
 * and `<iframe>` for embeds only: by the time this schema sees a frame, `rebuildEmbedFrames` has
 * rebuilt it from an allow-listed provider's address or removed it (see embed-providers.ts), and
 * `placeEmbedFrames` checks every frame again afterwards.
 */
export const articleSchema: Schema = {
  ...defaultSchema,
  // Dropped with their contents: left as bare text, CSS or a template's markup would read as prose, and
  // text left directly inside a table moves out of it when the page is parsed again.
  strip: [...new Set([...(defaultSchema.strip ?? []), 'script', 'style', 'template', 'noscript', 'xmp', 'noembed', 'noframes', 'title', 'textarea'])],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'mark', 'time', 'abbr', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    // Form attributes mean nothing without a form (never allowed), and `action` could hold a javascript: address.
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !FORM_ATTRIBUTES.has(String(a))),
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    time: ['dateTime'],
    abbr: ['title'],
    a: [...(defaultSchema.attributes?.a ?? []), 'title'],
    figure: [['className', ...EMBED_CLASSES]],
    iframe: ['src', 'title', 'width', 'height', ['loading', 'lazy'], ['referrerPolicy', EMBED_REFERRER_POLICY], 'allow', ['sandbox', ...EMBED_SANDBOX]],
  },
  // GitHub's list also lets irc:, ircs: and xmpp: links through; a news article has no use for them.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
}
