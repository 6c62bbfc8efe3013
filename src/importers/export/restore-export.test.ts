import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { featureArticle } from '../../content/articles/feature-article.js'
import { updateArticle } from '../../content/articles/update-article.js'
import { addCorrection } from '../../content/corrections/add-correction.js'
import { listCorrections } from '../../content/corrections/correction.repo.js'
import { ensureRemotePicture } from '../../content/media/remote-picture.js'
import { listRevisions } from '../../content/revisions/revision.repo.js'
import { storePicture } from '../../content/media/store-picture.js'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { packExport } from '../../export/pack-export.js'
import { writeExport } from '../../export/write-export.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { importFiles } from '../import-files.js'

type TestSite = Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
let dir: string
const sites: TestSite[] = []
const newSite = async () => { const site = await createTestSite(); sites.push(site); return site }

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-restore-')) })
afterEach(async () => {
  for (const site of sites.splice(0)) await site.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A site with something of everything an export has to carry. */
async function buildRichSite(site: TestSite) {
  const { db, files } = site
  const earlier = new Date('2026-03-04T05:06:07.890Z')
  await writeSettings(db, { title: 'The Alder Gazette', description: 'News from the estuary', language: 'de' }, earlier)
  const world = await ensureSection(db, { name: 'World', description: 'Beyond the harbour' }, earlier)
  const sport = await ensureSection(db, { name: 'Sport' }, earlier)
  const [quay, tide, ferry] = await Promise.all(['Quay', 'Tide', 'Ferry'].map((name) => ensureTag(db, { name }, earlier)))
  const mara = await ensurePerson(db, { name: 'Mara Lind', bio: 'Harbour reporter.' }, earlier)
  const jon = await ensurePerson(db, { name: 'Jon Ek' }, earlier)
  const { picture } = await storePicture(db, files, await placeholderPicture('harbour', { width: 1200, height: 675 }),
    { alt: 'The quay', caption: 'The quay in May', credit: 'Photo: Mara Lind', originalName: 'IMG_0042.JPG' }, earlier)
  const remote = await ensureRemotePicture(db, { url: 'https://old.example/wp-content/uploads/ferry.jpg', alt: 'A ferry', width: 640, height: 480 }, earlier)

  const lead = await addArticle(db, {
    headline: 'Quay reopens after the storm', dek: 'Repairs took six weeks.', sectionId: world.id,
    body: { format: 'markdown', source: 'The **quay** is open.\n\n![crane](https://old.example/crane.jpg)\n\nBoats are back.' },
    tagIds: [tide!.id, quay!.id], authorIds: [jon.id, mara.id], language: 'en-GB', sourceKey: 'wp:12',
    hero: { pictureId: picture.id, alt: 'The quay at dawn', caption: 'Open again', credit: 'Mara Lind' },
    publishedAt: new Date('2026-05-30T08:00:00.000Z'), canonicalUrl: 'https://old.example/quay/',
  }, earlier)
  await featureArticle(db, lead.id, true, earlier)
  await addArticle(db, {
    headline: 'Ferry timetable', sectionId: sport.id, tagIds: [ferry!.id], authorIds: [mara.id],
    body: { format: 'html', source: '<p>New <em>times</em> from June.</p><script>alert(1)</script>' },
    hero: { pictureId: remote.id, alt: 'The ferry' }, publishedAt: new Date('2026-05-31T09:00:00.000Z'),
  }, now)
  await addArticle(db, { headline: 'Draft about the tide', status: 'draft', tagIds: [tide!.id] }, now)
  await addArticle(db, { headline: 'Regatta preview', status: 'scheduled', publishedAt: new Date('2026-07-01T10:00:00.000Z') }, now)
  const about = await addArticle(db, { headline: 'About us', kind: 'page', body: { format: 'markdown', source: '# Who we are\n\nA small newsroom.' } }, now)
  const written = await addArticle(db, { headline: 'Written in the editor', body: { format: 'doc', source: JSON.stringify(EDITOR_DOC) } }, now)
  await db.insertInto('redirects').values([
    { fromPath: '/?p=12', articleId: lead.id, createdAt: now.toISOString() },
    { fromPath: '/2026/05/quay', articleId: lead.id, createdAt: now.toISOString() },
  ]).execute()
  // A second version by an editor (so two revisions), a correction and an update note.
  const edited = await updateArticle(db, about.id, { headline: 'About the Gazette', kind: 'page', status: 'published', body: { format: 'markdown', source: 'A small newsroom by the harbour.' } }, now, { baseVersion: 1, editedBy: 'editor-1' })
  if (!edited.ok) throw new Error('edit refused')
  await addCorrection(db, lead.id, { kind: 'correction', text: 'An earlier version named the wrong crane.' }, now, 'editor-1')
  await addCorrection(db, lead.id, { kind: 'update', text: 'The ferry is back too.' }, new Date(now.getTime() + 60_000), null)
  return { publicSlugs: [lead.slug, 'ferry-timetable', about.slug, written.slug], leadId: lead.id, aboutId: about.id }
}

/** A body as the editor stores it: its ProseMirror document. */
const EDITOR_DOC = { type: 'doc', content: [
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tides' }] },
  { type: 'paragraph', content: [{ type: 'text', text: 'The ' }, { type: 'text', text: 'new', marks: [{ type: 'bold' }] }, { type: 'text', text: ' quay.' }] },
  { type: 'image', attrs: { src: 'https://old.example/crane.jpg', alt: 'A crane', caption: 'The crane' } },
] }

/** Every file under a folder, by its relative path, with its bytes. */
function filesUnder(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>()
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    found.set(path.relative(folder, full), fs.readFileSync(full))
  }
  return found
}

const readSiteJson = (folder: string) => {
  const json = JSON.parse(fs.readFileSync(path.join(folder, 'site.json'), 'utf8'))
  delete json.masthead_export.exported_at
  return json
}

describe('export and restore', () => {
  it('restores a rich site exactly: a second export equals the first, media byte for byte, same pages', async () => {
    const original = await newSite()
    const { publicSlugs, leadId, aboutId } = await buildRichSite(original)
    const first = path.join(dir, 'first')
    const counts = await writeExport({ db: original.db, files: original.files, now }, first)
    expect(counts).toMatchObject({ articles: 6, sections: 2, tags: 3, people: 2, media: 2, redirects: 2, corrections: 2, revisions: 7, missingFiles: [] })
    expect(counts.mediaFiles).toBeGreaterThan(1)
    expect(fs.readFileSync(path.join(first, 'site.json'), 'utf8')).toMatch(/^\{\n"masthead_export": /)

    const restored = await newSite()
    const result = await importFiles({ db: restored.db, files: restored.files, now: new Date('2026-06-02T00:00:00.000Z') }, [first])
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true)
    expect(result.ok && result.value).toMatchObject({ created: 6, updated: 0 })

    const second = path.join(dir, 'second')
    await writeExport({ db: restored.db, files: restored.files, now }, second)
    expect(readSiteJson(second)).toEqual(readSiteJson(first))
    const media = filesUnder(path.join(first, 'media'))
    expect(media.size).toBe(counts.mediaFiles)
    expect(filesUnder(path.join(second, 'media'))).toEqual(media)

    // The databases match row for row, apart from the time of the last change.
    const withoutChangeTime = (dump: Record<string, unknown[]>) =>
      ({ ...dump, settings: dump.settings!.filter((s) => (s as { key: string }).key !== 'content_changed_at' && (s as { key: string }).key !== 'content_version') })
    expect(withoutChangeTime(await dumpDatabase(restored.db))).toEqual(withoutChangeTime(await dumpDatabase(original.db)))
    expect((await listCorrections(restored.db, leadId)).map((n) => n.kind)).toEqual(['correction', 'update'])
    expect((await listRevisions(restored.db, aboutId)).map((r) => [r.version, r.savedBy])).toEqual([[2, 'editor-1'], [1, null]])

    for (const slug of publicSlugs) {
      const [before, after] = await Promise.all([original, restored].map((s) => s.app.request(`/${slug}/`)))
      expect(after!.status, slug).toBe(200)
      expect(await after!.text(), slug).toBe(await before!.text())
    }
    expect(await (await restored.app.request('/')).text()).toBe(await (await original.app.request('/')).text())
    const redirect = await restored.app.request('/?p=12')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe(`/${publicSlugs[0]}/`)
  })

  it('restores from the tar `masthead export --tar` writes', async () => {
    const original = await newSite()
    await buildRichSite(original)
    const folder = path.join(dir, 'masthead-export-20260601T120000Z')
    await writeExport({ db: original.db, files: original.files, now }, folder)
    const tarFile = path.join(dir, 'export.tar')
    await packExport(folder, tarFile)
    const restored = await newSite()
    const result = await importFiles({ db: restored.db, files: restored.files, now }, [tarFile])
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true)
    const again = path.join(dir, 'again')
    await writeExport({ db: restored.db, files: restored.files, now }, again)
    expect(readSiteJson(again)).toEqual(readSiteJson(folder))
    expect(filesUnder(path.join(again, 'media'))).toEqual(filesUnder(path.join(folder, 'media')))
  })
})

