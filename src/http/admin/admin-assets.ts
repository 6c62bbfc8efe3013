import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { CACHE } from '../cache-control.js'

/** The admin's browser files, by the name pages ask for. */
export type AdminAssetName = 'editor.js' | 'editor.css'

/**
 * Where `npm run build` (scripts/build-admin-assets.js) writes them. The same path from
 * src/http/admin and dist/http/admin, so tests on the sources find what the build wrote.
 */
export const ADMIN_ASSETS_DIR = fileURLToPath(new URL('../../../dist/admin-assets/', import.meta.url))

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export interface AdminAssets {
  /** The URL of an asset, e.g. `/admin/assets/editor.0123456789.js`. */
  path(name: AdminAssetName): string
  /** Serves `/admin/assets/:file`, from memory, cached for good: every URL holds its file's hash. */
  routes(): Hono
}

/**
 * Reads the admin assets' manifest and files once, at start-up. A missing build is an error that
 * says so, rather than pages pointing at scripts that are not there.
 * @example const assets = loadAdminAssets(); app.route('/', assets.routes()); assets.path('editor.js')
 */
export function loadAdminAssets(dir: string = ADMIN_ASSETS_DIR): AdminAssets {
  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`${manifestFile} is missing: the admin's scripts are built by \`npm run build\` (scripts/build-admin-assets.js)`)
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>
  const files = new Map(Object.values(manifest).map((url) => {
    const name = path.posix.basename(url)
    return [url, { body: new Uint8Array(fs.readFileSync(path.join(dir, name))), contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream' }]
  }))
  return {
    path(name) {
      const url = manifest[name]
      if (!url) throw new Error(`no admin asset "${name}" in ${manifestFile}`)
      return url
    },
    routes() {
      const app = new Hono()
      app.get('/admin/assets/:file', (c) => {
        const file = files.get(c.req.path)
        if (!file) return c.notFound()
        return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Cache-Control': CACHE.immutable })
      })
      return app
    },
  }
}

let built: AdminAssets | undefined
const defaultAssets = () => (built ??= loadAdminAssets())

/**
 * The URL of a built admin asset, for `<script src>` and `<link href>` in admin pages.
 * @example <script src={adminAssetPath('editor.js')} defer></script>
 */
export function adminAssetPath(name: AdminAssetName): string {
  return defaultAssets().path(name)
}

/**
 * The sub-app serving the built admin assets at `/admin/assets/:file`; mount it with the admin.
 * @example app.route('/', adminAssetRoutes())
 */
export function adminAssetRoutes(): Hono {
  return defaultAssets().routes()
}
