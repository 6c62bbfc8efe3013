import type { Sharp } from 'sharp'
import { loadSharp } from './load-sharp.js'
import type { PictureFormat } from '../content/media/picture.js'
import { damagedPicture, MAX_INPUT_PIXELS, PictureError, pictureTypeOf } from './picture-type.js'

export { PictureError } from './picture-type.js'

/** Widths a browser may choose from through `srcset`; never wider than the original. */
export const VARIANT_WIDTHS = [400, 800, 1200, 1600, 2000] as const
const LARGEST_VARIANT: number = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!

/**
 * AVIF's encoder effort (0 fastest … 9 smallest). Effort 4, sharp's default, took 16 s for one
 * 2000-pixel copy of a grainy photograph on our 2 cores; 2 takes about a tenth of that for files
 * a few per cent larger (bench/picture-processing.js, BENCHMARKS.md).
 */
export const AVIF_EFFORT = 2

export interface ProcessedPicture {
  format: PictureFormat
  width: number
  height: number
  /** The original re-encoded without metadata (EXIF, GPS) and turned upright. */
  original: Buffer
  variants: { width: number; height: number; format: PictureFormat; data: Buffer }[]
}

/**
 * Checks what a picture really is from its bytes (see pictureTypeOf), strips its metadata and
 * makes its responsive variants: at each of VARIANT_WIDTHS below the original's width, one in
 * the original's format (PNG for a GIF), one WebP and one AVIF; and WebP and AVIF at the
 * original's width too, when it is no wider than the widest variant. Animated pictures get no
 * AVIF (sharp writes AVIF stills only), so their WebP copies stay animated.
 * @example const picture = await processPicture(await fs.readFile('harbour.jpg'))
 */
export async function processPicture(input: Buffer, { avifEffort = AVIF_EFFORT }: { avifEffort?: number } = {}): Promise<ProcessedPicture> {
  const type = await pictureTypeOf(input)
  const { format } = type
  const animated = type.pages > 1
  // rotate() turns the picture upright by its EXIF orientation; no withMetadata(), so nothing
  // (EXIF, GPS, XMP, IPTC) is copied into any output.
  const sharp = await loadSharp()
  const upright = sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS }).rotate()
  const original = await decoded(encode(upright.clone(), format, avifEffort).toBuffer({ resolveWithObject: true }))
  const { width } = original.info
  const height = original.info.pageHeight ?? original.info.height
  const modern = (own: PictureFormat): PictureFormat[] => (['webp', 'avif'] as const).filter((f) => f !== own && !(f === 'avif' && animated))

  const planned: { width: number; height: number; format: PictureFormat }[] = []
  for (const w of VARIANT_WIDTHS.filter((w) => w < width)) {
    const h = Math.max(1, Math.round((height * w) / width))
    for (const f of new Set<PictureFormat>([format === 'gif' ? 'png' : format, 'webp', ...modern(format)])) planned.push({ width: w, height: h, format: f })
  }
  if (width <= LARGEST_VARIANT) for (const f of modern(format)) planned.push({ width, height, format: f })

  // One after another: the libvips thread pool already uses every core for each encode, and
  // running them side by side only makes each upload hold more memory at once.
  const variants: ProcessedPicture['variants'] = []
  for (const v of planned) {
    const image = v.width === width ? upright.clone() : upright.clone().resize({ width: v.width })
    variants.push({ ...v, data: await decoded(encode(image, v.format, avifEffort).toBuffer()) })
  }
  return { format, width, height, original: original.data, variants }
}

/** A picture whose header was fine can still fail to decode (cut short, corrupt): say so. */
async function decoded<T>(encoding: Promise<T>): Promise<T> {
  try {
    return await encoding
  } catch (error) {
    if (error instanceof PictureError) throw error
    const message = (error as Error).message
    if (/pixel limit/i.test(message)) throw new PictureError('too-many-pixels', `The picture has more than ${MAX_INPUT_PIXELS / 1e6} megapixels: make it smaller and try again.`)
    throw damagedPicture()
  }
}

function encode(image: Sharp, format: PictureFormat, avifEffort: number): Sharp {
  switch (format) {
    case 'jpeg': return image.jpeg({ quality: 80, mozjpeg: true })
    case 'png': return image.png({ compressionLevel: 9 })
    case 'webp': return image.webp({ quality: 75 })
    case 'avif': return image.avif({ quality: 50, effort: avifEffort })
    case 'gif': return image.gif()
  }
}
