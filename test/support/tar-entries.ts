/** One entry of a hand-made tar: the test decides every byte of its header, `..` and links included. */
export interface TarEntry {
  name: string
  type?: 'file' | 'directory' | 'symlink' | 'hardlink'
  content?: string | Buffer
  linkname?: string
}

const TYPE_FLAG = { file: '0', hardlink: '1', symlink: '2', directory: '5' } as const

/**
 * A POSIX (ustar) tar archive of exactly these entries, with no path checking at all: for
 * testing what an extractor does with hostile archives.
 * @example tarArchive([{ name: '../escape.txt', content: 'x' }])
 */
export function tarArchive(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const body = type === 'file' ? Buffer.from(entry.content ?? '') : Buffer.alloc(0)
    const header = Buffer.alloc(512)
    const put = (offset: number, length: number, value: string) => header.write(value.slice(0, length), offset, length, 'utf8')
    const octal = (offset: number, length: number, value: number) => put(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`)
    put(0, 100, entry.name)
    octal(100, 8, type === 'directory' ? 0o755 : 0o644)
    octal(108, 8, 0)
    octal(116, 8, 0)
    octal(124, 12, body.length)
    octal(136, 12, Math.floor(Date.now() / 1000))
    put(148, 8, '        ')
    put(156, 1, TYPE_FLAG[type])
    put(157, 100, entry.linkname ?? '')
    put(257, 6, 'ustar\0')
    put(263, 2, '00')
    let sum = 0
    for (const byte of header) sum += byte
    put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `)
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}
