import { describe, expect, it } from 'vitest'
import { replaceSpans } from './replace-spans.js'

describe('replaceSpans', () => {
  const cases: [string, RegExp, (m: RegExpExecArray) => RegExp][] = [
    ['a<!--x-->b<!--y-->c<!--', /<!--/g, () => /-->/g],
    ['<script>1</script><style>2</style><script>', /<(script|style)/g, (m) => new RegExp(`</${m[1]}>`, 'g')],
    ['<PRE x>a</pre> <pre>b</PRE> <pre', /<pre[\s>]/gi, () => /<\/pre>/gi],
    ['<!-->--> <!---->', /<!--/g, () => /-->/g],
  ]
  it.each(cases)('does what the lazy regex does: %s', (text, open, closeFor) => {
    const lazy = new RegExp(`${open.source}[\\s\\S]*?${closeFor(open.exec(text)!).source.replace(/script|style/, '\\1')}`, open.flags)
    open.lastIndex = 0
    expect(replaceSpans(text, open, closeFor, (s) => `[${s}]`)).toBe(text.replace(lazy, (s) => `[${s}]`))
  })
})
