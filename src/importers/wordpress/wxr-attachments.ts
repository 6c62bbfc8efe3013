import type { ImportPicture } from '../import-record.js'
import { plainText } from './plain-text.js'
import type { WxrItem } from './read-wxr.js'

/** Just what a featured picture needs of an attachment: a few short strings, so thousands fit in memory. */
export interface WxrAttachment {
  url: string
  alt: string
  caption: string
  width?: number
  height?: number
}

/**
 * An attachment item as a picture that posts can refer to by id, or undefined for any other
 * item and for attachments without a usable http(s) address.
 * @example toAttachment(item) // { id: '1022', attachment: { url: 'https://…/featured.jpg', alt: 'Horizontal', caption: '' } }
 */
export function toAttachment(item: WxrItem): { id: string; attachment: WxrAttachment } | undefined {
  if (item.fields.get('wp:post_type')?.trim() !== 'attachment') return undefined
  const id = item.fields.get('wp:post_id')?.trim()
  const url = item.fields.get('wp:attachment_url')?.trim() ?? item.fields.get('guid')?.trim()
  if (!id || !url || !isWebUrl(url)) return undefined
  const attachment: WxrAttachment = {
    url,
    alt: (item.meta.get('_wp_attachment_image_alt') ?? '').trim(),
    caption: plainText(item.fields.get('excerpt:encoded') ?? ''),
    ...attachmentDimensions(item.meta.get('_wp_attachment_metadata') ?? ''),
  }
  return { id, attachment }
}

/**
 * The featured picture of a post: its `_thumbnail_id` looked up among the attachments.
 * `missing` when the post names an attachment the file does not hold.
 * @example heroFor(post, attachments) // { remoteUrl: 'https://…/featured.jpg', alt: '…', caption: '', width: 0, height: 0 }
 */
export function heroFor(item: WxrItem, attachments: ReadonlyMap<string, WxrAttachment>): ImportPicture | 'missing' | undefined {
  const id = thumbnailId(item)
  if (!id) return undefined
  return heroOf(id, attachments) ?? 'missing'
}

/** The picture of the attachment `id`, or undefined when there is no such attachment. */
export function heroOf(id: string, attachments: ReadonlyMap<string, WxrAttachment>): ImportPicture | undefined {
  const found = attachments.get(id)
  return found && { remoteUrl: found.url, alt: found.alt, caption: found.caption, width: found.width, height: found.height }
}

/**
 * The `_thumbnail_id` of an item whose attachment has not been read yet (it may come later in
 * the file), else undefined.
 */
export function thumbnailNotSeenYet(item: WxrItem, attachments: ReadonlyMap<string, WxrAttachment>): string | undefined {
  const id = thumbnailId(item)
  return id && !attachments.has(id) ? id : undefined
}

const thumbnailId = (item: WxrItem): string | undefined => item.meta.get('_thumbnail_id')?.trim() || undefined

/**
 * Width and height from `_wp_attachment_metadata`, a PHP-serialized array. Only the top-level
 * keys are read, which WordPress writes before the `sizes` of the resized copies.
 * @example attachmentDimensions('a:2:{s:5:"width";i:1200;s:6:"height";i:800;}') // { width: 1200, height: 800 }
 */
export function attachmentDimensions(serialized: string): { width?: number; height?: number } {
  const top = serialized.split('s:5:"sizes"')[0] ?? ''
  const read = (key: string) => {
    const match = new RegExp(`s:${key.length}:"${key}";(?:i:(\\d+)|s:\\d+:"(\\d+)");`).exec(top)
    const value = Number(match?.[1] ?? match?.[2])
    return Number.isSafeInteger(value) && value > 0 ? value : undefined
  }
  const width = read('width')
  const height = read('height')
  return width && height ? { width, height } : {}
}

function isWebUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)
}
