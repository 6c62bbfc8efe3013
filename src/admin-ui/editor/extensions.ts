import type { Extensions } from '@tiptap/core'
import { Link } from '@tiptap/extension-link'
import { StarterKit } from '@tiptap/starter-kit'
import { isSafeLinkAddress } from './link-address.js'
import { EmbedNode } from './embed-node.js'
import { Picture } from './picture-node.js'

/**
 * What a body can hold: exactly what the server's `doc` renderer knows. Paragraphs, headings
 * 2–4, bold, italic, inline code, links, lists, quotes, line breaks, rules, pictures and embeds, with
 * StarterKit's keyboard shortcuts (Ctrl+B, Ctrl+I, Ctrl+Z, Ctrl+Shift+8 …) and typing rules
 * (`## ` makes a heading, `- ` a list). Code blocks, strike-through and underline are left
 * out: a news page has no style for them.
 */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      isAllowedUri: (url) => isSafeLinkAddress(url),
      HTMLAttributes: { target: null, rel: null, class: null },
    }),
    Picture,
    EmbedNode,
  ]
}
