import type http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { openTestDatabase } from '../../../test/support/test-database.js'
import { updateArticle } from '../../content/articles/update-article.js'
import { fixedClock } from '../../core/clock.js'
import { silentLog } from '../../core/log.js'
import type { Db } from '../../storage/connect.js'
import { memoryFileStore } from '../../storage/files/local-file-store.js'
import { createWebApp } from '../app.js'
import { createNodeServer, SERVER_TIMEOUTS } from '../node-server.js'
import type { PageCache } from '../page-cache.js'

let db: Db
let closeDb = async () => {}
let server: http.Server
let port: number
/** Hits answered from the socket, and requests that reached Node's HTTP server. */
let counts: { socket: number; node: number }
let pages: PageCache

async function start(timeouts = SERVER_TIMEOUTS) {
  const { app, cache } = createWebApp({ db, files: memoryFileStore(), clock: fixedClock(TEST_NOW), log: silentLog, siteUrl: TEST_SITE_URL })
  pages = cache!
  const rawAnswer = cache!.rawAnswer
  const serveNode = cache!.serveNode
  Object.assign(cache!, {
    rawAnswer: (...args: Parameters<typeof rawAnswer>) => {
      const answer = rawAnswer(...args)
      if (answer) counts.socket++
      return answer
    },
    serveNode: (...args: Parameters<typeof serveNode>) => { counts.node++; return serveNode(...args) },
  })
  server = createNodeServer(app, cache, timeouts)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
}

beforeEach(async () => {
  ;({ db, close: closeDb } = await openTestDatabase())
  counts = { socket: 0, node: 0 }
  await addArticle(db, { headline: 'Harbour report', body: { format: 'markdown', source: 'Boats came in and went out again. '.repeat(80) } })
})
afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await closeDb()
})

/**
 * One keep-alive connection that sends bytes as given and reads whole answers (a HEAD's or a
 * 304's without a body) one at a time.
 */
function connection() {
  const socket = net.connect(port, '127.0.0.1')
  let pending = Buffer.alloc(0)
  let closed = false
  const waiting: (() => void)[] = []
  socket.on('data', (chunk) => { pending = Buffer.concat([pending, chunk]); waiting.splice(0).forEach((wake) => wake()) })
  socket.on('close', () => { closed = true; waiting.splice(0).forEach((wake) => wake()) })
  socket.on('error', () => {})
  const answer = async (bodyless: boolean): Promise<Buffer> => {
    for (;;) {
      const end = pending.indexOf('\r\n\r\n')
      if (end !== -1) {
        const head = pending.subarray(0, end).toString('latin1')
        const status = Number(head.split(' ')[1])
        const length = bodyless || status === 304 ? 0 : Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0)
        if (pending.length >= end + 4 + length) {
          const whole = pending.subarray(0, end + 4 + length)
          pending = pending.subarray(end + 4 + length)
          return Buffer.from(whole)
        }
      }
      if (closed) throw new Error(`connection closed with ${pending.length} bytes of an unfinished answer`)
      await new Promise<void>((resolve) => waiting.push(resolve))
    }
  }
  return {
    socket,
    send: (bytes: string | Buffer) => { socket.write(bytes) },
    answer,
    request: async (bytes: string, bodyless = bytes.startsWith('HEAD')) => { socket.write(bytes); return answer(bodyless) },
    closed: () => new Promise<void>((resolve) => { if (closed) resolve(); else socket.once('close', () => resolve()) }),
    end: () => socket.destroy(),
  }
}

