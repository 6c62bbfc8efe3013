import { describe, expect, it } from 'vitest'
import { uploadPicture } from './upload-picture.js'

const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })

/** A fetch that answers once with the given status and body, and keeps what it was sent. */
function answering(status: number, body: string) {
  const sent: { url: string; init: RequestInit }[] = []
  const fake = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} })
    return new Response(body, { status, headers: { 'content-type': 'application/json' } })
  }
  return { sent, fetch: fake as typeof fetch }
}

describe('uploadPicture', () => {
  it('posts the file as the "file" field with the CSRF header and reads the answer', async () => {
    const server = answering(201, JSON.stringify({ id: 'p1', url: '/media/p1/original.png', width: 1200, height: 800 }))
    const result = await uploadPicture(png, { url: '/admin/media/upload', csrfToken: 'tok', fetch: server.fetch })
    expect(result).toEqual({ ok: true, value: { id: 'p1', url: '/media/p1/original.png', width: 1200, height: 800 } })
    const [{ url, init }] = server.sent as [{ url: string; init: RequestInit }]
    expect(url).toBe('/admin/media/upload')
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'tok' })
    const file = (init.body as FormData).get('file') as Blob
    expect(file.size).toBe(4)
  })

  it('gives the server’s error message, or its status when it gave none', async () => {
    const tooBig = answering(413, JSON.stringify({ error: 'Pictures can be at most 20 MB.' }))
    expect(await uploadPicture(png, { url: '/u', csrfToken: 't', fetch: tooBig.fetch })).toEqual({ ok: false, error: 'Pictures can be at most 20 MB.' })
    const broken = answering(500, '<html>oops')
    expect(await uploadPicture(png, { url: '/u', csrfToken: 't', fetch: broken.fetch })).toEqual({ ok: false, error: 'the server answered 500' })
  })

  it('refuses an answer without a usable address, and says when the server cannot be reached', async () => {
    for (const url of [undefined, 'javascript:alert(1)', '//evil.example/x.png']) {
      const odd = answering(200, JSON.stringify({ id: 'p', url }))
      const result = await uploadPicture(png, { url: '/u', csrfToken: 't', fetch: odd.fetch })
      expect(!result.ok && result.error).toMatch(/did not hold the picture’s address/)
    }
    const offline = (async () => { throw new TypeError('Failed to fetch') }) as typeof fetch
    const result = await uploadPicture(png, { url: '/u', csrfToken: 't', fetch: offline })
    expect(!result.ok && result.error).toMatch(/could not be reached/)
  })
})
