import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLog } from '../../src/core/log.js'
import { createWebApp, maxRequestBodyBytes } from '../../src/http/app.js'
import { createNodeServer } from '../../src/http/node-server.js'
import { listen, parseHead, rawRequest } from '../support/raw-http.js'
import { addArticle, createTestSite } from '../support/test-site.js'

const MAX_REQUEST_BODY_BYTES = maxRequestBodyBytes({})
const PATHS = ['/', '/harbour-report/', '/search/', '/search/suggest', '/media/pictures/a/original.jpg', '/rss/', '/admin/sign-in', '/admin/setup', '/admin/media/upload', '/ghost/api/content/posts/', '/api/v1/articles', '/api/v1/pictures']

describe('oversized request bodies are refused with 413 before they are read', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let server: Awaited<ReturnType<typeof listen>>
  beforeAll(async () => {
    site = await createTestSite()
    await addArticle(site.db, { headline: 'Harbour report' })
    const web = createWebApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: 'http://news.test' })
    server = await listen(createNodeServer(web.app, web.cache))
  })
  afterAll(async () => {
    await server.stop()
    await site.close()
  })

  it.each(PATHS)('POST %s announcing a body over the limit: 413 at once, without sending it', async (path) => {
    const { response, ms } = await rawRequest(server.port, `POST ${path} HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${MAX_REQUEST_BODY_BYTES + 1}\r\n\r\n`, { timeoutMs: 5_000 })
    expect(parseHead(response).status).toBe(413)
    expect(ms).toBeLessThan(4_000)
  })

  it('a chunked body that grows past the admin limit while it is read: 413', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    const chunks = Math.ceil(MAX_REQUEST_BODY_BYTES / chunk.length) + 1
    const body = Buffer.concat([
      Buffer.from('POST /admin/sign-in HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n'),
      ...Array.from({ length: chunks }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])),
      Buffer.from('0\r\n\r\n'),
    ])
    const { response } = await rawRequest(server.port, body, { timeoutMs: 20_000 }).catch((error: NodeJS.ErrnoException) => {
      // The server may answer and close before the client has finished writing.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return { response: 'HTTP/1.1 413 (connection reset)' }
      throw error
    })
    expect(parseHead(response).status).toBe(413)
  }, 30_000)

  it('a small form still goes through (the control)', async () => {
    const { response } = await rawRequest(server.port, 'POST /admin/sign-in HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\nConnection: close\r\n\r\nemail=a')
    expect(parseHead(response).status).not.toBe(413)
  })
})
