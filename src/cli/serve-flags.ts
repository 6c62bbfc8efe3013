import { PerformanceObserver } from 'node:perf_hooks'
import v8 from 'node:v8'

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
  return semiSpaceChosen(execArgv, nodeOptions) ? [...execArgv] : [...execArgv, `--max-semi-space-size=${SERVE_SEMI_SPACE_MB}`]
}

/** Whether Node was given the V8 option `name` (dashes or underscores), on its command line or in NODE_OPTIONS. */
function optionGiven(name: string, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const given = new RegExp(`^--${name.replaceAll('-', '[-_]')}(=|$)`)
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((option) => given.test(option))
}

function semiSpaceChosen(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return optionGiven('max-semi-space-size', execArgv, nodeOptions)
}

/**
 * How far V8 lets the old generation grow past what survived the last full collection before
 * it collects again, in percent, in a serving process. V8's own factor, for a process allowed
 * gigabytes, goes up to 300 %: a server whose live data is 25 MB carried 110 MB of old space,
 * mostly pages its cache had already dropped. Set with V8's `--heap-growing-percent`, which V8
 * reads after every full collection, so it applies to a process already running.
 */
export const SERVE_HEAP_GROWING_PERCENT = 25

/**
 * The same for each of several worker processes (MASTHEAD_WORKERS), the setting chosen for
 * throughput rather than memory: a full collection pauses the requests queued on its worker, and
 * at 25 % they came often enough to show in the 99th percentile of 8 clients (two workers, 1,000,000
 * articles: 15–21 ms at 25 %, 14–15 ms at 100 %; BENCHMARKS.md).
 */
export const WORKER_HEAP_GROWING_PERCENT = 100

/** Applies `percent` as V8's heap growing percent to this process, unless it was started with one of its own. */
export function boundOldGeneration(percent: number, execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): void {
  if (optionGiven('heap-growing-percent', execArgv, nodeOptions)) return
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
}

/**
 * Keeps the young generation of this process, already running, near `semiSpaceMb` per
 * semi-space, as `--max-semi-space-size` would have at start (`masthead serve` is started as
 * `node bin/masthead.js serve`, with no say over Node's options, and V8 reads that one only when
 * it sets up the heap). V8 grows the young generation by doubling it after a collection in which
 * much survived, by its flag `--semi-space-growth-factor`, which it reads at each growth: after
 * each collection this sets the factor to 1 (no growth) once the young generation has reached
 * the bound, and back to 2 (V8's default) if V8 has since shrunk it below, as it does when idle.
 * Does nothing when the process was started with a size of its own. Returns a function that stops it.
 */
export function boundYoungGeneration(semiSpaceMb: number, execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): () => void {
  if (semiSpaceChosen(execArgv, nodeOptions)) return () => {}
  const bound = 2 * semiSpaceMb * 1024 * 1024
  let growing = true
  const check = () => {
    const size = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0
    if (growing === size < bound) return
    growing = size < bound
    v8.setFlagsFromString(`--semi-space-growth-factor=${growing ? 2 : 1}`)
  }
  const observer = new PerformanceObserver(check)
  observer.observe({ entryTypes: ['gc'] })
  return () => observer.disconnect()
}
