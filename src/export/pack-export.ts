import path from 'node:path'
import * as tar from 'tar'
import { MEDIA_FOLDER, SITE_JSON } from './export-format.js'

/**
 * Packs an export folder into one tar file whose entries sit under the folder's name.
 * site.json goes first, so format detection finds it within the file's first 64 KB.
 * @example await packExport('/tmp/x/masthead-export-20260601T120000Z', 'masthead-export-20260601T120000Z.tar')
 */
export async function packExport(folder: string, tarFile: string): Promise<void> {
  const name = path.basename(folder)
  // portable: no owner names or ids of this machine in the archive.
  await tar.create({ file: tarFile, cwd: path.dirname(folder), portable: true }, [`${name}/${SITE_JSON}`, `${name}/${MEDIA_FOLDER}`])
}
