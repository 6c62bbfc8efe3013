import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'
import { projectRoot, hasBuild } from '../support/requirements.js'
import { snapshotSite } from '../support/snapshot.js'

const capture = (n: number) => `Council notebook, part ${n}\n\n· 1 min read\n\nA council chamber\n\nNotes from meeting ${n}.\n`

describe.runIf(hasBuild())('an import killed part-way', () => {
  let dir: string
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-kill-')) })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('leaves the database exactly as it was before the import began', async () => {
    const dataDir = path.join(dir, 'data')
    const first = path.join(dir, 'first.txt')
    fs.writeFileSync(first, capture(0))
    expect(runCli(['import', first], { MASTHEAD_DATA_DIR: dataDir }).status).toBe(0)
    const before = await snapshotSite(dataDir)

    const files = Array.from({ length: 200 }, (_, i) => {
      const file = path.join(dir, `capture-${i + 1}.txt`)
      fs.writeFileSync(file, capture(i + 1))
      return file
    })
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/masthead.js'), 'import', ...files], {
      env: { ...process.env, MASTHEAD_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let progress = ''
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        progress += d
        // Several files are written (inside the open transaction): kill it now, mid-way.
        if ((progress.match(/\(done\)/g) ?? []).length >= 5) resolve()
      })
      child.on('exit', () => reject(new Error(`import ended before it could be killed:\n${progress}`)))
    })
    child.kill('SIGKILL')
    expect(await killed).toBe('SIGKILL')
    expect(await snapshotSite(dataDir)).toBe(before)
  })
})
