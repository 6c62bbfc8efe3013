/**
 * Replaces each span that starts where `open` matches and ends at the first match of its closing
 * pattern after that, as `text.replace(/OPEN[\s\S]*?CLOSE/g, replace)` would, but in linear time.
 * That regex scans to the end of the text for every opener that is never closed, so text full
 * of openers (`<!--<!--<!--…`) makes it quadratic; here a closing pattern found missing once is
 * not searched for again (it cannot turn up further on).
 * @example replaceSpans('a<!--x-->b<!--', /<!--/g, () => /-->/g, () => '') // 'ab<!--'
 */
export function replaceSpans(text: string, open: RegExp, closeFor: (opening: RegExpExecArray) => RegExp, replace: (span: string) => string): string {
  const opener = new RegExp(open.source, open.flags.includes('g') ? open.flags : `${open.flags}g`)
  const missing = new Set<string>()
  let out = ''
  let copied = 0
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    if (m[0] === '') opener.lastIndex++
    const pattern = closeFor(m)
    const key = `${pattern.source}/${pattern.flags}`
    if (missing.has(key)) continue
    const close = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
    close.lastIndex = m.index + m[0].length
    const end = close.exec(text)
    if (!end) {
      missing.add(key)
      continue
    }
    const stop = end.index + end[0].length
    out += text.slice(copied, m.index) + replace(text.slice(m.index, stop))
    copied = stop
    opener.lastIndex = stop
  }
  return out + text.slice(copied)
}
