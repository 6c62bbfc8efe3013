import type { Picture } from './picture.js'

/** A picture as webhook payloads carry it (storage keys, not addresses: the site knows its URLs). */
export function toPictureEventData(picture: Picture, row: { createdAt: string; caption?: string; credit?: string }): Record<string, unknown> {
  return {
    id: picture.id,
    mime_type: picture.mimeType,
    width: picture.width,
    height: picture.height,
    alt: picture.alt,
    caption: row.caption ?? '',
    credit: row.credit ?? '',
    key: picture.key,
    remote_url: picture.remoteUrl,
    created_at: row.createdAt,
  }
}
