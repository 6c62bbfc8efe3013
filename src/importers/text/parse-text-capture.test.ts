import { describe, expect, it } from 'vitest'
import { parseTextCapture } from './parse-text-capture.js'

const capture = 'Tide tables move online\n\n· 2 min read\n\nA harbour at low tide\n\nFirst paragraph,\nwrapped.\n\nSecond paragraph.\n'

describe('parseTextCapture', () => {
  it('reads headline, stated minutes, alt text and paragraphs', () => {
    const result = parseTextCapture(capture, 'a.txt')
    expect(result).toEqual({
      ok: true,
      value: { headline: 'Tide tables move online', statedMinutes: 2, pictureAlt: 'A harbour at low tide', paragraphs: ['First paragraph, wrapped.', 'Second paragraph.'] },
    })
  })
  it('accepts Windows line ends and a byte-order mark', () => {
    const result = parseTextCapture('\uFEFF' + capture.replace(/\n/g, '\r\n'), 'a.txt')
    expect(result.ok && result.value.paragraphs).toHaveLength(2)
  })
  it('names the line when the headline is missing', () => {
    expect(parseTextCapture('· 1 min read\n\nalt\n\nBody.', 'b.txt')).toEqual({
      ok: false, error: { file: 'b.txt', line: 1, message: 'no headline: the capture starts with the reading-time line' },
    })
  })
  it('refuses a capture without body paragraphs', () => {
    const result = parseTextCapture('Headline\n\n· 1 min read\n\nalt text\n', 'c.txt')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toMatch(/no body paragraphs/)
    expect(!result.ok && result.error.line).toBe(6)
  })
  it('refuses text that is not a capture', () => {
    const result = parseTextCapture('Just some notes\n\nwith no reading time.', 'd.txt')
    expect(!result.ok && result.error.message).toMatch(/not a recognised format/)
  })
})
