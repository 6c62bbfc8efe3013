import type Sharp from 'sharp'

let loading: Promise<typeof Sharp> | undefined

/**
 * sharp (libvips), loaded on first use: a server that only serves pages never holds it (about
 * 18 MB of resident memory); the first upload, import or icon loads it.
 * @example const sharp = await loadSharp(); await sharp(bytes).metadata()
 */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then((module) => module.default)
  return loading
}
