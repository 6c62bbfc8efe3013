import { Image } from '@tiptap/extension-image'
import { mergeAttributes } from '@tiptap/core'

/**
 * The editor's picture: Tiptap's block image (src, alt, title, width, height) plus a `caption`.
 * With a caption it shows, and is copied, as a `<figure>` with its `<figcaption>`, as the
 * server renders it. Pasted `data:` pictures are not taken: pictures are uploaded.
 */
export const Picture = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: null,
        parseHTML: (element: HTMLElement) => element.querySelector('figcaption')?.textContent?.trim() || null,
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    const figure = {
      tag: 'figure',
      getAttrs: (element: HTMLElement) => {
        const img = element.querySelector('img[src]')
        if (!img || img.getAttribute('src')?.startsWith('data:')) return false
        return { src: img.getAttribute('src'), alt: img.getAttribute('alt'), title: img.getAttribute('title') }
      },
    }
    return [figure, ...(this.parent?.() ?? [])]
  },

  renderHTML({ node, HTMLAttributes }) {
    const img = ['img', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)] as const
    const caption = typeof node.attrs.caption === 'string' ? node.attrs.caption : ''
    return caption ? ['figure', { class: 'body-editor-figure' }, img, ['figcaption', {}, caption]] : img
  },
}).configure({ inline: false, allowBase64: false })
