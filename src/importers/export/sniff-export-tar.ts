import { Header } from 'tar'
import { SITE_JSON } from '../../export/export-format.js'

const BLOCK = 512

/**
 * Whether bytes start a tar archive: POSIX and GNU tar write `ustar` at offset 257.
 * @example isTar(fs.readFileSync('masthead-export-20260601T120000Z.tar')) // true
 */
export function isTar(head: Uint8Array): boolean {
  return head.length >= BLOCK && new TextDecoder().decode(head.subarray(257, 262)) === 'ustar'
}

/**
 * Whether the start of a tar archive holds a Masthead export: an entry named `site.json`
 * (at the top or in one folder) whose content begins with the `masthead_export` header.
 * `masthead export --tar` writes site.json first, so the first 64 KB are enough.
 * @example tarHoldsMastheadExport(head) // true for `masthead export --tar` output
 */
export function tarHoldsMastheadExport(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  for (let offset = 0; offset + BLOCK <= bytes.length;) {
    const header = new Header(bytes, offset)
    if (header.nullBlock || !header.cksumValid) return false
    const size = header.size ?? 0
    if (header.type === 'File' && isSiteJsonPath(header.path ?? '')) {
      const start = bytes.subarray(offset + BLOCK, offset + BLOCK + Math.min(size, 4096)).toString('utf8')
      return /^\s*\{\s*"masthead_export"\s*:/.test(start)
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK
  }
  return false
}

/**
 * `site.json` or `<one folder>/site.json`: where an export's site.json may sit in a tar.
 * @example isSiteJsonPath('masthead-export-20260601T120000Z/site.json') // true
 */
export function isSiteJsonPath(entryPath: string): boolean {
  const parts = entryPath.replace(/^\.\//, '').split('/')
  return parts.at(-1) === SITE_JSON && parts.length <= 2
}
