import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { placeholderPicture } from './placeholder-picture.js'
import { PictureError, processPicture } from './process-picture.js'

describe('processPicture', () => {
  it('makes variants below the original width in the original format and WebP, plus a full-width WebP', async () => {
    const picture = await processPicture(await placeholderPicture('seed', { width: 1300, height: 700 }))
    expect(picture).toMatchObject({ format: 'jpeg', width: 1300, height: 700 })
    expect(picture.variants.map((v) => `${v.width}.${v.format}`)).toEqual([
      '400.jpeg', '400.webp', '800.jpeg', '800.webp', '1200.jpeg', '1200.webp', '1300.webp',
    ])
    for (const v of picture.variants) {
      const meta = await sharp(v.data).metadata()
      expect(meta.width).toBe(v.width)
      expect(meta.format).toBe(v.format)
    }
  })

  it('strips EXIF and GPS metadata', async () => {
    const withExif = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .withExif({ IFD0: { Copyright: 'secret camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .jpeg().toBuffer()
    expect((await sharp(withExif).metadata()).exif).toBeDefined()
    const picture = await processPicture(withExif)
    expect((await sharp(picture.original).metadata()).exif).toBeUndefined()
    expect(picture.original.includes(Buffer.from('secret camera'))).toBe(false)
  })

  it('refuses SVG and things that are not pictures', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
    await expect(processPicture(svg)).rejects.toThrow(PictureError)
    await expect(processPicture(svg)).rejects.toThrow(/svg are not accepted/)
    await expect(processPicture(Buffer.from('<html>not a picture</html>'))).rejects.toThrow(/not a picture/)
  })
})

describe('placeholderPicture', () => {
  it('draws the same picture for the same seed and a different one for another', async () => {
    const a = await placeholderPicture('one', { width: 200, height: 100 })
    expect(a.equals(await placeholderPicture('one', { width: 200, height: 100 }))).toBe(true)
    expect(a.equals(await placeholderPicture('two', { width: 200, height: 100 }))).toBe(false)
  })
})
