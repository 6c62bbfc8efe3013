import { err, ok, type Result } from '../../core/result.js'

/**
 * A node of a ProseMirror (Tiptap) document as its JSON stores it: the `doc` body format.
 * Only the shape is checked here; which types and attributes mean something is up to the
 * renderer (`docToHast`), which keeps the words of types it does not know.
 */
export interface DocNode {
  type: string
  attrs?: Record<string, unknown> | null
  content?: DocNode[]
  text?: string
  marks?: DocMark[]
}

export interface DocMark {
  type: string
  attrs?: Record<string, unknown> | null
}

/** An empty document: what an empty source (a new article, an empty textarea) stands for. */
export const EMPTY_DOC: DocNode = { type: 'doc', content: [] }

/** Deeper nesting than any article needs; it keeps recursive walks far from the stack limit. */
const MAX_DEPTH = 100

/**
 * Parses a `doc` body source: JSON whose root is a `doc` node, every node an object with a
 * string `type` and, where present, an array `content` of nodes, a string `text`, an object
 * `attrs` and an array `marks` of objects with a string `type`. An empty source is the empty
 * document. The error says what is wrong and where, e.g. `content.2.marks.0 has no "type"`.
 * @example parseDoc('{"type":"doc","content":[]}') // { ok: true, value: { type: 'doc', content: [] } }
 * @example parseDoc('{"type":"paragraph"}') // { ok: false, error: 'the document’s root must be of type "doc", not "paragraph"' }
 */
export function parseDoc(source: string): Result<DocNode, string> {
  if (source.trim() === '') return ok(EMPTY_DOC)
  let json: unknown
  try {
    json = JSON.parse(source)
  } catch (error) {
    return err(`not valid JSON: ${(error as Error).message}`)
  }
  if (!isObject(json)) return err('the document must be a JSON object with "type": "doc"')
  if (json.type !== 'doc') return err(`the document’s root must be of type "doc", not ${JSON.stringify(json.type) ?? 'missing'}`)
  const problem = nodeProblem(json, '', 0)
  return problem ? err(problem) : ok(json as unknown as DocNode)
}

function nodeProblem(node: unknown, path: string, depth: number): string | undefined {
  const where = path || 'the root'
  if (depth > MAX_DEPTH) return `${where} is nested deeper than ${MAX_DEPTH} levels`
  if (!isObject(node)) return `${where} is not a node object`
  if (typeof node.type !== 'string' || node.type === '') return `${where} has no "type"`
  if (node.text !== undefined && typeof node.text !== 'string') return `${at(path, 'text')} is not a string`
  if (node.type === 'text' && typeof node.text !== 'string') return `${where} is a text node without "text"`
  if (node.attrs !== undefined && node.attrs !== null && !isObject(node.attrs)) return `${at(path, 'attrs')} is not an object`
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) return `${at(path, 'marks')} is not an array`
    for (const [i, mark] of node.marks.entries()) {
      const markPath = at(path, `marks.${i}`)
      if (!isObject(mark) || typeof mark.type !== 'string' || mark.type === '') return `${markPath} has no "type"`
      if (mark.attrs !== undefined && mark.attrs !== null && !isObject(mark.attrs)) return `${at(markPath, 'attrs')} is not an object`
    }
  }
  if (node.content === undefined) return undefined
  if (!Array.isArray(node.content)) return `${at(path, 'content')} is not an array`
  for (const [i, child] of node.content.entries()) {
    const problem = nodeProblem(child, at(path, `content.${i}`), depth + 1)
    if (problem) return problem
  }
  return undefined
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key)

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
