/**
 * Where media bytes live. Keys are relative, slash-separated and made by Masthead itself
 * (`pictures/<id>/800.webp`); implementations refuse anything else.
 */
export interface FileStore {
  put(key: string, data: Uint8Array): Promise<void>
  read(key: string): Promise<Buffer | undefined>
  delete(key: string): Promise<void>
}

const KEY_RE = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_.-]*)*$/

/** Whether a key is one Masthead could have made: no `..`, no absolute paths, no odd characters. */
export function isValidFileKey(key: string): boolean {
  return key.length <= 200 && KEY_RE.test(key) && !key.split('/').some((part) => part === '.' || part === '..' || part.includes('..'))
}
