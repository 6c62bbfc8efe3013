import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { detectFormat, SNIFF_BYTES } from '../detect-format.js'
import { isSiteJsonPath } from './sniff-export-tar.js'

let dir: string
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-sniff-')) })
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Packs files (name → content) in the order given and returns the head detection would read. */
async function tarHead(entries: [string, string][]): Promise<Uint8Array> {
  for (const [name, content] of entries) {
    fs.mkdirSync(path.dirname(path.join(dir, 'in', name)), { recursive: true })
    fs.writeFileSync(path.join(dir, 'in', name), content)
  }
  const file = path.join(dir, 'x.tar')
  await tar.create({ file, cwd: path.join(dir, 'in'), portable: true }, entries.map(([name]) => name))
  return fs.readFileSync(file).subarray(0, SNIFF_BYTES)
}

describe('detecting a Masthead export in a tar', () => {
  it('recognises a tar whose site.json starts with the export header', async () => {
    const head = await tarHead([['masthead-export-20260601T120000Z/site.json', '{\n"masthead_export": {"version": 1}}'], ['masthead-export-20260601T120000Z/media/a.txt', 'x']])
    expect(detectFormat(head, 'x.tar', 10_000)).toEqual({ ok: true, value: 'masthead-export' })
  })

  it('refuses other tars, naming the reason', async () => {
    const other = await tarHead([['notes/readme.txt', 'hello'], ['notes/site.json', '{"something": "else"}']])
    expect(detectFormat(other, 'x.tar', 10_000)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/tar archive that does not start with a Masthead export/) } })
  })

  it('looks for site.json only at the top or one folder down', () => {
    expect(isSiteJsonPath('site.json')).toBe(true)
    expect(isSiteJsonPath('./export/site.json')).toBe(true)
    expect(isSiteJsonPath('a/b/site.json')).toBe(false)
    expect(isSiteJsonPath('export/site.json.bak')).toBe(false)
  })
})
