import fs from 'node:fs/promises'
import path from 'node:path'
import { isValidFileKey, type FileStore } from './file-store.js'

/**
 * Media on the local disk under one root folder; writes go through a temporary file and a
 * rename, so a reader never sees half a file.
 * @example const files = localFileStore('./data/media')
 */
export function localFileStore(root: string): FileStore {
  const resolve = (key: string): string => {
    if (!isValidFileKey(key)) throw new Error(`invalid file key: ${JSON.stringify(key)}`)
    return path.join(root, ...key.split('/'))
  }
  return {
    async put(key, data) {
      const file = resolve(key)
      await fs.mkdir(path.dirname(file), { recursive: true })
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
      await fs.writeFile(temporary, data)
      await fs.rename(temporary, file)
    },
    async read(key) {
      if (!isValidFileKey(key)) return undefined
      try {
        return await fs.readFile(resolve(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true })
    },
  }
}

/** Keeps files in memory: for tests. */
export function memoryFileStore(): FileStore & { keys(): string[] } {
  const files = new Map<string, Buffer>()
  return {
    async put(key, data) {
      if (!isValidFileKey(key)) throw new Error(`invalid file key: ${JSON.stringify(key)}`)
      files.set(key, Buffer.from(data))
    },
    async read(key) { return files.get(key) },
    async delete(key) { files.delete(key) },
    keys: () => [...files.keys()],
  }
}
