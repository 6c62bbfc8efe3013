import { z } from 'zod'
import { err, ok, type Result } from '../../core/result.js'
import type { ImportProblem } from '../import-problem.js'
import { GhostData } from './ghost-export-schema.js'

export interface GhostExport {
  /** Ghost's version as the export states it (`4.1.0`), or undefined in old exports. */
  version: string | undefined
  data: GhostData
}

const Meta = z.object({ version: z.union([z.string(), z.number()]).transform(String).optional() }).nullish()
/** Ghost 1+ wraps the export in `{ db: [{ meta, data }] }`; some tools and older exports do not. */
const Wrapped = z.object({ db: z.array(z.object({ meta: Meta, data: z.unknown() })).min(1) })
const Bare = z.object({ meta: Meta, data: z.unknown() })

/**
 * Parses the text of a Ghost export and checks its structure. Posts stay unchecked here: each
 * is parsed on its own, so that one bad post is a problem with that post, not with the file.
 * @example readGhostExport('{"db":[{"meta":{"version":"4.1.0"},"data":{"posts":[]}}]}', 'ghost.json') // ok({ version: '4.1.0', data: … })
 */
export function readGhostExport(text: string, file: string): Result<GhostExport, ImportProblem> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return err({ file, message: `not valid JSON: ${message}`, ...lineOf(text, message) })
  }
  const wrapped = Wrapped.safeParse(json)
  const envelope = wrapped.success ? wrapped.data.db[0]! : Bare.safeParse(json).data
  if (!envelope || typeof envelope.data !== 'object' || envelope.data === null || !('posts' in envelope.data)) {
    return err({ file, message: 'not a Ghost export: there is no data.posts (expected { "db": [{ "meta", "data" }] } or { "meta", "data" })' })
  }
  const data = GhostData.safeParse(envelope.data)
  if (!data.success) {
    const issue = data.error.issues[0]!
    return err({ file, field: `data.${issue.path.join('.')}`, message: `not a valid Ghost export: data.${issue.path.join('.')}: ${issue.message}` })
  }
  return ok({ version: envelope.meta?.version, data: data.data })
}

/**
 * JSON.parse names a character position, or (Node 20, for an unexpected token) quotes the text
 * around it: 10 characters either side, with "..." where it cut. People want the line.
 */
function lineOf(text: string, message: string): { line?: number } {
  const at = (position: number) => ({ line: text.slice(0, Math.max(0, position)).split('\n').length })
  const stated = /\(line (\d+) column \d+\)/.exec(message)
  if (stated) return { line: Number(stated[1]) }
  const position = /at position (\d+)/.exec(message)
  if (position) return at(Number(position[1]))
  const quoted = /^Unexpected token .*?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message)
  if (quoted) {
    const [, cutBefore, context = '', cutAfter] = quoted
    if (cutBefore && cutAfter) {
      const found = text.indexOf(context)
      return found >= 0 ? at(found + 10) : {}
    }
    if (cutBefore) return at(text.length - context.length + 10)
    if (cutAfter) return at(context.length - 10)
    return {}
  }
  if (/end of (JSON|data)/i.test(message)) return { line: text.trimEnd().split('\n').length }
  return {}
}
