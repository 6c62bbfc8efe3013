import type { ImportProgress } from '../importers/import-files.js'

const BAR_WIDTH = 24
/** On a terminal, redraw at most this often; in a log, print a line every this many records. */
const REDRAW_MS = 100
const LINE_EVERY = 1000

/**
 * Shows import progress: a redrawn bar on a terminal, plain lines in a log or pipe.
 * The number of records is unknown while streaming, so the bar shows the share of the file read.
 */
export function progressReporter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true
  let lastDraw = 0
  let lastFile = ''
  const describe = (p: ImportProgress) =>
    `${p.records.toLocaleString('en')} records: ${p.created} created, ${p.updated} updated, ${p.skipped} skipped`
  return {
    update(p: ImportProgress) {
      const now = Date.now()
      if (tty) {
        if (now - lastDraw < REDRAW_MS && p.file === lastFile) return
        lastDraw = now
        lastFile = p.file
        const filled = Math.round(Math.min(1, p.fraction ?? 0) * BAR_WIDTH)
        stream.write(`\r\x1b[K${p.file} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${describe(p)}`)
      } else if (p.records % LINE_EVERY === 0) {
        stream.write(`${p.file}: ${describe(p)}\n`)
      }
    },
    done(p: ImportProgress | undefined) {
      if (!p) return
      stream.write(tty ? `\r\x1b[K${p.file}: ${describe(p)}\n` : `${p.file}: ${describe(p)} (done)\n`)
    },
  }
}