describe('restore refuses', () => {
  /** Exports a small site and lets the test damage its site.json. */
  async function damagedExport(damage: (json: any) => void): Promise<string> {
    const original = await newSite()
    await buildRichSite(original)
    const folder = path.join(dir, 'export')
    await writeExport({ db: original.db, files: original.files, now }, folder)
    const file = path.join(folder, 'site.json')
    const json = JSON.parse(fs.readFileSync(file, 'utf8'))
    damage(json)
    fs.writeFileSync(file, JSON.stringify(json))
    return file
  }

  const cases: [string, (json: any) => void, Record<string, unknown>][] = [
    ['an article without its headline', (j) => { delete j.articles[2].headline }, { record: expect.stringMatching(/^article 3 \(id [0-9a-f]{24}\)$/), field: 'headline', message: 'is missing' }],
    ['a newer export version', (j) => { j.masthead_export.version = 2 }, { field: 'masthead_export.version', message: expect.stringMatching(/versions up to 1/) }],
    ['a tag that is not in the export', (j) => { j.articles[0].tag_ids.push('ffffffffffffffffffffffff') }, { field: expect.stringMatching(/^tag_ids\.\d$/), message: expect.stringMatching(/no tag with id f+/) }],
    ['two articles with one slug', (j) => { j.articles[1].slug = j.articles[0].slug }, { record: expect.stringMatching(/^article 2/), field: 'slug' }],
    ['a badly written time', (j) => { j.articles[0].created_at = '2026-05-30 08:00' }, { field: 'created_at' }],
    ['an editor body that is not a document', (j) => { j.articles.find((a: any) => a.body.format === 'doc').body.source = '{"type":"doc","content":[' }, {
      record: expect.stringMatching(/^article \d \(id [0-9a-f]{24}\)$/), field: 'body.source', message: expect.stringMatching(/^not an editor document: not valid JSON/),
    }],
    ['a correction of an article that is not in the export', (j) => { j.corrections[0].article_id = 'ffffffffffffffffffffffff' }, { record: expect.stringMatching(/^correction 1/), field: 'article_id' }],
    ['a note with an empty text', (j) => { j.corrections[1].text = '' }, { record: expect.stringMatching(/^correction 2/), field: 'text' }],
    ['two revisions of one version', (j) => { j.revisions[1] = { ...j.revisions[0], id: 'ffffffffffffffffffffffff' } }, { record: expect.stringMatching(/^revision 2/), field: 'version' }],
    ['a storage key outside the media folder', (j) => { j.media[0].storage_key = '../../etc/passwd' }, { record: expect.stringMatching(/^picture 1/), field: 'storage_key' }],
  ]
  it.each(cases)('%s: names the record and field, and leaves the site as it was', async (_name, damage, expected) => {
    const file = await damagedExport(damage)
    const target = await newSite()
    const before = await dumpDatabase(target.db)
    const result = await importFiles({ db: target.db, files: target.files, now }, [file])
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatchObject({ file, ...expected })
    expect(await dumpDatabase(target.db)).toEqual(before)
    expect(target.files.keys()).toEqual([])
  })

  it('accepts an export written before corrections, revisions and versions: articles start at version 1', async () => {
    const file = await damagedExport((j) => {
      delete j.corrections
      delete j.revisions
      for (const a of j.articles) delete a.version
    })
    const target = await newSite()
    const result = await importFiles({ db: target.db, files: target.files, now }, [file])
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true)
    expect(await target.db.selectFrom('articles').select('version').distinct().execute()).toEqual([{ version: 1 }])
    expect(await target.db.selectFrom('articleRevisions').select('id').execute()).toEqual([])
  })

  it('a site that already has content, and removes the picture files it copied when a late check fails', async () => {
    const file = await damagedExport(() => {})
    const target = await newSite()
    await addArticle(target.db, { headline: 'Already here' })
    const before = await dumpDatabase(target.db)
    const result = await importFiles({ db: target.db, files: target.files, now }, [file])
    expect(!result.ok && result.error.message).toMatch(/restored only into an empty site, and this one has 1 articles/)
    expect(await dumpDatabase(target.db)).toEqual(before)

    // A damaged picture file is found after other files were copied: all of them go again.
    const folder = path.dirname(file)
    const json = JSON.parse(fs.readFileSync(file, 'utf8'))
    const local = json.media.find((m: { remote_url: string | null }) => m.remote_url === null)
    fs.appendFileSync(path.join(folder, 'media', local.storage_key), 'x')
    const empty = await newSite()
    const damaged = await importFiles({ db: empty.db, files: empty.files, now }, [file])
    expect(!damaged.ok && damaged.error).toMatchObject({ field: 'sha256', message: expect.stringMatching(/does not match its sha256/) })
    expect(empty.files.keys()).toEqual([])
    expect(await empty.db.selectFrom('articles').select('id').execute()).toEqual([])
  })

  it('an export given together with other files', async () => {
    const file = await damagedExport(() => {})
    const capture = path.join(dir, 'a.txt')
    fs.writeFileSync(capture, 'Headline\n\n· 1 min read\n\nalt\n\nBody.\n')
    const target = await newSite()
    const result = await importFiles({ db: target.db, files: target.files, now }, [capture, file])
    expect(!result.ok && result.error.message).toMatch(/restored on its own/)
  })
})
