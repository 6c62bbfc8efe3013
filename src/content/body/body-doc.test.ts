import { describe, expect, it } from 'vitest'
import { EMPTY_DOC, parseDoc } from './body-doc.js'

describe('parseDoc', () => {
  it('takes a document, and an empty source as the empty document', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: 'Hi', marks: [{ type: 'bold' }] }] }] }
    expect(parseDoc(JSON.stringify(doc))).toEqual({ ok: true, value: doc })
    expect(parseDoc('  \n')).toEqual({ ok: true, value: EMPTY_DOC })
    expect(parseDoc('{"type":"doc"}')).toEqual({ ok: true, value: { type: 'doc' } })
  })

  const refused: [string, string, RegExp][] = [
    ['JSON that does not parse', '{"type":"doc",', /^not valid JSON: /],
    ['a JSON array', '[]', /must be a JSON object with "type": "doc"/],
    ['a string', '"doc"', /must be a JSON object/],
    ['a root of another type', '{"type":"paragraph"}', /root must be of type "doc", not "paragraph"/],
    ['a root without a type', '{"content":[]}', /root must be of type "doc", not missing/],
    ['content that is not an array', '{"type":"doc","content":{}}', /^content is not an array$/],
    ['a node without a type', '{"type":"doc","content":[{"type":"paragraph"},{"content":[]}]}', /^content\.1 has no "type"$/],
    ['a text node without text', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text"}]}]}', /^content\.0\.content\.0 is a text node without "text"$/],
    ['text that is not a string', '{"type":"doc","content":[{"type":"text","text":5}]}', /^content\.0\.text is not a string$/],
    ['a mark without a type', '{"type":"doc","content":[{"type":"text","text":"x","marks":[{"attrs":{}}]}]}', /^content\.0\.marks\.0 has no "type"$/],
    ['marks that are not an array', '{"type":"doc","content":[{"type":"text","text":"x","marks":"bold"}]}', /^content\.0\.marks is not an array$/],
    ['attrs that are not an object', '{"type":"doc","content":[{"type":"image","attrs":[1]}]}', /^content\.0\.attrs is not an object$/],
  ]
  it.each(refused)('refuses %s, saying what is wrong', (_name, source, message) => {
    const result = parseDoc(source)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(message)
  })

  it('refuses nesting deeper than any article needs, without overflowing the stack', () => {
    const depth = 5000
    const source = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"text","text":"deep"}${']}'.repeat(depth)}]}`
    const result = parseDoc(source)
    expect(!result.ok && result.error).toMatch(/nested deeper than 100 levels/)
  })
})
