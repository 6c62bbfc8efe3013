import { parentPort, workerData } from 'node:worker_threads'
import type { SourceItem } from '../import-record.js'
import { readWxrHere } from './open-wxr.js'
import { BATCH_SIZE, BATCHES_AHEAD, type ReaderMessage } from './open-wxr-in-worker.js'

/**
 * The worker thread of `openWxrInWorker`: reads the file with `readWxrHere` and posts its items
 * in batches, never more than `BATCHES_AHEAD` that the writer has not taken yet.
 */
const port = parentPort!
let credits = BATCHES_AHEAD
let resume: (() => void) | undefined
port.on('message', () => {
  credits++
  const r = resume
  resume = undefined
  r?.()
})

const post = (message: ReaderMessage) => port.postMessage(message)
const source = await readWxrHere((workerData as { file: string }).file)
let batch: SourceItem[] = []
const send = async () => {
  while (credits === 0) await new Promise<void>((r) => { resume = r })
  credits--
  post({ type: 'items', items: batch, fraction: source.fraction?.() ?? 0 })
  batch = []
}
for await (const item of source.items) {
  batch.push(item)
  if (batch.length >= BATCH_SIZE) await send()
}
if (batch.length) await send()
post({ type: 'done', notes: source.notes() })
// Waiting for more credits is over: let the thread end (what it posted is still delivered).
port.unref()
