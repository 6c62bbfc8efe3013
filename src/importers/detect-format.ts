import { err, ok, type Result } from '../core/result.js'
import type { ImportProblem } from './import-problem.js'
import { looksLikeTextCapture } from './text/parse-text-capture.js'

export type ImportFormat = 'text-capture'

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a PNG picture', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG picture', [0xff, 0xd8, 0xff]],
  ['a GIF picture', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
]

/**
 * Tells which importer a file needs from its content, not its name.
 * @example detectFormat(Buffer.from('Headline\n\n· 1 min read\n\nalt\n\nBody'), 'a.txt') // ok('text-capture')
 */
export function detectFormat(bytes: Uint8Array, file: string): Result<{ format: ImportFormat; text: string }, ImportProblem> {
  const problem = (message: string) => err({ file, message })
  if (bytes.length === 0) return problem('the file is empty')
  const signature = BINARY_SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b))
  if (signature) return problem(`not a recognised format: the file is ${signature[0]}, not an article export or capture`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return problem('not a recognised format: the file is not UTF-8 text')
  }
  if (text.includes('\0')) return problem('not a recognised format: the file holds binary data')
  if (text.trim() === '') return problem('the file is empty (only whitespace)')
  if (looksLikeTextCapture(text)) return ok({ format: 'text-capture', text })
  return problem('not a recognised format: expected a text capture (a headline, a "· N min read" line, the picture\'s alt text, then paragraphs)')
}
