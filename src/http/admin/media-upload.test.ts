import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLog } from '../../core/log.js'
import { toPicture } from '../../content/articles/article.repo.js'
import { AdminClient, addStaff, signedInClient } from '../../../test/support/staff.js'
import { htmlPage, jpegWithGps, svgWithScript, testPicture, truncatedJpeg } from '../../../test/support/pictures.js'
import { createTestSite, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { createApp } from '../app.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const MB = 1024 * 1024

/** Posts one file as multipart/form-data, with the client's token in X-CSRF-Token unless told otherwise. */
function upload(client: AdminClient, bytes: Uint8Array, name: string, { alt, path = '/admin/media/upload', token = client.formToken, type = 'application/octet-stream' }:
  { alt?: string; path?: string; token?: string | null; type?: string } = {}) {
  const body = new FormData()
  body.append('file', new Blob([Uint8Array.from(bytes)], { type }), name)
  if (alt !== undefined) body.append('alt', alt)
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token !== null) headers['X-CSRF-Token'] = token
  return client.request(path, { method: 'POST', body, headers })
}

const storedRow = (id: string) => site.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('POST /admin/media/upload', () => {
  it('accepts JPEG, PNG, WebP, AVIF and GIF by their content, whatever their name, and answers 201 with the picture', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      const res = await upload(client, await testPicture(format, 640, 480), `holiday.${format === 'jpeg' ? 'txt' : format}`, { alt: ` Gulls ${format} ` })
      expect(res.status, format).toBe(201)
      const json = await res.json() as Record<string, unknown>
      expect(Object.keys(json).sort()).toEqual(['alt', 'height', 'id', 'srcset', 'thumbUrl', 'url', 'width'])
      expect(json).toMatchObject({ width: 640, height: 480, alt: `Gulls ${format}` })
      expect(json.url).toMatch(new RegExp(`^/media/pictures/${json.id}/original\\.(jpg|png|webp|avif|gif)$`))
      expect(json.thumbUrl).toMatch(new RegExp(`^/media/pictures/${json.id}/400\\.webp$`))
      const row = await storedRow(String(json.id))
      expect(row).toMatchObject({ mimeType: `image/${format}`, uploadedBy: staff.id, originalName: `holiday.${format === 'jpeg' ? 'txt' : format}`, alt: `Gulls ${format}` })
      const served = await site.app.request(String(json.url))
      expect(served.status).toBe(200)
      expect(served.headers.get('Content-Type')).toBe(`image/${format}`)
    }
    const jpeg = await upload(client, await testPicture('jpeg', 1000, 500), 'x.jpg')
    expect((await jpeg.json() as { srcset: string }).srcset).toMatch(/^\/media\/pictures\/\w+\/400\.jpg 400w, \/media\/pictures\/\w+\/800\.jpg 800w, \/media\/pictures\/\w+\/original\.jpg 1000w$/)
  })

  it('refuses SVG, HTML named .jpg and a JPEG cut short with 415 and the reason, storing nothing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const cases: [Uint8Array, string, string, RegExp][] = [
      [svgWithScript, 'logo.svg', 'image/svg+xml', /^SVG pictures are not accepted: they can carry scripts\.$/],
      [svgWithScript, 'innocent.jpg', 'image/jpeg', /^SVG pictures are not accepted/],
      [htmlPage, 'photo.jpg', 'image/jpeg', /^The file is not a picture \(it looks like text or HTML\), whatever its name says: upload a JPEG, PNG, WebP, AVIF or GIF\.$/],
      [await truncatedJpeg(), 'cut.jpg', 'image/jpeg', /^The picture could not be read: the file looks damaged or cut short\.$/],
    ]
    for (const [bytes, name, type, reason] of cases) {
      const res = await upload(client, bytes, name, { type })
      expect(res.status, name).toBe(415)
      expect((await res.json() as { error: string }).error, name).toMatch(reason)
    }
    expect(await site.db.selectFrom('media').select('id').execute()).toEqual([])
    expect(site.files.keys()).toEqual([])
  })

  it('answers 400 without a file and 415 for a body that is not multipart', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const empty = await client.request('/admin/media/upload', { method: 'POST', body: new FormData(), headers: { 'X-CSRF-Token': client.formToken } })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toEqual({ error: 'Choose a picture to upload (JPEG, PNG, WebP, AVIF or GIF).' })
    const json = await client.request('/admin/media/upload', { method: 'POST', body: '{}', headers: { 'X-CSRF-Token': client.formToken, 'Content-Type': 'application/json' } })
    expect(json.status).toBe(415)
  })

  it('refuses a picture over the limit with 413 naming it: by Content-Length, counted without one, and despite a false one', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const tooLarge = { error: 'The picture is larger than the 20 MB limit.' }
    const big = new Uint8Array(21 * MB)
    const headers = (extra: Record<string, string>) => ({ 'X-CSRF-Token': client.formToken, 'Content-Type': 'multipart/form-data; boundary=x', ...extra })

    const truthful = await client.request('/admin/media/upload', { method: 'POST', body: big, headers: headers({ 'Content-Length': String(big.length) }) })
    expect(truthful.status).toBe(413)
    expect(await truthful.json()).toEqual(tooLarge)

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 21; i++) controller.enqueue(new Uint8Array(MB))
        controller.close()
      },
    })
    const chunked = await client.request('/admin/media/upload', { method: 'POST', body: stream, headers: headers({}), duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(await chunked.json()).toEqual(tooLarge)

    const understated = await client.request('/admin/media/upload', { method: 'POST', body: big, headers: headers({ 'Content-Length': '1000' }) })
    expect(understated.status).toBe(413)
    expect(await understated.json()).toEqual(tooLarge)

    // A real multipart upload whose file is just over the limit, though the form fits the allowance.
    const justOver = await upload(client, new Uint8Array(20 * MB + 1), 'big.jpg')
    expect(justOver.status).toBe(413)
    expect(await justOver.json()).toEqual(tooLarge)
    expect(await site.db.selectFrom('media').select('id').execute()).toEqual([])
  })

  it('takes its limit from uploadLimitBytes (MASTHEAD_UPLOAD_LIMIT_MB), above or below the admin\'s own', async () => {
    const small = createApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: TEST_SITE_URL, uploadLimitBytes: 1.5 * MB })
    const { client } = await signedInClient(small, site.db, 'author')
    const res = await upload(client, new Uint8Array(2 * MB), 'big.png')
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ error: 'The picture is larger than the 1.5 MB limit.' })
    expect((await upload(client, await testPicture('png'), 'small.png')).status).toBe(201)

    const large = createApp({ db: site.db, files: site.files, clock: site.clock, log: silentLog, siteUrl: TEST_SITE_URL, uploadLimitBytes: 40 * MB })
    const other = await signedInClient(large, site.db, 'author', 'Other Author')
    const thirty = await upload(other.client, new Uint8Array(30 * MB), 'thirty.jpg')
    // Past the size checks (the admin's own 26 MB does not apply): refused for what it is.
    expect(thirty.status).toBe(415)
  })

  it('strips EXIF and GPS from the stored original and every copy it serves', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const res = await upload(client, await jpegWithGps(900, 600), 'IMG_2041.JPG')
    expect(res.status).toBe(201)
    const picture = toPicture(await storedRow((await res.json() as { id: string }).id))
    for (const key of [picture.key, ...picture.variants.map((v) => v.key)]) {
      const served = Buffer.from(await (await site.app.request(`/media/${key}`)).arrayBuffer())
      expect((await sharp(served).metadata()).exif, key).toBeUndefined()
      expect(served.includes(Buffer.from('Harbourcam')), key).toBe(false)
    }
  })

  it('stores copies at 400–2000 pixels in the original format, WebP and AVIF, served immutable and nosniff', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const res = await upload(client, await testPicture('jpeg', 2400, 1200), 'wide.jpg')
    const answer = await res.json() as { id: string; url: string; width: number; height: number }
    // Wider than 2000: the body editor gets the 2000-pixel copy.
    expect(answer).toMatchObject({ url: `/media/pictures/${answer.id}/2000.jpg`, width: 2000, height: 1000 })
    const picture = toPicture(await storedRow(answer.id))
    expect(picture.variants.map((v) => `${v.width}.${v.format}`)).toEqual(
      [400, 800, 1200, 1600, 2000].flatMap((w) => [`${w}.jpeg`, `${w}.webp`, `${w}.avif`]))
    const avif = await site.app.request(`/media/pictures/${answer.id}/800.avif`)
    expect(avif.status).toBe(200)
    expect(avif.headers.get('Content-Type')).toBe('image/avif')
    expect(avif.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(avif.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('refuses without the CSRF token (403) and without a session (401)', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    const png = await testPicture('png')
    const noToken = await upload(client, png, 'a.png', { token: null })
    expect(noToken.status).toBe(403)
    expect((await noToken.json() as { error: string }).error).toMatch(/^Refused/)
    expect((await upload(client, png, 'a.png', { token: 'forged' })).status).toBe(403)

    const stranger = new AdminClient(site.app)
    await stranger.get('/admin/sign-in') // a form token of its own, so CSRF passes and the session check answers
    const signedOut = await upload(stranger, png, 'a.png')
    expect(signedOut.status).toBe(401)
    expect(await signedOut.json()).toEqual({ error: 'Sign in first: your session has ended.' })
    expect(await site.db.selectFrom('media').select('id').execute()).toEqual([])
  })
})

