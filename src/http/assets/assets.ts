import { createHash } from 'node:crypto'
import { adminCss } from '../../views/admin/admin-css.js'
import { articleEditorScript } from './article-editor-script.js'
import { mediaLibraryScript } from './media-library-script.js'
import { searchScript } from './search-script.js'

/** A file served under a URL that holds its content hash, so it can be cached for good. */
export interface Asset {
  path: string
  contentType: string
  body: string
}

/**
 * The asset at `/assets/NAME.HASH.EXT`, HASH being the first 10 hex digits of its SHA-256:
 * a new version is a new URL, and no cache ever serves an old one for it.
 * @example fingerprinted('search', 'js', 'text/javascript; charset=utf-8', 'alert(1)').path // '/assets/search.6e11c72f7c.js'
 */
export function fingerprinted(name: string, extension: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 10)
  return { path: `/assets/${name}.${hash}.${extension}`, contentType, body }
}

/** Every asset of the site. Scripts are source strings, so `tsc` ships them in dist/ with the rest. */
export const ASSETS = {
  searchScript: fingerprinted('search', 'js', 'text/javascript; charset=utf-8', searchScript),
  adminCss: fingerprinted('admin', 'css', 'text/css; charset=utf-8', adminCss),
  articleEditorScript: fingerprinted('article-editor', 'js', 'text/javascript; charset=utf-8', articleEditorScript),
  mediaLibraryScript: fingerprinted('media-library', 'js', 'text/javascript; charset=utf-8', mediaLibraryScript),
} as const satisfies Record<string, Asset>
