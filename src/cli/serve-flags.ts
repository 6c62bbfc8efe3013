/**
 * The largest semi-space of V8's young generation in a serving process, in MB. V8's default lets
 * the young generation grow to 32 MB (two semi-spaces of 16 MB) under a steady stream of
 * requests, and it stays that large; a request's garbage is small and short-lived, so 4 MB
 * semi-spaces collect it as well, for 20–30 MB less resident memory.
 */
export const SERVE_SEMI_SPACE_MB = 4

/**
 * The Node options a serving worker process starts with: the parent's, plus the bounded young
 * generation unless the parent's options or NODE_OPTIONS already choose a size.
 * @example serveExecArgv([], undefined) // ['--max-semi-space-size=4']
 */
export function serveExecArgv(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const chosen = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((option) => /^--max[-_]semi[-_]space[-_]size(=|$)/.test(option))
  return chosen ? [...execArgv] : [...execArgv, `--max-semi-space-size=${SERVE_SEMI_SPACE_MB}`]
}
