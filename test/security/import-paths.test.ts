import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { storePicture } from '../../src/content/media/store-picture.js'
import { writeExport } from '../../src/export/write-export.js'
import { placeholderPicture } from '../../src/images/placeholder-picture.js'
import { importFiles } from '../../src/importers/import-files.js'
import { tarArchive, type TarEntry } from '../support/tar-entries.js'
import { createTestSite, TEST_NOW } from '../support/test-site.js'

const now = new Date(TEST_NOW)
const SECRET = '/etc/passwd'

describe('a hostile Masthead export tar cannot write or read outside its own folder', () => {
  let dir: string
  let exported: { siteJson: string; original: string; variant: string; files: TarEntry[] }
  const sites: Awaited<ReturnType<typeof createTestSite>>[] = []
  const newSite = async () => { const site = await createTestSite(); sites.push(site); return site }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-tar-'))
    // A real export of a site with one stored picture, to wrap hostile entries around.
    const source = await newSite()
    const { picture } = await storePicture(source.db, source.files, await placeholderPicture('x', { width: 400, height: 300 }), { alt: 'x' }, now)
    const folder = path.join(dir, 'export')
    await writeExport({ db: source.db, files: source.files, now }, folder)
    const siteJson = fs.readFileSync(path.join(folder, 'site.json'), 'utf8')
    const files: TarEntry[] = []
    for (const key of [picture.key, ...picture.variants.map((v) => v.key)]) {
      files.push({ name: `media/${key}`, content: fs.readFileSync(path.join(folder, 'media', ...key.split('/'))) })
    }
    exported = { siteJson, original: picture.key, variant: picture.variants[0]!.key, files }
  })
  afterEach(async () => {
    for (const site of sites.splice(0)) await site.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const restore = async (entries: TarEntry[]) => {
    const file = path.join(dir, `hostile-${randomBytes(4).toString('hex')}.tar`)
    fs.writeFileSync(file, tarArchive([{ name: 'site.json', content: exported.siteJson }, ...entries]))
    const site = await newSite()
    return { site, result: await importFiles({ db: site.db, files: site.files, now }, [file]) }
  }

  it('restores the untampered archive (the control)', async () => {
    const { site, result } = await restore(exported.files)
    expect(result.ok).toBe(true)
    expect(await site.files.read(exported.variant)).toBeDefined()
  })

  it('never writes an entry named with .. or an absolute path outside the extraction folder', async () => {
    const tag = randomBytes(6).toString('hex')
    const outside = [path.join(os.tmpdir(), `escape-${tag}.txt`), path.join(os.tmpdir(), `escape2-${tag}.txt`), path.join(dir, `absolute-${tag}.txt`)]
    await restore([
      ...exported.files,
      { name: `../escape-${tag}.txt`, content: 'owned' },
      { name: `media/../../escape2-${tag}.txt`, content: 'owned' },
      { name: outside[2]!, content: 'owned' },
    ])
    for (const file of outside) expect(fs.existsSync(file), file).toBe(false)
  })

  it('refuses links, so no picture key can be made to read another file (a symlinked variant)', async () => {
    const hostile = exported.files.map((f) => (f.name === `media/${exported.variant}` ? { name: f.name, type: 'symlink' as const, linkname: SECRET } : f))
    const { site, result } = await restore(hostile)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/link/)
    expect(await site.files.read(exported.variant)).toBeUndefined()
  })

  it('refuses an export folder whose picture file is a link', async () => {
    const folder = path.join(dir, 'export')
    const variant = path.join(folder, 'media', ...exported.variant.split('/'))
    fs.rmSync(variant)
    fs.symlinkSync(SECRET, variant)
    const site = await newSite()
    const result = await importFiles({ db: site.db, files: site.files, now }, [folder])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/is a link/)
    expect(await site.files.read(exported.variant)).toBeUndefined()
  })

  it('refuses a hard link and a symlinked folder too', async () => {
    for (const entries of [
      exported.files.map((f) => (f.name === `media/${exported.variant}` ? { name: f.name, type: 'hardlink' as const, linkname: SECRET } : f)),
      [{ name: 'media/pictures', type: 'symlink' as const, linkname: '/etc' }, ...exported.files],
    ]) {
      const { site, result } = await restore(entries)
      expect(result.ok).toBe(false)
      expect(await site.files.read(exported.variant)).toBeUndefined()
    }
  })
})
