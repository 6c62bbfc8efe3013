#!/usr/bin/env node
// Bundles the admin's browser code (src/admin-ui/) with esbuild into fingerprinted files and a
// manifest that src/http/admin/admin-assets.ts reads at start-up. `npm run build` runs it after tsc.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Each served name and the source it is built from. */
const ENTRIES = {
  'editor.js': 'src/admin-ui/editor/main.ts',
  'editor.css': 'src/admin-ui/editor/editor.css',
}

/** The URL prefix the files are served under. */
export const ADMIN_ASSETS_PREFIX = '/admin/assets/'

/**
 * Builds every admin asset into `outDir` (emptied first) as NAME.HASH.EXT, HASH being the first
 * 10 hex digits of the file's SHA-256, and writes `manifest.json` mapping each name to its URL:
 * `{ "editor.js": "/admin/assets/editor.0123456789.js", "editor.css": … }`.
 * Minified, for browsers that run ES2020; the script is an IIFE, so it needs no module loader.
 * @example const manifest = await buildAdminAssets({ outDir: 'dist/admin-assets' })
 */
export async function buildAdminAssets({ outDir = path.join(projectRoot, 'dist/admin-assets') } = {}) {
  await fs.rm(outDir, { recursive: true, force: true })
  await fs.mkdir(outDir, { recursive: true })
  const manifest = {}
  for (const [name, source] of Object.entries(ENTRIES)) {
    const result = await esbuild.build({
      entryPoints: [path.join(projectRoot, source)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'eof',
      write: false,
      outdir: outDir,
      logLevel: 'silent',
    })
    const [output] = result.outputFiles
    const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 10)
    const extension = path.extname(name)
    const file = `${path.basename(name, extension)}.${hash}${extension}`
    await fs.writeFile(path.join(outDir, file), output.contents)
    manifest[name] = `${ADMIN_ASSETS_PREFIX}${file}`
  }
  await fs.writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = await buildAdminAssets()
  for (const [name, url] of Object.entries(manifest)) process.stdout.write(`admin asset ${name} -> ${url}\n`)
}
