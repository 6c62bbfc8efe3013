import type { Picture } from '../../content/media/picture.js'

export interface SharePicture {
  key: string
  remoteUrl: string | null
  width: number
  height: number
  type: string
}

/** The widest JPEG/PNG copy no wider than this is what social networks fetch comfortably. */
const SHARE_MAX_WIDTH = 1600

/**
 * The copy of a picture to offer social networks and search engines: the original format
 * (every crawler reads JPEG and PNG, not all read WebP), as wide as possible up to 1600 px.
 * @example sharePicture(hero.picture) // { key: 'pictures/…/1200.jpg', width: 1200, height: 675, type: 'image/jpeg' }
 */
export function sharePicture(picture: Picture): SharePicture {
  if (picture.width <= SHARE_MAX_WIDTH || picture.mimeType === 'image/webp' || picture.remoteUrl) {
    return { key: picture.key, remoteUrl: picture.remoteUrl, width: picture.width, height: picture.height, type: picture.mimeType }
  }
  const candidates = picture.variants.filter((v) => v.format !== 'webp' && v.width <= SHARE_MAX_WIDTH)
  const best = candidates.sort((a, b) => b.width - a.width)[0]
  return best
    ? { key: best.key, remoteUrl: null, width: best.width, height: best.height, type: picture.mimeType }
    : { key: picture.key, remoteUrl: null, width: picture.width, height: picture.height, type: picture.mimeType }
}