describe('the library\'s own form (no script)', () => {
  it('uploads with a normal post and redirects back with a notice; a refusal shows the page again with the reason', async () => {
    const { client } = await signedInClient(site.app, site.db, 'contributor')
    const page = await client.get('/admin/media/')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toMatch(/<script src="\/assets\/media-library\.[0-9a-f]{10}\.js" defer/)

    const body = new FormData()
    body.append('_csrf', client.formToken)
    body.append('file', new Blob([Uint8Array.from(await testPicture('png', 500, 400))]), 'quay.png')
    body.append('alt', 'The quay')
    const posted = await client.request('/admin/media/', { method: 'POST', body })
    expect(posted.status).toBe(303)
    expect(posted.headers.get('Location')).toBe('/admin/media/?notice=uploaded')
    const after = await (await client.get('/admin/media/?notice=uploaded')).text()
    expect(after).toContain('The picture was added.')
    expect(after).toContain('The quay')
    expect(after).toContain('quay.png')

    const svg = new FormData()
    svg.append('_csrf', client.formToken)
    svg.append('file', new Blob([Uint8Array.from(svgWithScript)]), 'logo.svg')
    svg.append('alt', 'Our logo')
    const refused = await client.request('/admin/media/', { method: 'POST', body: svg })
    expect(refused.status).toBe(415)
    const text = await refused.text()
    expect(text).toContain('SVG pictures are not accepted: they can carry scripts.')
    expect(text).toContain('value="Our logo"')

    const big = new FormData()
    big.append('_csrf', client.formToken)
    big.append('file', new Blob([new Uint8Array(21 * MB)]), 'huge.jpg')
    const tooLarge = await client.request('/admin/media/', { method: 'POST', body: big })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await tooLarge.text()).toContain('The picture is larger than the 20 MB limit.')
  })

  it('is shown to every role', async () => {
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      const staff = await addStaff(site.db, role, `${role} viewer`)
      const client = new AdminClient(site.app)
      await client.signIn(staff.email)
      expect((await client.get('/admin/media/')).status, role).toBe(200)
    }
  })
})
