import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isValidFileKey, type FileStore } from './file-store.js'
import { localFileStore, memoryFileStore } from './local-file-store.js'

describe('isValidFileKey', () => {
  it('accepts the keys Masthead makes and refuses traversal and absolute paths', () => {
    expect(isValidFileKey('pictures/6744a1f0c3b2e19f8a7d5e21/800.webp')).toBe(true)
    for (const bad of ['../etc/passwd', 'pictures/../../x', '/etc/passwd', 'pictures//x', 'Pictures/x', 'pictures/x\0', 'a\\b', 'pictures/..']) {
      expect(isValidFileKey(bad), bad).toBe(false)
    }
  })
})

const roots: string[] = []
afterEach(() => { for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true }) })

const stores: [string, () => FileStore][] = [
  ['local', () => { const r = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-files-')); roots.push(r); return localFileStore(r) }],
  ['memory', () => memoryFileStore()],
]

describe.each(stores)('%s file store', (_name, make) => {
  it('stores, reads back and deletes', async () => {
    const files = make()
    await files.put('pictures/abc/original.jpg', new Uint8Array([1, 2, 3]))
    expect([...(await files.read('pictures/abc/original.jpg'))!]).toEqual([1, 2, 3])
    await files.delete('pictures/abc/original.jpg')
    expect(await files.read('pictures/abc/original.jpg')).toBeUndefined()
  })
  it('refuses to write outside its root and reads nothing there', async () => {
    const files = make()
    await expect(files.put('../escape.txt', new Uint8Array([1]))).rejects.toThrow(/invalid file key/)
    expect(await files.read('../../etc/passwd')).toBeUndefined()
  })
})
