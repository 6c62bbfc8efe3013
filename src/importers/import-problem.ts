/** Why a file cannot be imported: names the file, and the line or field where that is known. */
export interface ImportProblem {
  file: string
  message: string
  line?: number
  /** The record within the file, e.g. `post 42 "Hello world"`. */
  record?: string
  field?: string
}

/**
 * One line a person can act on: `seed.txt, line 3: no headline before the reading-time line`.
 * @example describeProblem({ file: 'a.txt', message: 'the file is empty' }) // 'a.txt: the file is empty'
 */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.line !== undefined ? `line ${problem.line}` : '', problem.record ?? '', problem.field ? `field "${problem.field}"` : '']
    .filter(Boolean).join(', ')
  return `${problem.file}${where ? `, ${where}` : ''}: ${problem.message}`
}
