import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storePicture } from '../../src/content/media/store-picture.js'
import { PictureError } from '../../src/images/process-picture.js'
import { createTestSite, TEST_NOW } from '../support/test-site.js'

const now = new Date(TEST_NOW)
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'
const HTML = '<!doctype html><html><body><script>alert(1)</script></body></html>'

describe('SVG or HTML disguised as pictures never become stored or served markup', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let png: Buffer
  beforeAll(async () => {
    site = await createTestSite()
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#08f' } }).png().toBuffer()
  })
  afterAll(() => site.close())

  it.each([
    ['an SVG with a script', Buffer.from(SVG)],
    ['an SVG behind an XML declaration', Buffer.from(`<?xml version="1.0"?>${SVG}`)],
    ['an HTML page', Buffer.from(HTML)],
    ['HTML behind a JPEG signature', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML)])],
    ['HTML behind a GIF signature', Buffer.from(`GIF89a${HTML}`)],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj<</JS (alert(1))>>endobj')],
  ])('%s is refused as not a picture', async (_name, bytes) => {
    await expect(storePicture(site.db, site.files, bytes, { alt: '' }, now)).rejects.toBeInstanceOf(PictureError)
  })

  it('a real picture with markup appended (a polyglot) is stored re-encoded, without the markup', async () => {
    const polyglot = Buffer.concat([png, Buffer.from(HTML)])
    const { picture, writtenKeys } = await storePicture(site.db, site.files, polyglot, { alt: '' }, now)
    for (const key of writtenKeys) expect((await site.files.read(key))!.includes('<script')).toBe(false)
    const res = await site.app.request(`/media/${picture.key}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/(png|jpeg|webp|gif|avif)$/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('the media route serves only picture types, whatever a stored key is called', async () => {
    for (const key of ['pictures/x/a.svg', 'pictures/x/a.html', 'pictures/x/a.htm', 'pictures/x/a.xml', 'pictures/x/a.js']) {
      await site.files.put(key, Buffer.from(SVG))
      expect((await site.app.request(`/media/${key}`)).status, key).toBe(404)
    }
  })
})
