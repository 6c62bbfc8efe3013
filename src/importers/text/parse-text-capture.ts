import { err, ok, type Result } from '../../core/result.js'
import type { ImportProblem } from '../import-problem.js'

/** An article page captured as plain text: headline, `· N min read`, the picture's alt text, paragraphs. */
export interface TextCapture {
  headline: string
  statedMinutes: number
  pictureAlt: string
  paragraphs: string[]
}

interface Block {
  text: string
  line: number
}

const READING_TIME_LINE = /^·?\s*(\d{1,4})\s*min(?:ute)?s?\s+read$/iu
const MAX_HEADLINE = 300

/** Whether text looks like a capture at all: a reading-time line among its first blocks. */
export function looksLikeTextCapture(text: string): boolean {
  return toBlocks(text).slice(0, 3).some((b) => READING_TIME_LINE.test(b.text))
}

/**
 * Parses a text capture; a problem names the line it was found on.
 * @example parseTextCapture('Headline\n\n· 1 min read\n\nalt\n\nBody.', 'a.txt')
 */
export function parseTextCapture(text: string, file: string): Result<TextCapture, ImportProblem> {
  const blocks = toBlocks(text)
  const problem = (message: string, line?: number) => err({ file, message, ...(line === undefined ? {} : { line }) })
  const timeIndex = blocks.findIndex((b) => READING_TIME_LINE.test(b.text))
  if (timeIndex === -1 || timeIndex > 2) {
    return problem('not a recognised format: expected a text capture (a headline, a "· N min read" line, the picture\'s alt text, then paragraphs)')
  }
  if (timeIndex === 0) return problem('no headline: the capture starts with the reading-time line', blocks[0]!.line)
  if (timeIndex === 2) return problem('the headline must be a single paragraph directly before the reading-time line', blocks[1]!.line)

  const [title, time, alt, ...rest] = blocks as [Block, Block, Block | undefined, ...Block[]]
  const headline = title.text.replace(/\s+/g, ' ')
  if ([...headline].length > MAX_HEADLINE) return problem(`the headline is longer than ${MAX_HEADLINE} characters`, title.line)
  if (!alt) return problem('no picture alt text after the reading-time line', time.line + 1)
  if (alt.text.includes('\n')) return problem('the picture alt text must be a single line', alt.line)
  if (rest.length === 0) return problem('no body paragraphs after the picture alt text', alt.line + 1)

  return ok({
    headline,
    statedMinutes: Number(READING_TIME_LINE.exec(time.text)![1]),
    pictureAlt: alt.text,
    paragraphs: rest.map((b) => b.text.replace(/\s*\n\s*/g, ' ')),
  })
}

function toBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let current: string[] = []
  let start = 0
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') {
      if (current.length) blocks.push({ text: current.join('\n'), line: start })
      current = []
    } else {
      if (!current.length) start = i + 1
      current.push(line)
    }
  })
  if (current.length) blocks.push({ text: current.join('\n'), line: start })
  return blocks
}
