import type { Metadata } from 'sharp'
import { loadSharp } from './load-sharp.js'
import type { PictureFormat } from '../content/media/picture.js'

/** More pixels than this (all frames counted) and a picture is refused: decoding it could take gigabytes. */
export const MAX_INPUT_PIXELS = 50_000_000

export type PictureProblem = 'svg' | 'not-a-picture' | 'unsupported-type' | 'too-many-pixels' | 'damaged'

/** Why a picture was refused, in a sentence for the person who uploaded it. */
export class PictureError extends Error {
  constructor(readonly problem: PictureProblem, message: string) {
    super(message)
  }
}

export const ACCEPTED_TYPES = 'JPEG, PNG, WebP, AVIF or GIF'

export interface PictureType {
  format: PictureFormat
  width: number
  height: number
  /** Frames of an animated GIF or WebP (1 otherwise). */
  pages: number
}

/**
 * What a picture really is, from its bytes and never its name: JPEG, PNG, WebP, AVIF or GIF.
 * SVG is refused by name (it is a document that can carry scripts), as is anything else, and
 * pictures of more than MAX_INPUT_PIXELS (decompression bombs) before a single pixel is decoded.
 * @example (await pictureTypeOf(pngBytes)).format // 'png'
 */
export async function pictureTypeOf(bytes: Buffer): Promise<PictureType> {
  // Before sharp: an SVG must be refused as SVG even where libvips cannot read SVG at all.
  if (looksLikeSvg(bytes)) throw svgRefused()
  let meta: Metadata
  try {
    const sharp = await loadSharp()
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    const what = looksLikeText(bytes) ? ' (it looks like text or HTML)' : ''
    throw new PictureError('not-a-picture', `The file is not a picture${what}, whatever its name says: upload a ${ACCEPTED_TYPES}.`)
  }
  if (meta.format === 'svg') throw svgRefused()
  const format = formatOf(meta)
  if (!format) {
    const name = meta.format === 'heif' ? 'HEIC' : (meta.format ?? 'unknown').toUpperCase()
    throw new PictureError('unsupported-type', `${name} pictures are not accepted: upload a ${ACCEPTED_TYPES}.`)
  }
  const width = meta.width ?? 0
  const height = meta.pageHeight ?? meta.height ?? 0
  const pages = meta.pages ?? 1
  if (width * height * pages > MAX_INPUT_PIXELS) {
    const megapixels = Math.round((width * height * pages) / 1e6)
    const frames = pages > 1 ? `, counting its ${pages} frames` : ''
    throw new PictureError('too-many-pixels',
      `The picture is ${width} × ${height} pixels (${megapixels} megapixels${frames}): the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels. Make it smaller and try again.`)
  }
  return { format, width, height, pages }
}

/** The error for a picture whose header is fine but whose pixels cannot be decoded. */
export const damagedPicture = () =>
  new PictureError('damaged', 'The picture could not be read: the file looks damaged or cut short.')

function formatOf(meta: Metadata): PictureFormat | undefined {
  switch (meta.format) {
    case 'jpeg': case 'png': case 'webp': case 'gif': return meta.format
    // HEIF holds AVIF (AV1) and the iPhone's HEIC (HEVC), which browsers do not show.
    case 'heif': return meta.compression === 'av1' ? 'avif' : undefined
    default: return undefined
  }
}

const svgRefused = () => new PictureError('svg', 'SVG pictures are not accepted: they can carry scripts.')

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  return head.startsWith('<') && /<svg[\s>]/i.test(head)
}

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 512)
  return head.length > 0 && !head.some((b) => b === 0 || (b < 9) || (b > 13 && b < 32))
}
