import type { ImportSource } from '../import-record.js'

/** Not available yet: names the missing importer instead of guessing at the file. */
export async function openHtmlPage(file: string): Promise<ImportSource> {
  throw new Error(`${file}: importing this format is not available yet`)
}
