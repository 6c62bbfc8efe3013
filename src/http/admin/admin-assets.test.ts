import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAdminAssets } from '../../../scripts/build-admin-assets.js'
import { CACHE } from '../cache-control.js'
import { loadAdminAssets } from './admin-assets.js'

// Builds from the sources into a folder of its own, so it needs no earlier `npm run build`.
let dir: string
let manifest: Awaited<ReturnType<typeof buildAdminAssets>>
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-admin-assets-'))
  manifest = await buildAdminAssets({ outDir: dir })
})
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('admin assets', () => {
  it('are built minified under names holding the first 10 hex digits of their SHA-256', () => {
    expect(manifest).toEqual({
      'editor.js': expect.stringMatching(/^\/admin\/assets\/editor\.[0-9a-f]{10}\.js$/),
      'editor.css': expect.stringMatching(/^\/admin\/assets\/editor\.[0-9a-f]{10}\.css$/),
    })
    for (const url of Object.values(manifest)) {
      const bytes = fs.readFileSync(path.join(dir, path.basename(url)))
      expect(url).toContain(`.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.`)
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest)
    const script = fs.readFileSync(path.join(dir, path.basename(manifest['editor.js'])), 'utf8')
    expect(script).toContain('[data-body-editor]')
    expect(script).not.toContain('Turns one server-rendered body field') // minified: no doc comments
    expect(script).not.toMatch(/\bprocess\.env\b|\brequire\(/) // bundled for browsers
  })

  it('are served from the manifest with an immutable Cache-Control, and nothing else is', async () => {
    const assets = loadAdminAssets(dir)
    expect(assets.path('editor.js')).toBe(manifest['editor.js'])
    const app = assets.routes()
    const script = await app.request(manifest['editor.js'])
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('cache-control')).toBe(CACHE.immutable)
    expect(await script.text()).toBe(fs.readFileSync(path.join(dir, path.basename(manifest['editor.js'])), 'utf8'))
    const style = await app.request(manifest['editor.css'])
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
    for (const url of ['/admin/assets/manifest.json', '/admin/assets/editor.js', '/admin/assets/..%2Fmanifest.json', '/admin/assets/editor.0000000000.js']) {
      expect((await app.request(url)).status, url).toBe(404)
    }
  })

  it('say clearly when the build is missing', () => {
    expect(() => loadAdminAssets(path.join(dir, 'nowhere'))).toThrow(/manifest\.json is missing: .*npm run build/)
  })
})
