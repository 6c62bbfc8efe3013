import zlib from 'node:zlib'
import sharp from 'sharp'

/*
 * Small pictures made on the spot for tests: every accepted type, and the kinds of file an
 * upload must refuse. Flat colours and noise, so encoding them takes milliseconds.
 */

const flat = (width: number, height: number, background = '#336699') =>
  sharp({ create: { width, height, channels: 3, background } })

/** A picture of `format`, `width` × `height`. */
export function testPicture(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', width = 64, height = 48): Promise<Buffer> {
  return flat(width, height).toFormat(format).toBuffer()
}

/** A JPEG carrying EXIF with a camera, a copyright line and GPS coordinates. */
export function jpegWithGps(width = 900, height = 600): Promise<Buffer> {
  return flat(width, height)
    .withExif({
      IFD0: { Make: 'Harbourcam', Model: 'HC-1', Copyright: 'secret camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .jpeg().toBuffer()
}

/** A two-frame animated GIF. */
export function animatedGif(width = 500, height = 100): Promise<Buffer> {
  const frame = (background: string) => ({ create: { width, height, channels: 3 as const, background } })
  return sharp([frame('#aa3333'), frame('#3333aa')] as never, { join: { animated: true } }).gif({ delay: [200, 200] }).toBuffer()
}

/** The first half of a noisy JPEG: its header is fine, its pixels end early. */
export async function truncatedJpeg(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg().toBuffer()
  return jpeg.subarray(0, Math.floor(jpeg.length / 2))
}

/** An SVG with a script in it, as an attacker would upload one. */
export const svgWithScript = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>')

/** An HTML page, as if saved under a .jpg name. */
export const htmlPage = Buffer.from('<!doctype html><html><body><script>alert(1)</script><p>not a picture</p></body></html>')

/**
 * A tiny PNG whose header claims `width` × `height`: a decompression bomb's shape, without
 * the memory one would take to make.
 */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await testPicture('png', 8, 8))
  // IHDR is the first chunk: length (4), type (4) at 8, then width and height at 16 and 20.
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29)
  return png
}
