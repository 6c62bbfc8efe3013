import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import type { Page } from 'playwright-core'
import { buildAdminAssets } from '../../scripts/build-admin-assets.js'
import { loadAdminAssets, type AdminAssets } from '../../src/http/admin/admin-assets.js'

export const HARNESS_CSRF = 'csrf-token-for-the-test'
/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** The body field of a harness page: the contract's markup, with this source, format and page label. */
export interface HarnessField {
  source: string
  format?: string
  label?: string
}

export interface EditorHarness {
  /** The page editing the named field. */
  url(field: string): string
  /** What the fake upload endpoint took, in order. */
  uploads: { name: string; type: string; size: number }[]
  /** The next upload is answered 413 `{ "error": "Pictures can be at most 20 MB." }`. */
  refuseNextUpload(): void
  close(): Promise<void>
}

/**
 * Serves, on a free port of 127.0.0.1, pages holding the body field exactly as the admin renders
 * it, the editor bundle built from the sources into a folder of its own (so no earlier
 * `npm run build` is needed, and the sources under test are what runs), and a fake upload
 * endpoint that checks the CSRF header and answers as the real one will.
 * @example const harness = await startEditorHarness({ empty: { source: '' } }); await page.goto(harness.url('empty'))
 */
export async function startEditorHarness(fields: Record<string, HarnessField>): Promise<EditorHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-editor-'))
  await buildAdminAssets({ outDir: dir })
  const uploads: EditorHarness['uploads'] = []
  const state = { refuseNext: false }
  const app = harnessApp(loadAdminAssets(dir), fields, uploads, state)
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: (field) => `${base}/edit/${field}`,
    uploads,
    refuseNextUpload: () => { state.refuseNext = true },
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

function harnessApp(assets: AdminAssets, fields: Record<string, HarnessField>, uploads: EditorHarness['uploads'], state: { refuseNext: boolean }): Hono {
  const app = new Hono()
  app.route('/', assets.routes())
  app.get('/edit/:field', (c) => {
    const field = fields[c.req.param('field')]
    if (!field) return c.notFound()
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Edit article</title>
<link rel="stylesheet" href="${assets.path('editor.css')}">
<script src="${assets.path('editor.js')}" defer></script></head>
<body><main><form method="post" action="/save">
${field.label ? `<label for="body-source">${field.label}</label>` : ''}
<div data-body-editor data-upload-url="/admin/media/upload" data-csrf-token="${HARNESS_CSRF}">
  <input type="hidden" name="bodyFormat" value="${field.format ?? 'doc'}">
  <textarea name="bodySource" ${field.label ? 'id="body-source" ' : ''}hidden>${escapeHtml(field.source)}</textarea>
</div>
<button>Save</button>
</form></main></body></html>`)
  })
  app.post('/admin/media/upload', async (c) => {
    if (c.req.header('x-csrf-token') !== HARNESS_CSRF) return c.json({ error: 'The form is out of date: reload the page.' }, 403)
    if (state.refuseNext) {
      state.refuseNext = false
      return c.json({ error: 'Pictures can be at most 20 MB.' }, 413)
    }
    const file = (await c.req.formData()).get('file')
    if (!(file instanceof File)) return c.json({ error: 'No file was sent.' }, 400)
    uploads.push({ name: file.name, type: file.type, size: file.size })
    return c.json({ id: `p${uploads.length}`, url: `/media/p${uploads.length}.png`, width: 1200, height: 800 }, 201)
  })
  app.get('/media/:file', (c) => c.body(new Uint8Array(PNG), 200, { 'Content-Type': 'image/png' }))
  return app
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/**
 * Presses a key and waits for the editor to take the selection it left. ProseMirror learns of a
 * caret moved by the browser from the asynchronous `selectionchange` event; a person is never
 * fast enough to press the next key before it, a test driver is.
 * @example await press(page, 'End')
 */
export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

/**
 * Pastes a file into the editor as a browser does for a copied picture: a clipboard holding the
 * file and no text.
 * @example await pasteFile(page, { name: 'a.png', type: 'image/png', bytes: PNG })
 */
export async function pasteFile(page: Page, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  await page.locator('.body-editor-text').evaluate((target, file) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, { ...file, bytes: [...file.bytes] })
}

/**
 * Drops a file at the end of the editor's first paragraph, as a browser does for a file dragged
 * in from the desktop.
 * @example await dropFile(page, { name: 'a.png', type: 'image/png', bytes: PNG })
 */
export async function dropFile(page: Page, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  await page.locator('.body-editor-text p').first().evaluate((paragraph, file) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
    const box = paragraph.getBoundingClientRect()
    const at = { clientX: box.right - 2, clientY: box.top + box.height / 2 }
    paragraph.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...at }))
  }, { ...file, bytes: [...file.bytes] })
}
