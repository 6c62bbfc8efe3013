import type { Element, Root } from 'hast'
import { eachElement } from './each-element.js'

/** What the sanitiser puts before ids and names, so a body cannot clobber the page's own (`user-content-`). */
const PREFIX = 'user-content-'
const CLOBBERED = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'] as const

/**
 * Runs before the sanitiser: takes the clobber prefix off ids and names that already have it,
 * so the sanitiser adds exactly one. Without this, sanitising sanitised HTML again (a restore, a
 * re-import of an export) would give `user-content-user-content-…` and links to them would break.
 * @example unified().use(rehypeParse).use(unprefixClobbered).use(rehypeSanitize)
 */
export function unprefixClobbered() {
  const strip = (value: string) => {
    let out = value
    while (out.startsWith(PREFIX)) out = out.slice(PREFIX.length)
    return out
  }
  return (tree: Root) => {
    eachElement(tree, (el: Element) => {
      const properties: Record<string, unknown> = el.properties
      for (const name of CLOBBERED) {
        const value = properties[name]
        if (typeof value === 'string') properties[name] = strip(value)
        else if (Array.isArray(value)) properties[name] = value.map((v) => (typeof v === 'string' ? strip(v) : v))
      }
    })
  }
}
