import { describe, expect, it } from 'vitest'
import type { Picture as StoredPicture, PictureFormat } from '../../content/media/picture.js'
import { Picture } from './picture.js'

const EXT: Record<PictureFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' }

function stored(format: PictureFormat, width: number, variants: `${number}.${PictureFormat}`[]): StoredPicture {
  return {
    id: 'p1', key: `pictures/p1/original.${EXT[format]}`, mimeType: `image/${format}`, width, height: width / 2, alt: '', remoteUrl: null,
    variants: variants.map((name) => {
      const [w, f] = name.split('.') as [string, PictureFormat]
      return { width: Number(w), height: Number(w) / 2, format: f, key: `pictures/p1/${w}.${EXT[f]}` }
    }),
  }
}

const render = (picture: StoredPicture) => String(<Picture picture={picture} alt="Boats" sizes="100vw" />)

describe('Picture', () => {
  it('offers AVIF first, then WebP, then the original format in the img', () => {
    const html = render(stored('jpeg', 1000, ['400.jpeg', '400.webp', '400.avif', '800.jpeg', '800.webp', '800.avif', '1000.webp', '1000.avif']))
    expect(html).toBe('<picture>'
      + '<source type="image/avif" srcset="/media/pictures/p1/400.avif 400w, /media/pictures/p1/800.avif 800w, /media/pictures/p1/1000.avif 1000w" sizes="100vw"/>'
      + '<source type="image/webp" srcset="/media/pictures/p1/400.webp 400w, /media/pictures/p1/800.webp 800w, /media/pictures/p1/1000.webp 1000w" sizes="100vw"/>'
      + '<img src="/media/pictures/p1/original.jpg" srcset="/media/pictures/p1/400.jpg 400w, /media/pictures/p1/800.jpg 800w, /media/pictures/p1/original.jpg 1000w" sizes="100vw"'
      + ' width="1000" height="500" alt="Boats" decoding="async" loading="lazy"/></picture>')
  })

  it('keeps older pictures without AVIF copies as they were', () => {
    const html = render(stored('png', 900, ['400.png', '400.webp', '900.webp']))
    expect(html).not.toContain('image/avif')
    expect(html).toContain('<source type="image/webp" srcset="/media/pictures/p1/400.webp 400w, /media/pictures/p1/900.webp 900w"')
    expect(html).toContain('src="/media/pictures/p1/original.png"')
  })

  it('gives an AVIF original a WebP img, and a WebP original no second WebP source', () => {
    const avif = render(stored('avif', 900, ['400.avif', '400.webp', '900.webp']))
    expect(avif).toContain('<source type="image/avif" srcset="/media/pictures/p1/400.avif 400w, /media/pictures/p1/original.avif 900w"')
    expect(avif).toContain('<img src="/media/pictures/p1/900.webp" srcset="/media/pictures/p1/400.webp 400w, /media/pictures/p1/900.webp 900w"')
    const webp = render(stored('webp', 900, ['400.webp', '400.avif', '900.avif']))
    expect(webp.match(/<source/g)).toHaveLength(1)
    expect(webp).toContain('<img src="/media/pictures/p1/original.webp" srcset="/media/pictures/p1/400.webp 400w, /media/pictures/p1/original.webp 900w"')
  })
})
