import { defaultSchema } from 'rehype-sanitize'

type Schema = typeof defaultSchema

/**
 * The one allow-list every piece of stored HTML passes through: GitHub's schema (no scripts,
 * no event handlers, no style, only http(s)/mailto links) plus the news elements an article needs.
 */
export const articleSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'mark', 'time', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
    time: ['dateTime'],
    abbr: ['title'],
    a: [...(defaultSchema.attributes?.a ?? []), 'title'],
  },
  // GitHub's list also lets irc:, ircs: and xmpp: links through; a news article has no use for them.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
}
