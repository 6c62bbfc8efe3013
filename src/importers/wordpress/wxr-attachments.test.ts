import { describe, expect, it } from 'vitest'
import type { WxrItem } from './read-wxr.js'
import { attachmentDimensions, heroFor, toAttachment } from './wxr-attachments.js'

const item = (fields: Record<string, string>, meta: Record<string, string> = {}): WxrItem =>
  ({ line: 1, fields: new Map(Object.entries(fields)), categories: [], meta: new Map(Object.entries(meta)), comments: 0 })

describe('attachmentDimensions', () => {
  it('reads the top-level width and height, not those of the resized copies', () => {
    const php = 'a:5:{s:5:"width";i:1200;s:6:"height";i:800;s:4:"file";s:11:"2013/a.jpg";s:5:"sizes";a:1:{s:9:"thumbnail";a:3:{s:4:"file";s:5:"t.jpg";s:5:"width";i:150;s:6:"height";i:150;}}}'
    expect(attachmentDimensions(php)).toEqual({ width: 1200, height: 800 })
  })
  it('accepts numbers written as strings', () => {
    expect(attachmentDimensions('a:2:{s:5:"width";s:3:"640";s:6:"height";s:3:"480";}')).toEqual({ width: 640, height: 480 })
  })
  it('gives nothing when a dimension is missing or the value is not PHP-serialized', () => {
    expect(attachmentDimensions('a:1:{s:5:"sizes";a:1:{s:5:"width";i:150;s:6:"height";i:150;}}')).toEqual({})
    expect(attachmentDimensions('{"width":10,"height":10}')).toEqual({})
  })
})

describe('toAttachment and heroFor', () => {
  const attachment = item({ 'wp:post_type': 'attachment', 'wp:post_id': '7', 'wp:attachment_url': 'https://x.test/a.jpg', 'excerpt:encoded': 'A <b>caption</b>' },
    { _wp_attachment_image_alt: ' Alt text ', _wp_attachment_metadata: 'a:2:{s:5:"width";i:10;s:6:"height";i:20;}' })

  it('keeps an attachment\'s address, alt text, caption and size', () => {
    expect(toAttachment(attachment)).toEqual({ id: '7', attachment: { url: 'https://x.test/a.jpg', alt: 'Alt text', caption: 'A caption', width: 10, height: 20 } })
  })
  it('ignores posts and attachments without a web address', () => {
    expect(toAttachment(item({ 'wp:post_type': 'post', 'wp:post_id': '1' }))).toBeUndefined()
    expect(toAttachment(item({ 'wp:post_type': 'attachment', 'wp:post_id': '2', 'wp:attachment_url': 'file:///etc/passwd' }))).toBeUndefined()
  })
  it('finds the featured picture of a post by its _thumbnail_id', () => {
    const attachments = new Map([[toAttachment(attachment)!.id, toAttachment(attachment)!.attachment]])
    expect(heroFor(item({}, { _thumbnail_id: '7' }), attachments)).toEqual({ remoteUrl: 'https://x.test/a.jpg', alt: 'Alt text', caption: 'A caption', width: 10, height: 20 })
    expect(heroFor(item({}, { _thumbnail_id: '8' }), attachments)).toBe('missing')
    expect(heroFor(item({}), attachments)).toBeUndefined()
  })
})
