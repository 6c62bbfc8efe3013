/**
 * A port of WordPress's `wpautop()` (wp-includes/formatting.php): classic-editor posts are
 * stored as text where a blank line separates paragraphs and a single newline is a line break.
 * Kept close to the original, regex for regex, so posts read as they did on the old site;
 * `<option>`, `<object>` and `<source>` tidying are left out (the sanitiser drops those anyway).
 */

const ALL_BLOCKS = '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'
/** Private-use characters stand in for newlines inside tags and for `<pre>` blocks while paragraphs are cut. */
const TAG_NEWLINE = '\uE000'
const PRE_MARK = '\uE001'

const OPEN_BLOCK = new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, 'g')
const CLOSE_BLOCK = new RegExp(`(</${ALL_BLOCKS}>)`, 'g')
const EMPTY_BLOCK_P = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g')
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`, 'g')
const P_AFTER_BLOCK = new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g')
const BR_AFTER_BLOCK = new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`, 'g')

/**
 * Wraps blank-line-separated blocks in `<p>`, turns single newlines into `<br />`, and leaves
 * block-level elements and `<pre>` contents alone.
 * @example wpautop('One\ntwo\n\nThree') // '<p>One<br />\ntwo</p>\n<p>Three</p>\n'
 */
export function wpautop(input: string): string {
  if (input.trim() === '') return ''
  let text = `${input}\n`
  const pres: string[] = []
  // <pre> keeps its newlines: set each aside and put it back at the end.
  if (text.includes('<pre')) {
    text = text.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => `<pre ${PRE_MARK}${pres.push(pre) - 1}${PRE_MARK}></pre>`)
  }
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, '\n\n')
    .replace(OPEN_BLOCK, '\n\n$1')
    .replace(CLOSE_BLOCK, '$1\n\n')
    .replace(/(<hr\s*?\/?>)/g, '$1\n\n')
    .replace(/\r\n?/g, '\n')
    // Newlines inside a tag (or a comment) are not line breaks.
    .replace(/<!--[\s\S]*?-->|<[^<>]*>/g, (tag) => tag.replace(/\n/g, TAG_NEWLINE))
  if (text.includes('<figcaption')) text = text.replace(/\s*(<figcaption[^>]*>)/g, '$1').replace(/<\/figcaption>\s*/g, '</figcaption>')
  text = text.replace(/\n\n+/g, '\n\n')
  text = text.split(/\n\s*\n/).filter((p) => p !== '').map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('')
  text = text.replace(/<p>\s*<\/p>/g, '')
    .replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>')
    .replace(EMPTY_BLOCK_P, '$1')
    .replace(/<p>(<li.+?)<\/p>/g, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replaceAll('</blockquote></p>', '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
  // Single newlines become line breaks, except inside script, style, svg and math.
  const kept: string[] = []
  text = text.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/g, (block) => `\uE002${kept.push(block) - 1}\uE002`)
    .replaceAll('<br>', '<br />')
    .replace(/(?<!<br \/>)\s*\n/g, '<br />\n')
    .replace(/\uE002(\d+)\uE002/g, (_, i: string) => kept[Number(i)]!)
    .replace(BR_AFTER_BLOCK, '$1')
    .replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, '$1')
    .replace(/\n<\/p>$/, '</p>')
  if (pres.length) text = text.replace(new RegExp(`<pre ${PRE_MARK}(\\d+)${PRE_MARK}></pre>`, 'g'), (_, i: string) => pres[Number(i)]!)
  return text.replaceAll(TAG_NEWLINE, '\n')
}
