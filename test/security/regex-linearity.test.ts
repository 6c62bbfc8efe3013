import { describe, expect, it } from 'vitest'
import { slugify } from '../../src/content/articles/slug.js'
import { bodyText, renderBody } from '../../src/content/body/render-body.js'
import { parseSearchQuery } from '../../src/content/search/search-query.js'
import { detectFormat } from '../../src/importers/detect-format.js'
import { resolveBodyUrls } from '../../src/importers/ghost/ghost-urls.js'
import { splitByline } from '../../src/importers/html/split-byline.js'
import { looksLikeTextCapture, parseTextCapture } from '../../src/importers/text/parse-text-capture.js'
import { linkBareUrls, stripBlockComments, wpContentToHtml } from '../../src/importers/wordpress/wp-content-to-html.js'
import { expandShortcodes, parseAttributes } from '../../src/importers/wordpress/wp-shortcodes.js'
import { wpautop } from '../../src/importers/wordpress/wpautop.js'

/**
 * Every parser that runs regular expressions over imported or typed text, with the inputs that
 * make a backtracking regex super-linear: long runs that almost match, openers that never
 * close. Each is timed at n and at 10n characters; linear code takes about 10 times as long,
 * a quadratic regex 100 times. The bound leaves room for a busy machine, not for n².
 */
const CASES: [string, (input: string) => unknown, (n: number) => string][] = [
  ['detectFormat: a pile of empty comments', (s) => detectFormat(Buffer.from(s), 'x'), (n) => `${'<!---->'.repeat(n / 7)}x`],
  ['detectFormat: an unclosed comment', (s) => detectFormat(Buffer.from(s), 'x'), (n) => `${'<!--'.repeat(n / 4)}`],
  ['renderBody html: a long run of no-break spaces', (s) => renderBody('html', s), (n) => `<p>a${'&nbsp;'.repeat(n / 6)}b</p>`],
  ['renderBody markdown: a long run of spaces and tabs', (s) => renderBody('markdown', s), (n) => `a${' \t'.repeat(n / 2)}b`],
  ['bodyText: no-break spaces and single newlines', (s) => bodyText(s), (n) => `<p>a${'\u00a0\n\u00a0'.repeat(n / 3)}b</p>`],
  ['splitByline: a long run of dashes', (s) => splitByline(s), (n) => `By Ana${'-'.repeat(n)}b`],
  ['splitByline: a long run of spaces and dots', (s) => splitByline(s), (n) => `By Ana${' .'.repeat(n / 2)}b`],
  ['wpautop: a long run of spaces', (s) => wpautop(s), (n) => `a${' '.repeat(n)}b`],
  ['wpautop: unclosed comments', (s) => wpautop(s), (n) => '<!--'.repeat(n / 4)],
  ['wpautop: unclosed script tags', (s) => wpautop(s), (n) => '<script'.repeat(n / 7)],
  ['wpautop: unclosed pre tags', (s) => wpautop(s), (n) => '<pre '.repeat(n / 5)],
  ['wpautop: block tags that never end', (s) => wpautop(s), (n) => `x ${'<div'.repeat(n / 4)}`],
  ['wpautop: spaces before a figcaption', (s) => wpautop(s), (n) => `<figcaption>a</figcaption>${' '.repeat(n)}x`],
  ['wpautop: list items that never close a paragraph', (s) => wpautop(s), (n) => `<p><li${' x'.repeat(n / 2)}`],
  ['stripBlockComments: unclosed block comments', (s) => stripBlockComments(s), (n) => '<!-- wp:'.repeat(n / 8)],
  ['stripBlockComments: unclosed more markers', (s) => stripBlockComments(s), (n) => '<!--more'.repeat(n / 8)],
  ['expandShortcodes: openers without a closing bracket', (s) => expandShortcodes(s), (n) => '[caption '.repeat(n / 9)],
  ['expandShortcodes: enclosing shortcodes never closed', (s) => expandShortcodes(s), (n) => '[caption]x'.repeat(n / 10)],
  ['expandShortcodes: nested escapes', (s) => expandShortcodes(s), (n) => '[[a'.repeat(n / 3)],
  ['parseAttributes: unclosed quotes', (s) => parseAttributes(s), (n) => ' a="'.repeat(n / 4)],
  ['linkBareUrls: long address lines', (s) => linkBareUrls(s), (n) => `${'http://x.test/a '.repeat(n / 16)}\n`],
  ['wpContentToHtml: everything at once', (s) => wpContentToHtml(s), (n) => '<!-- wp:x [caption <script <!-- <pre  - '.repeat(n / 40)],
  ['resolveBodyUrls: unclosed attribute values', (s) => resolveBodyUrls(s, 'https://old.example'), (n) => ' src="/content/images/'.repeat(n / 22)],
  ['looksLikeTextCapture: one long line', (s) => looksLikeTextCapture(s), (n) => `· 1${' '.repeat(n)}min`],
  ['parseTextCapture: many short blocks', (s) => parseTextCapture(s, 'x'), (n) => `Headline\n\n· 1 min read\n\nalt\n\n${'a \n \n'.repeat(n / 5)}`],
  ['slugify: long runs of punctuation', (s) => slugify(s), (n) => `${'-!'.repeat(n / 2)}a`],
  ['parseSearchQuery: a long query', (s) => parseSearchQuery(s), (n) => '"a'.repeat(n / 2)],
]

/** The fastest of a few runs, in milliseconds. */
function fastest(run: () => unknown, times = 3): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

const N = 20_000
const FLOOR_MS = 2

describe('no runaway regular expressions in the parsers of untrusted text', () => {
  it.each(CASES)('%s: 10× the input takes well under 100× the time', (_name, parse, make) => {
    const small = make(N)
    const large = make(N * 10)
    fastest(() => parse(small), 1) // warm up
    // A quadratic parser is ~100× slower every time; a busy machine only now and then. So a
    // round over the bound is measured again, up to three rounds, and the best round counts.
    const rounds: string[] = []
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 3 && best >= 30; round++) {
      const t1 = Math.max(fastest(() => parse(small)), FLOOR_MS)
      const t10 = fastest(() => parse(large))
      best = Math.min(best, t10 / t1)
      rounds.push(`${t1.toFixed(1)} ms → ${t10.toFixed(1)} ms`)
    }
    expect(best, rounds.join('; ')).toBeLessThan(30)
  })

  it('detectFormat stays fast on the exponential case: 40 empty comments before anything else', () => {
    expect(fastest(() => detectFormat(Buffer.from(`${'<!---->'.repeat(40)}x`), 'x'))).toBeLessThan(50)
  })
})
