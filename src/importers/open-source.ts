import type { ImportFormat } from './detect-format.js'
import { openGhostExport } from './ghost/open-ghost-export.js'
import { openHtmlPage } from './html/open-html-page.js'
import type { ImportSource } from './import-record.js'
import { openTextCapture } from './text/text-capture-source.js'
import { openWxr } from './wordpress/open-wxr.js'

/** The formats read as a stream of records; a Masthead export is restored whole instead (restore-export.ts). */
export type RecordFormat = Exclude<ImportFormat, 'masthead-export'>

/** The importer of each format: each opens a file and streams its records. */
export const OPENERS: Record<RecordFormat, (file: string) => Promise<ImportSource>> = {
  'text-capture': openTextCapture,
  'ghost-json': openGhostExport,
  'wxr': openWxr,
  'html-page': openHtmlPage,
}
