import type { ImportFormat } from './detect-format.js'
import { openMastheadExport } from './export/open-masthead-export.js'
import { openGhostExport } from './ghost/open-ghost-export.js'
import { openHtmlPage } from './html/open-html-page.js'
import type { ImportSource } from './import-record.js'
import { openTextCapture } from './text/text-capture-source.js'
import { openWxr } from './wordpress/open-wxr.js'

/** The importer of each format: each opens a file and streams its records. */
export const OPENERS: Record<ImportFormat, (file: string) => Promise<ImportSource>> = {
  'text-capture': openTextCapture,
  'ghost-json': openGhostExport,
  'wxr': openWxr,
  'html-page': openHtmlPage,
  'masthead-export': openMastheadExport,
}
