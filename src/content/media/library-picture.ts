import { MIME_BY_FORMAT, type Picture } from './picture.js'

/** A picture as the media library shows it: the picture, and what helps find and reuse it. */
export interface LibraryPicture {
  picture: Picture
  /** Size of the stored original in bytes (0 for a remote picture). */
  bytes: number
  /** The file's name when it was uploaded ('' for imports and the demo). */
  originalName: string
  /** Offered as the caption and credit whenever the picture is reused. */
  caption: string
  credit: string
  /** Who uploaded it, while they are still on the staff. */
  uploadedBy: { id: string; name: string } | null
  createdAt: Date
}

/** Where a picture is used, so it is not deleted from under an article. */
export type PictureUse =
  | { kind: 'hero' | 'inline'; articleId: string; headline: string; trashed: boolean }
  | { kind: 'logo' }

/** Longest default texts a picture keeps; the article's own hero texts have the same limits. */
export const LIBRARY_TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300, originalName: 255 } as const

/**
 * The picture copy to insert into an article body: the original when it is at most 2000 pixels
 * wide (or a GIF, whose copies are stills), else its widest copy in the original's format.
 * @example insertableCopy(picture).key // 'pictures/…/original.jpg'
 */
export function insertableCopy(picture: Picture): { key: string; width: number; height: number } {
  const original = { key: picture.key, width: picture.width, height: picture.height }
  if (picture.width <= 2000 || picture.mimeType === 'image/gif') return original
  const [widest] = picture.variants
    .filter((v) => MIME_BY_FORMAT[v.format] === picture.mimeType && v.width <= 2000)
    .sort((a, b) => b.width - a.width)
  return widest ?? original
}

/**
 * The smallest copy at least `width` pixels wide (or the widest there is), in the original's
 * format or WebP, for thumbnails.
 * @example thumbnailCopy(picture, 400).key // 'pictures/…/400.webp'
 */
export function thumbnailCopy(picture: Picture, width = 400): { key: string; width: number; height: number } {
  const candidates = [
    { key: picture.key, width: picture.width, height: picture.height },
    ...picture.variants.filter((v) => v.format === 'webp' || MIME_BY_FORMAT[v.format] === picture.mimeType),
  ].sort((a, b) => a.width - b.width || (a.key.endsWith('.webp') ? -1 : 1))
  return candidates.find((c) => c.width >= width) ?? candidates[candidates.length - 1]!
}
