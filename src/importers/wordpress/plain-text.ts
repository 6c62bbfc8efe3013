import { bodyText } from '../../content/body/render-body.js'

/**
 * WordPress titles and excerpts are HTML (`Title <em>With</em> Markup`, `Fish &amp; chips`):
 * this is their text, tags dropped, entities decoded, whitespace collapsed.
 * @example plainText('Fish &amp; <em>chips</em>\n') // 'Fish & chips'
 */
export function plainText(html: string): string {
  const text = /[<&]/.test(html) ? bodyText(html) : html
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Cuts text to at most `max` characters at a word boundary, ending with an ellipsis when cut.
 * @example clip('one two three', 9) // 'one two…'
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