const withoutDate = (answer: Buffer) => answer.toString('latin1').replace(/\r\nDate: [^\r]+\r\n/, '\r\nDate: -\r\n')
const head = (answer: Buffer) => answer.toString('latin1').split('\r\n\r\n')[0]!
const bodyOf = (answer: Buffer) => answer.subarray(answer.indexOf('\r\n\r\n') + 4)
const header = (answer: Buffer, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(head(answer))?.[1]

describe('cache hits answered from the socket', () => {
  it('has the page cache count the head and the whole answer it keeps for a page', async () => {
    await start()
    const missed = connection()
    await missed.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: br\r\n\r\n')
    // The page's first hit (answered by Node: the connection of a miss stays with it) compresses its brotli copy again.
    await missed.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: br\r\n\r\n')
    missed.end()
    const pageOnly = pages.bytes()
    const client = connection()
    const answer = await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: br\r\n\r\n')
    expect(counts.socket).toBe(1)
    const headBytes = answer.indexOf('\r\nDate: ') + 2
    // The head as kept (up to Date), and the whole answer assembled from it.
    expect(pages.bytes()).toBe(pageOnly + headBytes + answer.length)
    await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: br\r\n\r\n')
    expect(pages.bytes()).toBe(pageOnly + headBytes + answer.length)
    client.end()
  })

  it('answers exactly the bytes Node would, apart from Date, for every variant of a hit', async () => {
    await start()
    // A miss: rendered through Node, and that connection stays with Node.
    const first = await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: identity\r\n\r\n')
    const client = connection()
    expect(head(first)).toMatch(/^HTTP\/1\.1 200 OK/)
    const etag = header(first, 'etag')!
    const lastModified = header(first, 'last-modified')!
    const variants = [
      '',
      'Accept-Encoding: gzip, deflate, br\r\n',
      'Accept-Encoding: gzip\r\n',
      'Accept-Encoding: br;q=0.5, gzip\r\n',
      `If-None-Match: ${etag}\r\n`,
      `Accept-Encoding: br\r\nIf-None-Match: W/${etag.slice(0, -1)}-br"\r\n`,
      'If-None-Match: "something-else"\r\n',
      `If-Modified-Since: ${lastModified}\r\n`,
      'If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n',
    ]
    for (const method of ['GET', 'HEAD']) {
      for (const extra of variants) {
        const simple = `${method} /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n${extra}\r\n`
        const before = { ...counts }
        const fromSocket = await client.request(simple)
        expect(counts, `${method} ${extra} from the socket`).toEqual({ socket: before.socket + 1, node: before.node })
        // The same request with a header the fast path leaves to Node (an explicit keep-alive), on a new connection.
        const other = connection()
        const fromNode = await other.request(`${method} /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nConnection: keep-alive\r\n${extra}\r\n`)
        other.end()
        expect(counts.node, `${method} ${extra} through Node`).toBe(before.node + 1)
        expect(withoutDate(fromSocket), `${method} ${extra}`).toBe(withoutDate(fromNode))
      }
    }
    client.end()
  })

  it('sends the right encoding, the same page in each, the security headers, and a 304 when current', async () => {
    await start()
    const plain = await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    const client = connection()
    const br = await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: br\r\n\r\n')
    const gzip = await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: gzip\r\n\r\n')
    expect(counts.socket).toBe(2)
    expect(header(br, 'content-encoding')).toBe('br')
    expect(header(gzip, 'content-encoding')).toBe('gzip')
    expect(brotliDecompressSync(bodyOf(br)).equals(bodyOf(plain))).toBe(true)
    expect(gunzipSync(bodyOf(gzip)).equals(bodyOf(plain))).toBe(true)
    for (const answer of [br, gzip]) {
      for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy', 'cache-control', 'last-modified']) {
        expect(header(answer, name), name).toBe(header(plain, name))
      }
      expect(header(answer, 'vary')).toBe('Accept-Encoding')
    }
    const notModified = await client.request(`GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: gzip\r\nIf-None-Match: ${header(gzip, 'etag')}\r\n\r\n`)
    expect(head(notModified)).toMatch(/^HTTP\/1\.1 304 Not Modified/)
    expect(header(notModified, 'content-length')).toBeUndefined()
    expect(counts.socket).toBe(3)
    client.end()
  })

  it('drops a page the moment anything changes, and answers the new page', async () => {
    await start()
    const request = 'GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n'
    await connection().request(request)
    const client = connection()
    await client.request(request)
    expect(counts.socket).toBe(1)
    const article = (await db.selectFrom('articles').select(['id', 'version']).executeTakeFirstOrThrow())
    const updated = await updateArticle(db, article.id, { headline: 'Harbour report, corrected', slug: 'harbour-report', body: { format: 'markdown', source: 'Corrected.' }, status: 'published' }, new Date(TEST_NOW), { baseVersion: article.version, editedBy: 'test' })
    expect(updated.ok).toBe(true)
    const fresh = await client.request(request)
    expect(counts.socket).toBe(1)
    expect(bodyOf(fresh).toString()).toContain('Harbour report, corrected')
    const again = await connection().request(request)
    expect(counts.socket).toBe(2)
    expect(bodyOf(again).toString()).toContain('Harbour report, corrected')
  })

  it('hands a connection to Node at its first request that is not simple, and leaves it there', async () => {
    await start()
    const request = 'GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n'
    await connection().request(request) // fills the cache
    const client = connection()
    await client.request(request)
    expect(counts).toEqual({ socket: 1, node: 1 })
    const posted = await client.request('POST /search/ HTTP/1.1\r\nHost: news.test\r\nContent-Length: 3\r\n\r\nq=a')
    expect(head(posted)).toMatch(/^HTTP\/1\.1 \d{3}/)
    await client.request(request)
    await client.request(request)
    // Node's server asks the cache too (serveNode), for the POST and both GETs.
    expect(counts).toEqual({ socket: 1, node: 4 })
    client.end()
  })

  it('leaves a body behind a GET, and conflicting lengths, to Node: no request smuggled past it', async () => {
    await start()
    await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    const smuggled = 'GET /admin/ HTTP/1.1\r\nHost: news.test\r\n\r\n'
    const withBody = connection()
    const answer = await withBody.request(`GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`)
    expect(head(answer)).toMatch(/^HTTP\/1\.1 200 OK/)
    // The body was read as a body: the next answer on the connection is to the next request.
    withBody.send('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(header(await withBody.answer(false), 'content-type')).toMatch(/text\/html/)
    withBody.end()

    const conflicting = connection()
    const refused = await conflicting.request(`GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`)
    expect(head(refused)).toMatch(/^HTTP\/1\.1 400/)
    await conflicting.closed()
    expect(counts.socket).toBe(0)
  })

  it('leaves malformed requests to Node, which refuses them', async () => {
    await start()
    await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    for (const bad of [
      'GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nX-Folded: a\r\n b\r\n\r\n',
      'GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nTransfer-Encoding : chunked\r\n\r\n',
      'GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nX-A: a\rb\r\n\r\n',
      'GET /harbour-report/ HTTP/1.1\r\n\r\n',
    ]) {
      const client = connection()
      const answer = await client.request(bad)
      expect(head(answer), JSON.stringify(bad)).toMatch(/^HTTP\/1\.1 400/)
      client.end()
    }
    expect(counts.socket).toBe(0)
  })

  it('answers only the path the router would see: //harbour-report/ is not the cached /', async () => {
    await start()
    await connection().request('GET / HTTP/1.1\r\nHost: news.test\r\n\r\n')
    await connection().request('GET / HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(counts.socket).toBe(1)
    await connection().request('GET //harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(counts.socket).toBe(1)
  })

  it('passes pipelined requests and requests split over several reads to Node, in order', async () => {
    await start()
    await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    const pipelined = connection()
    pipelined.send('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\nHEAD /harbour-report/ HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: gzip\r\n\r\nGET /missing-page/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(head(await pipelined.answer(false))).toMatch(/^HTTP\/1\.1 200/)
    const second = await pipelined.answer(true)
    expect(header(second, 'content-encoding')).toBe('gzip')
    expect(head(await pipelined.answer(false))).toMatch(/^HTTP\/1\.1 404/)
    pipelined.end()

    const split = connection()
    split.send('GET /harbour-report/ HTTP/1.1\r\nHo')
    await new Promise((resolve) => setTimeout(resolve, 50))
    split.send('st: news.test\r\nAccept-Encoding: br\r\n\r\n')
    const answer = await split.answer(false)
    expect(header(answer, 'content-encoding')).toBe('br')
    split.send('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(head(await split.answer(false))).toMatch(/^HTTP\/1\.1 200/)
    split.end()
    expect(counts.socket).toBe(0)
  })

  it('closes a connection idle past the keep-alive timeout', async () => {
    await start({ ...SERVER_TIMEOUTS, keepAliveTimeout: 300 })
    await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    const client = connection()
    const answer = await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(counts.socket).toBe(1)
    expect(header(answer, 'keep-alive')).toBe('timeout=0')
    await client.closed()
  })

  it('lets close() finish while a connection it answered is idle', async () => {
    await start()
    await connection().request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    const client = connection()
    await client.request('GET /harbour-report/ HTTP/1.1\r\nHost: news.test\r\n\r\n')
    expect(counts.socket).toBe(1)
    await new Promise((resolve) => server.close(resolve))
    await client.closed()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)) // for afterEach
  })
})
