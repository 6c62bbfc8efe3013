import type { Picture as StoredPicture, PictureVariant } from '../../content/media/picture.js'
import { paths } from '../../http/paths.js'

interface PictureProps {
  picture: StoredPicture
  alt: string
  /** The `sizes` attribute: how wide the picture is shown at each viewport width. */
  sizes: string
  /** The picture most likely to be the largest paint: load it first, never lazily. */
  priority?: boolean
}

const srcset = (variants: PictureVariant[], original?: { key: string; width: number }) =>
  [...variants.map((v) => `${paths.media(v.key)} ${v.width}w`), ...(original ? [`${paths.media(original.key)} ${original.width}w`] : [])].join(', ')

/**
 * A responsive picture: WebP where the browser takes it, the original format otherwise,
 * each at the widths stored, with width and height so the page does not shift as it loads.
 */
export function Picture({ picture, alt, sizes, priority = false }: PictureProps) {
  const loading = priority ? undefined : 'lazy'
  if (picture.remoteUrl) {
    // An imported archive's picture, left at its original address: no copies to choose from.
    const known = picture.width > 0 && picture.height > 0
    return <img src={picture.remoteUrl} alt={alt} width={known ? picture.width : undefined} height={known ? picture.height : undefined}
      decoding="async" loading={loading} fetchpriority={priority ? 'high' : undefined} />
  }
  const originalIsWebp = picture.mimeType === 'image/webp'
  const webp = picture.variants.filter((v) => v.format === 'webp')
  const fallback = originalIsWebp ? webp : picture.variants.filter((v) => v.format !== 'webp')
  return (
    <picture>
      {webp.length > 0 && !originalIsWebp && <source type="image/webp" srcset={srcset(webp)} sizes={sizes} />}
      <img
        src={paths.media(picture.key)}
        srcset={srcset(fallback, picture)}
        sizes={sizes}
        width={picture.width}
        height={picture.height}
        alt={alt}
        decoding={priority ? 'sync' : 'async'}
        loading={loading}
        fetchpriority={priority ? 'high' : undefined}
      />
    </picture>
  )
}
