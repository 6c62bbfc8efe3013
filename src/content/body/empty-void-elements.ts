import type { Element, Root } from 'hast'
import { eachElement } from './each-element.js'

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * Runs after the sanitiser: an element that HTML writes without content (`<input>`, `<img>`)
 * loses any children it got in foreign content (`<math><input>text`), which would otherwise be
 * written as `<input>text</input>` and read back differently.
 * @example unified().use(rehypeSanitize).use(emptyVoidElements)
 */
export function emptyVoidElements() {
  return (tree: Root) => {
    eachElement(tree, (el: Element) => {
      if (VOID.has(el.tagName)) el.children = []
    })
  }
}
