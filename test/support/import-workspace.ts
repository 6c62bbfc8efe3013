import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createTestSite } from './test-site.js'

export interface ImportWorkspace {
  /** A fresh in-memory site for each test. */
  site: Awaited<ReturnType<typeof createTestSite>>
  /** A fresh temporary folder for each test, removed afterwards. */
  dir: string
  /** Writes a file into `dir` and returns its path. */
  write(name: string, content: string | Uint8Array): string
}

/**
 * The setup every importer test needs: a new site and a scratch folder per test, cleaned up after.
 * @example const ws = importWorkspace('mh-wxr-'); it('…', async () => { await importFiles({ ...ws.site, now }, [ws.write('a.xml', xml)]) })
 */
export function importWorkspace(prefix: string): ImportWorkspace {
  const ws = {
    write(name: string, content: string | Uint8Array) {
      const file = path.join(ws.dir, name)
      fs.writeFileSync(file, content)
      return file
    },
  } as ImportWorkspace
  beforeEach(async () => {
    ws.site = await createTestSite()
    ws.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  })
  afterEach(async () => {
    await ws.site.close()
    fs.rmSync(ws.dir, { recursive: true, force: true })
  })
  return ws
}
