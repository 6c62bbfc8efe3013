import sharp, { type Metadata, type Sharp } from 'sharp'
import type { PictureFormat } from '../content/media/picture.js'

/** Widths a browser may choose from through `srcset`; never wider than the original. */
export const VARIANT_WIDTHS = [400, 800, 1200, 1600, 2000] as const

export interface ProcessedPicture {
  format: PictureFormat
  width: number
  height: number
  /** The original re-encoded without metadata (EXIF, GPS) and turned upright. */
  original: Buffer
  variants: { width: number; height: number; format: PictureFormat; data: Buffer }[]
}

export class PictureError extends Error {}

const ACCEPTED: Record<string, PictureFormat> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', heif: 'avif', gif: 'gif' }

/**
 * Checks what a picture really is from its bytes, strips its metadata and makes its
 * responsive variants (the original format and WebP at each width below the original's,
 * and WebP at the original width).
 * @example const picture = await processPicture(await fs.readFile('harbour.jpg'))
 */
export async function processPicture(input: Buffer): Promise<ProcessedPicture> {
  let meta: Metadata
  try {
    meta = await sharp(input).metadata()
  } catch {
    throw new PictureError('not a picture: the content is not JPEG, PNG, WebP, AVIF or GIF')
  }
  const format = meta.format ? ACCEPTED[meta.format] : undefined
  if (!format) throw new PictureError(`pictures of type ${meta.format ?? 'unknown'} are not accepted: use JPEG, PNG, WebP, AVIF or GIF`)

  const upright = sharp(input, { animated: format === 'gif' }).rotate()
  const original = await encode(upright.clone(), format).toBuffer({ resolveWithObject: true })
  const { width, height } = original.info
  const variants: ProcessedPicture['variants'] = []
  for (const w of VARIANT_WIDTHS.filter((w) => w < width)) {
    const h = Math.round((height * w) / width)
    for (const variantFormat of new Set<PictureFormat>([format === 'gif' ? 'png' : format, 'webp'])) {
      const data = await encode(upright.clone().resize({ width: w }), variantFormat).toBuffer()
      variants.push({ width: w, height: h, format: variantFormat, data })
    }
  }
  if (format !== 'webp') {
    variants.push({ width, height, format: 'webp', data: await encode(upright.clone(), 'webp').toBuffer() })
  }
  return { format, width, height, original: original.data, variants }
}

function encode(image: Sharp, format: PictureFormat): Sharp {
  switch (format) {
    case 'jpeg': return image.jpeg({ quality: 80, mozjpeg: true })
    case 'png': return image.png({ compressionLevel: 9 })
    case 'webp': return image.webp({ quality: 75 })
    case 'avif': return image.avif({ quality: 50, effort: 4 })
    case 'gif': return image.gif()
  }
}
