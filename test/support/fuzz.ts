import fc from 'fast-check'

/**
 * How many cases each property tries: a short run in `npm test`, and as many as
 * MASTHEAD_FUZZ_RUNS says in a long run (`node scripts/fuzz.js 100000`).
 */
export const FUZZ_RUNS = Number(process.env.MASTHEAD_FUZZ_RUNS ?? 150)

/** fast-check parameters for one property; a failure prints the seed and path to replay it. */
export const fuzzParams = (share = 1): fc.Parameters<unknown> => ({
  numRuns: Math.max(10, Math.round(FUZZ_RUNS * share)),
  ...(process.env.MASTHEAD_FUZZ_SEED && { seed: Number(process.env.MASTHEAD_FUZZ_SEED) }),
})

/** Text of any kind: every Unicode code point, lone surrogates included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 200 })

const TAGS = ['p', 'a', 'img', 'script', 'style', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select',
  'option', 'template', 'noscript', 'xmp', 'title', 'base', 'meta', 'link', 'table', 'td', 'div', 'span', 'b', 'figure', 'figcaption',
  'mglyph', 'mtext', 'foreignObject', 'animate', 'set', 'use', 'image', 'details', 'body', 'html', 'frameset', 'Script', 'SCRIPT']
const ATTRIBUTES = ['href', 'src', 'srcset', 'onerror', 'onload', 'onclick', 'ONMOUSEOVER', 'style', 'formaction', 'action', 'xlink:href',
  'data', 'srcdoc', 'title', 'alt', 'class', 'id', 'name', 'is', 'autofocus', 'open', 'ontoggle', 'values', 'attributeName', 'to', 'from']
const VALUES = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', '&#106;avascript:alert(1)', 'jav&#x0A;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'alert(1)', 'https://example.com/a.jpg', '/local', 'x" onerror="alert(1)',
  "x' onload='alert(1)", '\u2028javascript:alert(1)', 'expression(alert(1))', 'url(javascript:alert(1))', '&quot;&gt;&lt;script&gt;',
  // An allow-listed embed's frame, and near misses of it.
  'https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://youtube.com@evil.test/embed/dQw4w9WgXcQ', '//www.youtube.com/embed/dQw4w9WgXcQ']

/** HTML-ish text: tags and attributes that matter to an attacker, mixed with arbitrary text, often malformed. */
export const htmlish = fc.array(fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.constantFrom(...VALUES), anyText), fc.constantFrom('"', "'", '', '`')), { maxLength: 3 }), fc.boolean())
    .map(([tag, attributes, selfClose]) => `<${tag}${attributes.map(([n, v, q]) => ` ${n}=${q}${v}${q}`).join('')}${selfClose ? '/' : ''}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
  fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<?xml ?>', '<!doctype html>', '&lt;', '&#0;', '\u0000', '<', '>', '"', "'", '`', '\n', '[caption]', '[/caption]'),
  anyText,
), { maxLength: 25 }).map((parts) => parts.join(''))
