/**
 * A port of WordPress's `wpautop()` (wp-includes/formatting.php): classic-editor posts are
 * stored as text where a blank line separates paragraphs and a single newline is a line break.
 * Kept close to the original, regex for regex, so posts read as they did on the old site;
 * `<option>`, `<object>` and `<source>` tidying are left out (the sanitiser drops those anyway).
 */

import { replaceSpans } from '../../core/replace-spans.js'

const ALL_BLOCKS = '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'
/** Private-use characters stand in for newlines inside tags and for `<pre>` blocks while paragraphs are cut. */
const TAG_NEWLINE = '\uE000'
const PRE_MARK = '\uE001'

const OPEN_BLOCK = new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, 'g')
const CLOSE_BLOCK = new RegExp(`(</${ALL_BLOCKS}>)`, 'g')
// `[^<>]*` where WordPress has `[^>]*`: a block tag never holds a `<`, and stopping there keeps a
// run of unclosed `<div<div<div…` linear instead of scanning ahead from every one of them.
const EMPTY_BLOCK_P = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^<>]*>)\\s*</p>`, 'g')
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^<>]*>)`, 'g')
const P_AFTER_BLOCK = new RegExp(`(</?${ALL_BLOCKS}[^<>]*>)\\s*</p>`, 'g')
const BR_AFTER_BLOCK = new RegExp(`(</?${ALL_BLOCKS}[^<>]*>)\\s*<br />`, 'g')

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
    text = replaceSpans(text, /<pre[\s>]/gi, () => /<\/pre>/gi, (pre) => `<pre ${PRE_MARK}${pres.push(pre) - 1}${PRE_MARK}></pre>`)
  }
  // Each step that needs a tag or character to match anything is skipped when the text has none.
  if (text.includes('<br')) text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, '\n\n')
  text = text.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n')
  if (text.includes('<hr')) text = text.replace(/(<hr\s*?\/?>)/g, '$1\n\n')
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  // Newlines inside a tag (or a comment) are not line breaks.
  text = mapTags(text, (tag) => (tag.includes('\n') ? tag.replace(/\n/g, TAG_NEWLINE) : tag))
  if (text.includes('<figcaption')) {
    text = text.replace(/\s+/g, (run, at: number, all: string) => (all.startsWith('<figcaption', at + run.length) ? '' : run))
      .replace(/<\/figcaption>\s*/g, '</figcaption>')
  }
  text = text.replace(/\n\n+/g, '\n\n')
  text = text.split(/\n\s*\n/).filter((p) => p !== '').map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('')
  text = text.replace(/<p>\s*<\/p>/g, '')
  if (text.includes('</div>') || text.includes('</address>') || text.includes('</form>')) text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>')
  text = text.replace(EMPTY_BLOCK_P, '$1')
  if (text.includes('<p><li')) text = text.replace(/<p>(<li.+?)<\/p>/g, '$1')
  if (/<p><blockquote/i.test(text)) text = text.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
  text = text.replaceAll('</blockquote></p>', '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
  // Single newlines become line breaks, except inside script, style, svg and math.
  const kept: string[] = []
  text = lineBreaks(replaceSpans(text, /<(script|style|svg|math)/g, (m) => new RegExp(`</${m[1]}>`, 'g'), (block) => `\uE002${kept.push(block) - 1}\uE002`)
    .replaceAll('<br>', '<br />'))
  if (text.includes('\uE002')) text = text.replace(/\uE002(\d+)\uE002/g, (_, i: string) => kept[Number(i)]!)
  if (text.includes('<br />')) {
    text = text.replace(BR_AFTER_BLOCK, '$1')
      .replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, '$1')
  }
  text = text.replace(/\n<\/p>$/, '</p>')
  if (pres.length) text = text.replace(new RegExp(`<pre ${PRE_MARK}(\\d+)${PRE_MARK}></pre>`, 'g'), (_, i: string) => pres[Number(i)]!)
  return text.includes(TAG_NEWLINE) ? text.replaceAll(TAG_NEWLINE, '\n') : text
}

/**
 * Applies `fn` to every comment and tag, as `text.replace(/<!--[\s\S]*?-->|<[^<>]*>/g, fn)` does,
 * in linear time: once no `-->` is left, a `<!--` is read as a tag, as the regex would, without
 * looking for a close that is not there again and again.
 */
function mapTags(text: string, fn: (tag: string) => string): string {
  let out = ''
  let copied = 0
  let commentsCanClose = true
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i)) {
    if (commentsCanClose && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end !== -1) {
        out += text.slice(copied, i) + fn(text.slice(i, end + 3))
        copied = i = end + 3
        continue
      }
      commentsCanClose = false
    }
    let j = i + 1
    while (j < text.length && text[j] !== '<' && text[j] !== '>') j++
    if (text[j] !== '>') {
      i = j
      continue
    }
    out += text.slice(copied, i) + fn(text.slice(i, j + 1))
    copied = i = j + 1
  }
  return out + text.slice(copied)
}

/**
 * Single newlines to `<br />`, as `text.replace(/(?<!<br \/>)\s*\n/g, '<br />\n')` does: each
 * whitespace run up to its last newline, except right after a `<br />`. Done per run, because
 * that regex retries a long run of spaces from every one of its characters; and only the runs
 * holding a newline are looked at (found from the newline out), not every space between words.
 */
function lineBreaks(text: string): string {
  let out = ''
  let copied = 0
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', copied)) {
    // The previous run ended at `copied`, so this one cannot reach back past it.
    let start = newline
    while (start > copied && WHITESPACE.test(text[start - 1]!)) start--
    let end = newline + 1
    while (end < text.length && WHITESPACE.test(text[end]!)) end++
    const run = text.slice(start, end)
    const lastNewline = run.lastIndexOf('\n')
    const keep = text.endsWith('<br />', start) ? 1 : 0
    out += text.slice(copied, start) + (lastNewline < keep ? run : `${run.slice(0, keep)}<br />\n${run.slice(lastNewline + 1)}`)
    copied = end
  }
  return out + text.slice(copied)
}

/** One character that `\s` matches. */
const WHITESPACE = /^\s$/
