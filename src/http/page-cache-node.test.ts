import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync } from 'node:zlib'
import { getRequestListener } from '@hono/node-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, TEST_NOW, TEST_SITE_URL } from '../../test/support/test-site.js'
import { fixedClock } from '../core/clock.js'
import { silentLog } from '../core/log.js'
import { type Db } from '../storage/connect.js'
import { memoryFileStore } from '../storage/files/local-file-store.js'
import { createWebApp } from './app.js'
import { openTestDatabase } from '../../test/support/test-database.js'

let closeTestDb = async () => {}
let db: Db
let server: http.Server
let base: string
let served: { fast: number; routed: number }

beforeEach(async () => {
  ;({ db, close: closeTestDb } = await openTestDatabase())
  const { app, cache } = createWebApp({ db, files: memoryFileStore(), clock: fixedClock(TEST_NOW), log: silentLog, siteUrl: TEST_SITE_URL })
  const routed = getRequestListener(app.fetch)
  served = { fast: 0, routed: 0 }
  server = http.createServer((req, res) => {
    if (cache!.serveNode(req, res)) served.fast++
    else { served.routed++; void routed(req, res) }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await closeTestDb()
})

describe('cache hits before the router', () => {
  it('answers the second request for a page from the socket fast path, with the same headers and bytes', async () => {
    await addArticle(db, { headline: 'Café reopens', body: { format: 'markdown', source: 'Coffee and cake again. '.repeat(60) } })
    const url = `${base}/${encodeURIComponent('cafe-reopens')}/`
    const first = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })
    const firstText = await first.text()
    expect(served).toEqual({ fast: 0, routed: 1 })
    const second = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })
    expect(served).toEqual({ fast: 1, routed: 1 })
    expect(await second.text()).toBe(firstText)
    for (const name of ['etag', 'cache-control', 'last-modified', 'content-type', 'x-content-type-options', 'referrer-policy', 'vary']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name))
    }

    const br = await new Promise<{ status?: number; encoding?: string; body: Buffer }>((resolve) => {
      http.get(url, { headers: { 'Accept-Encoding': 'br' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
      })
    })
    expect(br.encoding).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(firstText)

    const notModified = await fetch(url, { headers: { 'If-None-Match': first.headers.get('etag')!, 'Accept-Encoding': 'identity' } })
    expect(notModified.status).toBe(304)
    const head = await fetch(url, { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(firstText)))
    expect(served.fast).toBe(4)
  })

  it('leaves queries, other methods, misses and stale pages to the router', async () => {
    await addArticle(db, { headline: 'Tide tables' })
    await fetch(`${base}/tide-tables/`)
    await fetch(`${base}/tide-tables/?utm=x`)
    await fetch(`${base}/tide-tables/`, { method: 'POST' })
    await fetch(`${base}/missing/`)
    expect(served.fast).toBe(0)
    await addArticle(db, { headline: 'Another' })
    await fetch(`${base}/tide-tables/`)
    expect(served.fast).toBe(0)
    await fetch(`${base}/tide-tables/`)
    expect(served.fast).toBe(1)
  })
})
