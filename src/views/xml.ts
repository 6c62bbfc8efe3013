/**
 * A few lines of XML writing for the RSS and Atom feeds. Text and attribute values are always
 * escaped here, and only these helpers make `Xml`, so unescaped text cannot end up in a feed.
 */
export type Xml = string & { readonly __xml: unique symbol }

type Attributes = Record<string, string | number | undefined>

/** Characters XML 1.0 forbids even as references (controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Escapes text for XML content or a double-quoted attribute, dropping characters XML cannot carry.
 * @example escapeXml('Fish & "chips" <today>') // 'Fish &amp; &quot;chips&quot; &lt;today&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/**
 * An element holding text, escaped.
 * @example textElement('title', 'A & B') // '<title>A &amp; B</title>'
 */
export function textElement(name: string, text: string, attributes: Attributes = {}): Xml {
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>` as Xml
}

/**
 * An element holding other elements, or an empty one when there are none.
 * @example element('link', { rel: 'self', href: 'https://x.test/atom/' }) // '<link rel="self" href="https://x.test/atom/"/>'
 */
export function element(name: string, attributes: Attributes, children: readonly Xml[] = []): Xml {
  const open = `${name}${attributesOf(attributes)}`
  return (children.length ? `<${open}>\n${children.join('\n')}\n</${name}>` : `<${open}/>`) as Xml
}

/**
 * A whole document: the XML declaration and the root element.
 * @example xmlDocument(element('rss', { version: '2.0' }))
 */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root}\n`
}

/** Attributes whose value is undefined are left out. */
function attributesOf(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('')
}
