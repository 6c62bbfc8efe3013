/**
 * Highlight markers for FTS5 `highlight()` and `snippet()`: private-use characters that no
 * markup language gives a meaning, so the database's output is only ever treated as text.
 */
export const MARK_OPEN = '\uE000'
export const MARK_CLOSE = '\uE001'

/** A run of text, highlighted (`mark`) or not. Views print `text` escaped, so any content is safe. */
export interface HighlightPart {
  text: string
  mark: boolean
}

/**
 * Splits marker-delimited text into plain and highlighted runs. Markers that do not pair up
 * (say, a stray U+E000 in an article) never unbalance anything: a run is either marked or not.
 * @example toHighlightParts('a \uE000cat\uE001 sat') // [{ text: 'a ', mark: false }, { text: 'cat', mark: true }, { text: ' sat', mark: false }]
 */
export function toHighlightParts(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = []
  let mark = false
  let text = ''
  const flush = () => {
    if (text) parts.push({ text, mark })
    text = ''
  }
  for (const char of marked) {
    if (char === MARK_OPEN || char === MARK_CLOSE) {
      flush()
      mark = char === MARK_OPEN
    } else {
      text += char
    }
  }
  flush()
  return parts
}

/**
 * Whether any run is highlighted.
 * @example hasHighlight(toHighlightParts('no marks')) // false
 */
export const hasHighlight = (parts: HighlightPart[]): boolean => parts.some((p) => p.mark)

/**
 * The runs joined back into plain text.
 * @example plainText([{ text: 'a ', mark: false }, { text: 'cat', mark: true }]) // 'a cat'
 */
export const plainText = (parts: HighlightPart[]): string => parts.map((p) => p.text).join('')
