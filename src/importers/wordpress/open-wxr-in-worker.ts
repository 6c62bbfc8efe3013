import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportSource, SourceItem } from '../import-record.js'

/** The worker's module, next to this one once compiled (dist/); run from TypeScript sources there is none. */
const WORKER_MODULE = new URL('./wxr-reader-thread.js', import.meta.url)

/** What the reader thread posts: a batch of items (with how far into the file it is), then its notes. */
export type ReaderMessage =
  | { type: 'items'; items: SourceItem[]; fraction: number }
  | { type: 'done'; notes: string[] }

/** Batches the reader thread may post ahead of the writer: a few hundred records, a few megabytes at most. */
export const BATCHES_AHEAD = 4
export const BATCH_SIZE = 64

/** Whether the worker's module exists (it does in the build; tests run from sources read in-process). */
export function canReadInWorker(): boolean {
  return fs.existsSync(fileURLToPath(WORKER_MODULE))
}

/**
 * A WordPress export read by `readWxrHere` on a worker thread: parsing the XML, wpautop and the
 * rest of turning items into records run on one core while the caller writes articles on the
 * other. Records come over in batches, at most `BATCHES_AHEAD` ahead of the caller (each batch
 * taken lets the thread post one more), so memory stays bounded. The records are the same plain
 * data in the same order as in-process. Iterate the items to the end or leave them early (which
 * stops the thread); a source whose items are never iterated keeps its thread waiting.
 */
export async function openWxrInWorker(file: string): Promise<ImportSource> {
  const worker = new Worker(WORKER_MODULE, { workerData: { file } })
  const batches: SourceItem[][] = []
  let fraction = 0
  let notes: string[] = []
  let finished = false
  let failure: unknown
  let wake: (() => void) | undefined
  const wakeUp = () => { const w = wake; wake = undefined; w?.() }
  worker.on('message', (message: ReaderMessage) => {
    if (message.type === 'items') {
      batches.push(message.items)
      fraction = message.fraction
    } else {
      notes = message.notes
      finished = true
    }
    wakeUp()
  })
  worker.on('error', (error) => { failure = error; wakeUp() })
  worker.on('exit', (code) => {
    if (!finished && failure === undefined) failure = new Error(`the WXR reader thread stopped early (exit code ${code})`)
    wakeUp()
  })

  async function* items(): AsyncGenerator<SourceItem> {
    try {
      for (;;) {
        const batch = batches.shift()
        if (batch) {
          worker.postMessage('more')
          yield* batch
        } else if (failure !== undefined) {
          throw failure
        } else if (finished) {
          return
        } else {
          await new Promise<void>((resolve) => { wake = resolve })
        }
      }
    } finally {
      await worker.terminate()
    }
  }

  return { format: 'wxr', items: items(), notes: () => notes, fraction: () => (finished && batches.length === 0 ? 1 : fraction) }
}
