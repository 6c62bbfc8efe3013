import { bodyText } from '../content/body/render-body.js'

/**
 * The opening of a body as plain text, cut at a word and marked with an ellipsis when shortened:
 * the description of an article that has no dek.
 * @example excerpt('<p>Fish &#x26; chips are back.</p>', 12) // 'Fish & chips…'
 */
export function excerpt(html: string, max = 200): string {
  const text = bodyText(html).replace(/\s+/g, ' ')
  if ([...text].length <= max) return text
  const cut = [...text].slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`
}
