import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { animatedGif, htmlPage, jpegWithGps, pngClaiming, svgWithScript, testPicture, truncatedJpeg } from '../../test/support/pictures.js'
import { placeholderPicture } from './placeholder-picture.js'
import { PictureError, processPicture } from './process-picture.js'

const refusal = (promise: Promise<unknown>) => promise.then(
  () => { throw new Error('the picture was accepted') },
  (error: unknown) => {
    if (!(error instanceof PictureError)) throw error
    return { problem: error.problem, message: error.message }
  },
)

describe('processPicture', () => {
  it('makes the original format, WebP and AVIF below the original width, plus WebP and AVIF at full width', async () => {
    const picture = await processPicture(await placeholderPicture('seed', { width: 1300, height: 700 }))
    expect(picture).toMatchObject({ format: 'jpeg', width: 1300, height: 700 })
    expect(picture.variants.map((v) => `${v.width}.${v.format}`)).toEqual([
      '400.jpeg', '400.webp', '400.avif', '800.jpeg', '800.webp', '800.avif', '1200.jpeg', '1200.webp', '1200.avif', '1300.webp', '1300.avif',
    ])
    for (const v of picture.variants) {
      const meta = await sharp(v.data).metadata()
      expect(meta.width).toBe(v.width)
      expect(meta.height).toBe(v.height)
      expect(meta.format === 'heif' ? meta.compression : meta.format).toBe(v.format === 'avif' ? 'av1' : v.format)
    }
  })

  it('makes every width up to 2000 and no full-width copies beyond it', async () => {
    const picture = await processPicture(await testPicture('png', 2400, 300))
    expect(picture).toMatchObject({ format: 'png', width: 2400, height: 300 })
    expect(picture.variants.map((v) => `${v.width}.${v.format}`)).toEqual(
      [400, 800, 1200, 1600, 2000].flatMap((w) => [`${w}.png`, `${w}.webp`, `${w}.avif`]),
    )
  })

  it('makes no copies of its own format for WebP and AVIF originals', async () => {
    const webp = await processPicture(await testPicture('webp', 900, 300))
    expect(webp.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['400.webp', '400.avif', '800.webp', '800.avif', '900.avif'])
    const avif = await processPicture(await testPicture('avif', 900, 300))
    expect(avif.format).toBe('avif')
    expect(avif.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['400.avif', '400.webp', '800.avif', '800.webp', '900.webp'])
  })

  it('keeps an animated GIF animated in WebP and makes no AVIF of it', async () => {
    const picture = await processPicture(await animatedGif(500, 100))
    expect(picture).toMatchObject({ format: 'gif', width: 500, height: 100 })
    expect(picture.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['400.png', '400.webp', '500.webp'])
    expect((await sharp(picture.variants[2]!.data).metadata()).pages).toBe(2)
  })

  it('strips EXIF and GPS metadata from the original and every variant', async () => {
    const withGps = await jpegWithGps()
    const before = await sharp(withGps).metadata()
    expect(before.exif).toBeDefined()
    expect(withGps.includes(Buffer.from('secret camera'))).toBe(true)

    const picture = await processPicture(withGps)
    expect(picture.variants.map((v) => v.format)).toContain('avif')
    for (const [name, data] of [['original', picture.original], ...picture.variants.map((v) => [`${v.width}.${v.format}`, v.data] as const)] as const) {
      const meta = await sharp(data).metadata()
      expect(meta.exif, name).toBeUndefined()
      expect(meta.xmp, name).toBeUndefined()
      expect(data.includes(Buffer.from('secret camera')), name).toBe(false)
      expect(data.includes(Buffer.from('Harbourcam')), name).toBe(false)
    }
  })

  it('accepts JPEG, PNG, WebP, AVIF and GIF by their content', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      await expect(processPicture(await testPicture(format)), format).resolves.toMatchObject({ format, width: 64, height: 48 })
    }
  })

  it('refuses SVG by name, saying why', async () => {
    await expect(refusal(processPicture(svgWithScript))).resolves.toEqual({ problem: 'svg', message: 'SVG pictures are not accepted: they can carry scripts.' })
    const bare = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    await expect(refusal(processPicture(bare))).resolves.toMatchObject({ problem: 'svg' })
  })

  it('refuses HTML and other non-pictures, whatever they are called', async () => {
    await expect(refusal(processPicture(htmlPage))).resolves.toEqual({
      problem: 'not-a-picture', message: 'The file is not a picture (it looks like text or HTML), whatever its name says: upload a JPEG, PNG, WebP, AVIF or GIF.',
    })
    await expect(refusal(processPicture(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe])))).resolves.toMatchObject({ problem: 'not-a-picture' })
    await expect(refusal(processPicture(Buffer.alloc(0)))).resolves.toMatchObject({ problem: 'not-a-picture' })
  })

  it('refuses a JPEG cut short', async () => {
    await expect(refusal(processPicture(await truncatedJpeg()))).resolves.toEqual({
      problem: 'damaged', message: 'The picture could not be read: the file looks damaged or cut short.',
    })
  })

  it('refuses pictures of more than 50 megapixels before decoding them', async () => {
    const started = Date.now()
    await expect(refusal(processPicture(await pngClaiming(10_000, 8_000)))).resolves.toEqual({
      problem: 'too-many-pixels',
      message: 'The picture is 10000 × 8000 pixels (80 megapixels): the limit is 50 megapixels. Make it smaller and try again.',
    })
    expect(Date.now() - started).toBeLessThan(1000)
    // Just under the limit, the header passes and the (tiny, broken) pixels are what fails.
    await expect(refusal(processPicture(await pngClaiming(7_000, 7_000)))).resolves.toMatchObject({ problem: 'damaged' })
  })
})

describe('placeholderPicture', () => {
  it('draws the same picture for the same seed and a different one for another', async () => {
    const a = await placeholderPicture('one', { width: 200, height: 100 })
    expect(a.equals(await placeholderPicture('one', { width: 200, height: 100 }))).toBe(true)
    expect(a.equals(await placeholderPicture('two', { width: 200, height: 100 }))).toBe(false)
  })
})
