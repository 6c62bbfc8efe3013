import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasBuild, projectRoot } from '../../../test/support/requirements.js'
import { wxrDocument, type WxrTestItem } from '../../../test/support/wxr.js'
import type { ImportSource, SourceItem } from '../import-record.js'

// The worker thread runs compiled code, so this compares the two readers as built in dist/.
type OpenWxr = (file: string, options?: { thread?: 'auto' | 'worker' | 'here' }) => Promise<ImportSource>
const built = async () => (await import(path.join(projectRoot, 'dist/importers/wordpress/open-wxr.js'))) as { openWxr: OpenWxr }

let dir: string
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-wxr-worker-')) })
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function readAll(source: ImportSource) {
  const items: SourceItem[] = []
  const fractions: number[] = []
  for await (const item of source.items) {
    items.push(item)
    fractions.push(source.fraction!())
  }
  return { items, fractions, notes: source.notes(), end: source.fraction!() }
}

/** Enough items for several batches, with what the reader has to get right: late pictures, problems, skipped types. */
const ITEMS: WxrTestItem[] = [
  ...Array.from({ length: 300 }, (_, i): WxrTestItem => ({
    id: i + 1, content: `Paragraph ${i}.\n\nLine one\nline two [caption]<img src="https://old.example/${i}.jpg"> Cap[/caption]`,
    categories: [{ domain: 'category', nicename: `s-${i % 3}`, name: `Section ${i % 3}` }, { domain: 'post_tag', nicename: `t-${i % 7}`, name: `Tag ${i % 7}` }],
    meta: i % 10 === 0 ? { _thumbnail_id: String(9000 + i) } : {}, comments: i % 50 === 0 ? 2 : 0,
    ...(i === 150 && { title: ' ' }), ...(i === 151 && { status: 'trash' }), ...(i === 152 && { type: 'nav_menu_item' }),
  })),
  ...Array.from({ length: 30 }, (_, i): WxrTestItem => ({ id: 9000 + i * 10, type: 'attachment', attachmentUrl: `https://old.example/uploads/${i}.jpg` })),
]

describe.runIf(hasBuild())('openWxr on a worker thread', () => {
  it('yields the same items in the same order, and the same notes, as reading in this thread', async () => {
    const { openWxr } = await built()
    const file = path.join(dir, 'export.xml')
    fs.writeFileSync(file, wxrDocument(ITEMS))
    const here = await readAll(await openWxr(file, { thread: 'here' }))
    const onWorker = await readAll(await openWxr(file, { thread: 'worker' }))
    expect(here.items).toHaveLength(298)
    expect(here.items.filter((i) => 'problem' in i)).toHaveLength(1)
    expect(onWorker.items).toEqual(here.items)
    expect(onWorker.notes).toEqual(here.notes)
    expect(onWorker.end).toBe(1)
    expect(onWorker.fractions.every((f, i) => i === 0 || f >= onWorker.fractions[i - 1]!)).toBe(true)
  })

  it('passes on a malformed file as the same fatal problem', async () => {
    const { openWxr } = await built()
    const file = path.join(dir, 'cut.xml')
    const full = wxrDocument(ITEMS)
    fs.writeFileSync(file, full.slice(0, Math.floor(full.length * 0.7)))
    const here = await readAll(await openWxr(file, { thread: 'here' }))
    const onWorker = await readAll(await openWxr(file, { thread: 'worker' }))
    expect(here.items.at(-1)).toMatchObject({ fatal: true, problem: { message: expect.stringMatching(/^the XML is malformed or cut off/) } })
    expect(onWorker.items).toEqual(here.items)
  })

  it('stops the thread when the items are left unfinished', async () => {
    const { openWxr } = await built()
    const file = path.join(dir, 'export.xml')
    fs.writeFileSync(file, wxrDocument(ITEMS))
    const source = await openWxr(file, { thread: 'worker' })
    const iterator = source.items[Symbol.asyncIterator]()
    // Post 1 waits for its picture, which comes later: post 2 is first.
    expect((await iterator.next()).value).toMatchObject({ record: { headline: 'Post 2' } })
    // Returning ends the generator, whose cleanup terminates the worker; it must not hang.
    expect(await iterator.return!(undefined)).toEqual({ done: true, value: undefined })
  })

  it('refuses a missing file the same way', async () => {
    const { openWxr } = await built()
    const missing = path.join(dir, 'nope.xml')
    await expect(openWxr(missing, { thread: 'worker' })).rejects.toThrow(/ENOENT/)
  })
})
