import { Node } from '@tiptap/core'
import { embedForFrame } from '../../content/body/embed-providers.js'

/** What an embed node holds: the `doc` renderer's `embed` (see doc-to-hast.ts). */
export interface EmbedAttributes {
  /** The provider's frame address, as `embedForFrame` normalises it. */
  src: string | null
  /** The frame's accessible name; none gives "Embedded content from PROVIDER". */
  title: string | null
  width: number | null
  height: number | null
  caption: string | null
}

const attribute = (name: keyof EmbedAttributes, read: (value: string | null) => string | number | null) => ({
  default: null,
  rendered: false,
  parseHTML: (element: HTMLElement) => read(element.getAttribute(`data-embed-${name}`)),
})
const number = (value: string | null) => (value && /^\d{1,5}$/.test(value) ? Number(value) : null)
const text = (value: string | null) => value || null

/**
 * An embedded player, post, map or chart: a block the journalist places and moves but does not
 * type into. The editor shows it as a labelled box naming the provider and the address, not as
 * a live frame: the admin loads no third-party page (its CSP allows no frame), and the preview
 * shows the real thing. Copied, it carries its attributes as `data-embed-*`, which pasting reads;
 * a pasted `<iframe>` (a public page's embed, a provider's embed code) becomes an embed when its
 * address is an allow-listed provider's frame, and is left out otherwise.
 */
export const EmbedNode = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: attribute('src', text),
      title: attribute('title', text),
      width: attribute('width', number),
      height: attribute('height', number),
      caption: attribute('caption', text),
    }
  },

  parseHTML() {
    return [
      { tag: 'figure[data-embed-src]' },
      {
        tag: 'iframe[src]',
        getAttrs: (element: HTMLElement) => {
          const embed = embedForFrame(element.getAttribute('src'))
          if (!embed) return false
          // A caption beside it is pasted as the text it is.
          return { src: embed.src, title: text(element.getAttribute('title')), width: number(element.getAttribute('width')), height: number(element.getAttribute('height')), caption: null }
        },
      },
    ]
  },

  renderHTML({ node }) {
    const attrs = node.attrs as EmbedAttributes
    const provider = embedForFrame(attrs.src)?.provider.name ?? 'an unknown provider'
    const data: Record<string, string> = { class: 'body-editor-embed' }
    for (const name of ['src', 'title', 'width', 'height', 'caption'] as const) {
      if (attrs[name] !== null && attrs[name] !== '') data[`data-embed-${name}`] = String(attrs[name])
    }
    return ['figure', data,
      ['p', { class: 'body-editor-embed-label' }, `Embedded from ${provider}${attrs.title ? `: ${attrs.title}` : ''}`],
      ['p', { class: 'body-editor-embed-src' }, attrs.src ?? ''],
      ...(attrs.caption ? [['figcaption', {}, attrs.caption]] : []),
    ]
  },
})
