import { MIME_BY_FORMAT, type Picture as StoredPicture, type PictureFormat } from '../../content/media/picture.js'
import { paths } from '../../http/paths.js'

interface PictureProps {
  picture: StoredPicture
  alt: string
  /** The `sizes` attribute: how wide the picture is shown at each viewport width. */
  sizes: string
  /** The picture most likely to be the largest paint: load it first, never lazily. */
  priority?: boolean
}

type Candidate = { key: string; width: number }

const srcset = (candidates: Candidate[]) => candidates.map((c) => `${paths.media(c.key)} ${c.width}w`).join(', ')

const FORMAT_BY_MIME: Record<string, PictureFormat> = Object.fromEntries(Object.entries(MIME_BY_FORMAT).map(([f, m]) => [m, f as PictureFormat]))

/**
 * The copies of a stored picture by kind: AVIF, WebP, and the legacy format every browser shows
 * (JPEG, PNG, or GIF with its PNG stills), each with the original among them where it belongs.
 */
function candidatesOf(picture: StoredPicture): Record<'avif' | 'webp' | 'legacy', Candidate[]> {
  const kind = (format: PictureFormat | undefined) => (format === 'avif' || format === 'webp' ? format : 'legacy')
  const sets = { avif: [] as Candidate[], webp: [] as Candidate[], legacy: [] as Candidate[] }
  for (const v of picture.variants) sets[kind(v.format)].push(v)
  sets[kind(FORMAT_BY_MIME[picture.mimeType])].push({ key: picture.key, width: picture.width })
  for (const list of Object.values(sets)) list.sort((a, b) => a.width - b.width)
  return sets
}

/**
 * A responsive picture: AVIF where the browser takes it, then WebP, then the original's
 * format, each at the widths stored, with width and height so the page does not shift as it
 * loads. The `<img>` holds the most widely understood set (for an AVIF or WebP original, the
 * WebP copies), and its `src` is the largest of them.
 */
export function Picture({ picture, alt, sizes, priority = false }: PictureProps) {
  const loading = priority ? undefined : 'lazy'
  if (picture.remoteUrl) {
    // An imported archive's picture, left at its original address: no copies to choose from.
    const known = picture.width > 0 && picture.height > 0
    return <img src={picture.remoteUrl} alt={alt} width={known ? picture.width : undefined} height={known ? picture.height : undefined}
      decoding="async" loading={loading} fetchpriority={priority ? 'high' : undefined} />
  }
  const sets = candidatesOf(picture)
  const fallbackKind = sets.legacy.length ? 'legacy' : sets.webp.length ? 'webp' : 'avif'
  const fallback = sets[fallbackKind]
  const sources = (['avif', 'webp'] as const).filter((kind) => kind !== fallbackKind && sets[kind].length > 0)
  return (
    <picture>
      {sources.map((kind) => <source type={MIME_BY_FORMAT[kind]} srcset={srcset(sets[kind])} sizes={sizes} />)}
      <img
        src={paths.media(fallback[fallback.length - 1]!.key)}
        srcset={srcset(fallback)}
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
