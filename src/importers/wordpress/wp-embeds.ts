import { embedForPage } from '../../content/body/embed-providers.js'

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * What WordPress shows for an oEmbed address (a line of its own, `[embed]`, a `wp:embed`
 * block): the provider's frame when the address is an allow-listed provider's page, else a link
 * to it. The frame is only a proposal: the sanitiser rebuilds it, or drops it, like any other.
 * `address` is as written in the post, with `&amp;` for `&` where the editor wrote that.
 * @example oEmbedHtml('https://youtu.be/dQw4w9WgXcQ') // '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>'
 * @example oEmbedHtml('https://x.test/v') // '<a href="https://x.test/v">https://x.test/v</a>'
 */
export function oEmbedHtml(address: string, size: { width?: string; height?: string } = {}): string {
  const url = address.replace(/&amp;/g, '&')
  const embed = embedForPage(url)
  if (!embed) {
    const safe = escapeAttribute(url)
    return `<a href="${safe}">${safe}</a>`
  }
  const sides = (['width', 'height'] as const).map((side) => (size[side] && /^\d{1,5}$/.test(size[side]!) ? ` ${side}="${size[side]}"` : '')).join('')
  return `<iframe src="${escapeAttribute(embed.src)}"${sides}></iframe>`
}
