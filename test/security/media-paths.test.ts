import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/core/clock.js'
import { silentLog } from '../../src/core/log.js'
import { createWebApp } from '../../src/http/app.js'
import { createNodeServer } from '../../src/http/node-server.js'
import { type Db } from '../../src/storage/connect.js'
import { localFileStore } from '../../src/storage/files/local-file-store.js'
import { listen, parseHead, rawRequest } from '../support/raw-http.js'
import { TEST_NOW } from '../support/test-site.js'
import { openTestDatabase } from '../support/test-database.js'

const SECRET = 'TOP-SECRET-BYTES'

/** Request targets that try to leave the media folder, sent exactly as written. */
const TRAVERSALS = [
  '/media/../secret.jpg',
  '/media/../../secret.jpg',
  '/media/pictures/../../secret.jpg',
  '/media/%2e%2e/secret.jpg',
  '/media/%2e%2e%2fsecret.jpg',
  '/media/pictures%2f..%2f..%2fsecret.jpg',
  '/media/%252e%252e%252fsecret.jpg',
  '/media/..%5csecret.jpg',
  '/media/pictures\\..\\..\\secret.jpg',
  '/media/..\\secret.jpg',
  '/media/....//secret.jpg',
  '/media/.%2e/secret.jpg',
  '/media//etc/passwd',
  '/media/%2fetc%2fpasswd',
  '/media/pictures/a/original.jpg%00',
  '/media/pictures/a/original.jpg%00.png',
  '/media/pictures/a/original.jpg\u0000.png',
  '/media/%c0%ae%c0%ae/secret.jpg',
  '/media/..%c0%afsecret.jpg',
]

/** Not found, or (for a path without an extension) sent on to its trailing-slash form on this site. */
function expectRefused(status: number, location: string | undefined) {
  if (status === 301) {
    expect(location).toMatch(/^\/media\//)
    expect(new URL(location!, 'http://news.test').origin).toBe('http://news.test')
  } else {
    expect([400, 404]).toContain(status)
  }
}

describe('media URLs never reach outside the media folder', () => {
  let root: string
  let db: Db
  let closeTestDb = async () => {}
  let server: Awaited<ReturnType<typeof listen>>
  let app: ReturnType<typeof createWebApp>['app']
  const files = () => localFileStore(path.join(root, 'media'))

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-media-'))
    fs.writeFileSync(path.join(root, 'secret.jpg'), SECRET)
    await files().put('pictures/a/original.jpg', Buffer.from('JPEG-BYTES'))
    ;({ db, close: closeTestDb } = await openTestDatabase())
    app = createWebApp({ db, files: files(), clock: fixedClock(TEST_NOW), log: silentLog, siteUrl: 'http://news.test' }).app
    const web = createWebApp({ db, files: files(), clock: fixedClock(TEST_NOW), log: silentLog, siteUrl: 'http://news.test' })
    server = await listen(createNodeServer(web.app, web.cache))
  })
  afterAll(async () => {
    await server.stop()
    await closeTestDb()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('serves a stored picture (the control)', async () => {
    const { response } = await rawRequest(server.port, 'GET /media/pictures/a/original.jpg HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n')
    expect(parseHead(response).status).toBe(200)
    expect(response).toContain('JPEG-BYTES')
  })

  it.each(TRAVERSALS)('%s over a raw socket: not found, and never the secret', async (target) => {
    const { response } = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n`)
    const { status, headers } = parseHead(response)
    expectRefused(status, headers.find(([name]) => name === 'location')?.[1])
    expect(response).not.toContain(SECRET)
    expect(response).not.toContain('root:')
  })

  it.each(TRAVERSALS)('%s through the app: not found, and never the secret', async (target) => {
    let res: Response
    try {
      res = await app.request(`http://news.test${target}`)
    } catch {
      return // not even a URL: nothing was served
    }
    expectRefused(res.status, res.headers.get('location') ?? undefined)
    expect(await res.text()).not.toContain(SECRET)
  })

  it('the file store refuses every key that is not one Masthead makes, on read and on write', async () => {
    const store = files()
    for (const key of ['../secret.jpg', 'pictures/../../secret.jpg', '/etc/passwd', 'pictures\\..\\..\\secret.jpg', 'pictures/a/original.jpg\u0000', '..', '', 'pictures//a.jpg', 'C:/x.jpg', 'pictures/a/%2e%2e/x.jpg']) {
      expect(await store.read(key), key).toBeUndefined()
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/invalid file key/)
    }
  })
})
