import { insertableCopy, thumbnailCopy, type LibraryPicture } from '../../content/media/library-picture.js'
import { MIME_BY_FORMAT, type Picture } from '../../content/media/picture.js'
import { paths } from '../paths.js'

/**
 * The answer to a successful upload (201), as the body editor and the library page read it.
 * `url` is the copy to put in an article body (the original up to 2000 pixels wide, else its
 * 2000-pixel copy), `width` and `height` are that copy's; `srcset` lists the copies in the same
 * format as `url`, for an `<img srcset>`.
 */
export interface UploadedPictureJson {
  id: string
  url: string
  width: number
  height: number
  alt: string
  srcset: string
  thumbUrl: string
}

/** One picture of the picker's list (GET /admin/media/picker, JSON). */
export interface PickerPictureJson {
  id: string
  /** As in UploadedPictureJson. */
  url: string
  /** A copy about 400 pixels wide, for a grid. */
  thumbUrl: string
  /** The original's size in pixels. */
  width: number
  height: number
  /** The picture's default texts, to offer as the hero's alt text, caption and credit. */
  alt: string
  caption: string
  credit: string
  originalName: string
  createdAt: string
}

const addressOf = (picture: Picture, key: string) => picture.remoteUrl ?? paths.media(key)

/** @example toUploadedPictureJson(picture).url // '/media/pictures/…/original.jpg' */
export function toUploadedPictureJson(picture: Picture): UploadedPictureJson {
  const copy = insertableCopy(picture)
  const sameFormat = [
    ...picture.variants.filter((v) => MIME_BY_FORMAT[v.format] === picture.mimeType && v.width <= copy.width),
    ...(copy.key === picture.key ? [{ key: picture.key, width: picture.width }] : []),
  ].sort((a, b) => a.width - b.width)
  return {
    id: picture.id,
    url: addressOf(picture, copy.key),
    width: copy.width,
    height: copy.height,
    alt: picture.alt,
    srcset: picture.remoteUrl ? '' : sameFormat.map((c) => `${paths.media(c.key)} ${c.width}w`).join(', '),
    thumbUrl: addressOf(picture, thumbnailCopy(picture).key),
  }
}

/** @example toPickerPictureJson(item).thumbUrl // '/media/pictures/…/400.webp' */
export function toPickerPictureJson(item: LibraryPicture): PickerPictureJson {
  const { picture } = item
  const copy = insertableCopy(picture)
  return {
    id: picture.id,
    url: addressOf(picture, copy.key),
    thumbUrl: addressOf(picture, thumbnailCopy(picture).key),
    width: picture.width,
    height: picture.height,
    alt: picture.alt,
    caption: item.caption,
    credit: item.credit,
    originalName: item.originalName,
    createdAt: item.createdAt.toISOString(),
  }
}
