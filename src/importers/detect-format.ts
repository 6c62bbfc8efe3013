import { err, ok, type Result } from '../core/result.js'
import { isTar, tarHoldsMastheadExport } from './export/sniff-export-tar.js'
import type { ImportProblem } from './import-problem.js'
import { looksLikeTextCapture } from './text/parse-text-capture.js'

export const IMPORT_FORMATS = ['text-capture', 'ghost-json', 'wxr', 'html-page', 'masthead-export'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** How much of a file detection reads: formats announce themselves early, and big files stay unread. */
export const SNIFF_BYTES = 64 * 1024

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a PNG picture', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG picture', [0xff, 0xd8, 0xff]],
  ['a GIF picture', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
]

/**
 * Tells which importer a file needs from the start of its content, not its name.
 * @example detectFormat(Buffer.from('Headline\n\n· 1 min read\n\nalt\n\nBody'), 'a.txt', 33) // ok('text-capture')
 */
export function detectFormat(head: Uint8Array, file: string, size = head.length): Result<ImportFormat, ImportProblem> {
  const problem = (message: string) => err({ file, message })
  if (size === 0) return problem('the file is empty')
  // Before the text checks: a tar is binary, but `masthead export --tar` makes one to import.
  if (isTar(head)) {
    if (tarHoldsMastheadExport(head)) return ok('masthead-export')
    return problem('not a recognised format: a tar archive that does not start with a Masthead export\'s site.json')
  }
  const signature = BINARY_SIGNATURES.find(([, magic]) => magic.every((b, i) => head[i] === b))
  if (signature) return problem(`not a recognised format: the file is ${signature[0]}, not an article export or capture`)
  // The sniffed head may end inside a multi-byte character: decode leniently, then check for damage.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head)
  const complete = size <= head.length
  const damaged = complete ? text.includes('\uFFFD') : text.slice(0, -4).includes('\uFFFD')
  if (damaged) return problem('not a recognised format: the file is not UTF-8 text')
  if (text.includes('\0')) return problem('not a recognised format: the file holds binary data')
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start === '') return problem('the file is empty (only whitespace)')

  if (start.startsWith('{')) {
    if (/"masthead_export"\s*:/.test(start)) return ok('masthead-export')
    if (/"(db|data|meta)"\s*:/.test(start) && /"(posts|meta|exported_on)"/.test(start)) return ok('ghost-json')
    return problem('not a recognised format: JSON that is neither a Ghost export nor a Masthead export')
  }
  if (/^<\?xml|^<rss[\s>]/i.test(start)) {
    if (/xmlns:wp="https?:\/\/wordpress\.org\/export\/1\.[0-9]+\/?"/.test(start)) return ok('wxr')
    return problem('not a recognised format: XML that is not a WordPress export (WXR 1.1 or 1.2)')
  }
  if (/^(<!doctype html|<html[\s>])/i.test(afterLeadingComments(start))) return ok('html-page')
  if (looksLikeTextCapture(start)) return ok('text-capture')
  return problem('not a recognised format: expected a text capture (a headline, a "· N min read" line, the picture\'s alt text, then paragraphs), a Ghost or Masthead JSON export, a WordPress WXR file or a saved HTML page')
}

/**
 * The text after any comments (and the whitespace between them) at its start. A loop, not
 * /^(<!--[\s\S]*?-->\s*)*…/: that regex can split a run of comments in exponentially many ways,
 * and forty empty comments in a file would stall the import.
 * @example afterLeadingComments('<!-- saved --> <html>') // '<html>'
 */
function afterLeadingComments(text: string): string {
  let at = 0
  while (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4)
    if (end === -1) return text.slice(at)
    at = end + 3
    while (at < text.length && /\s/.test(text[at]!)) at++
  }
  return text.slice(at)
}
