import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordSpool } from './record-spool.js'

let tmp: string
let tmpBefore: string | undefined
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-spool-test-'))
  tmpBefore = process.env.TMPDIR
  process.env.TMPDIR = tmp
})
afterEach(() => {
  if (tmpBefore === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = tmpBefore
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('RecordSpool', () => {
  it('gives back what was pushed, in order, with dates and nested values as they were', () => {
    const spool = new RecordSpool<{ n: number; at: Date; tags: string[]; body: string }>()
    const values = Array.from({ length: 50 }, (_, n) => ({ n, at: new Date(Date.UTC(2020, 0, n + 1)), tags: [`t${n}`], body: 'é'.repeat(n * 1000) }))
    for (const value of values) spool.push(value)
    expect(fs.readdirSync(tmp)).toHaveLength(1)
    expect([...spool.drain()]).toEqual(values)
    expect(spool.bytesRead).toBe(spool.bytes)
    spool.dispose()
  })

  it('makes no file until something is pushed, and removes it when disposed', () => {
    const spool = new RecordSpool<string>()
    expect([...spool.drain()]).toEqual([])
    expect(fs.readdirSync(tmp)).toEqual([])
    spool.push('one')
    expect(fs.readdirSync(tmp)).toHaveLength(1)
    spool.dispose()
    expect(fs.readdirSync(tmp)).toEqual([])
    expect([...spool.drain()]).toEqual([])
  })
})
