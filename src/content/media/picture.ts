import { z } from 'zod'

export const PICTURE_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const
export type PictureFormat = (typeof PICTURE_FORMATS)[number]

/** A resized copy of a picture, stored beside the original. */
export interface PictureVariant {
  width: number
  height: number
  format: PictureFormat
  key: string
}

export const PictureVariants = z.array(z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(PICTURE_FORMATS),
  key: z.string().min(1),
}))

/** A stored picture: the original and its responsive variants. */
export interface Picture {
  id: string
  key: string
  mimeType: string
  width: number
  height: number
  variants: PictureVariant[]
  alt: string
  /** Set for a picture kept at its original address: it has no local file and no variants. */
  remoteUrl: string | null
}

export const MIME_BY_FORMAT: Record<PictureFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}
