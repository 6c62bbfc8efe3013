import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLog } from '../../src/core/log.js'
import { createWebApp } from '../../src/http/app.js'
import { createNodeServer, SERVER_TIMEOUTS } from '../../src/http/node-server.js'
import { listen, parseHead, rawRequest } from '../support/raw-http.js'
import { addArticle, createTestSite } from '../support/test-site.js'

const SHORT = { headersTimeout: 600, requestTimeout: 1_200, keepAliveTimeout: 300, connectionsCheckingInterval: 100 }

describe('slow partial requests are cut off', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let server: Awaited<ReturnType<typeof listen>>
  beforeEach(async () => {
    site = await createTestSite()
    await addArticle(site.db, { headline: 'Tide tables' })
    const { app, cache } = createWebApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: 'http://news.test' })
    server = await listen(createNodeServer(app, cache, SHORT))
  })
  afterEach(async () => {
    await server.stop()
    await site.close()
  })

  it('answers a whole request as usual', async () => {
    const { response } = await rawRequest(server.port, 'GET /tide-tables/ HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n')
    expect(parseHead(response).status).toBe(200)
  })

  it('a client that never finishes its request head gets 408 and is disconnected (slow loris)', async () => {
    const { response, ms, closedByServer } = await rawRequest(server.port, 'GET /tide-tables/ HTTP/1.1\r\nHost: news.test\r\nX-Slow: ', { timeoutMs: 8_000 })
    expect(closedByServer).toBe(true)
    expect(parseHead(response).status).toBe(408)
    expect(ms).toBeLessThan(SHORT.headersTimeout + 2_000)
  })

  it('a client that stops halfway through its body is disconnected', async () => {
    const { ms, closedByServer } = await rawRequest(server.port, 'POST /admin/sign-in HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a', { timeoutMs: 8_000 })
    expect(closedByServer).toBe(true)
    expect(ms).toBeLessThan(SHORT.requestTimeout + 2_000)
  })

  it('an idle keep-alive connection is closed', async () => {
    const { closedByServer, ms } = await rawRequest(server.port, 'GET /tide-tables/ HTTP/1.1\r\nHost: news.test\r\n\r\n', { timeoutMs: 8_000 })
    expect(closedByServer).toBe(true)
    expect(ms).toBeLessThan(SHORT.keepAliveTimeout + 2_000)
  })

  it('the real server uses bounded timeouts', () => {
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(30_000)
    expect(SERVER_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(120_000)
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThan(SERVER_TIMEOUTS.requestTimeout)
    expect(SERVER_TIMEOUTS.keepAliveTimeout).toBeLessThanOrEqual(10_000)
  })
})
