import { featureArticle } from '../../src/content/articles/feature-article.js'
import { ensureRemotePicture } from '../../src/content/media/remote-picture.js'
import { storePicture } from '../../src/content/media/store-picture.js'
import { ensurePerson } from '../../src/content/people/person.repo.js'
import { ensureSection } from '../../src/content/sections/section.repo.js'
import { writeSettings } from '../../src/content/settings/settings.repo.js'
import { ensureTag } from '../../src/content/tags/tag.repo.js'
import { placeholderPicture } from '../../src/images/placeholder-picture.js'
import type { Db } from '../../src/storage/connect.js'
import type { FileStore } from '../../src/storage/files/file-store.js'
import { addArticle, TEST_NOW } from './test-site.js'

/** The public posts of `seedNewsroom`, newest first. */
export const NEWSROOM_POSTS = ['tide-tables-for-june', 'sport-results', 'ferry-timetable-changes', 'harbour-reopens-after-the-storm', 'quiet-day-on-the-estuary'] as const

/**
 * A small newspaper for Content API tests, at TEST_NOW: five public posts (one featured, with a
 * stored hero picture; one with a remote one), a draft, a post scheduled for later, a page,
 * three tags, two authors, two sections and site settings.
 */
export async function seedNewsroom(db: Db, files: FileStore) {
  const now = new Date(TEST_NOW)
  const at = (iso: string) => new Date(iso)
  await writeSettings(db, { title: 'The Alder Gazette', description: 'News from the estuary', language: 'en-GB' }, now)
  const world = await ensureSection(db, { name: 'World' }, now)
  const sport = await ensureSection(db, { name: 'Sport' }, now)
  const news = await ensureTag(db, { name: 'News', description: 'What happened today.' }, now)
  const sportTag = await ensureTag(db, { name: 'Sport' }, now)
  const tide = await ensureTag(db, { name: 'Tide' }, now)
  const mara = await ensurePerson(db, { name: 'Mara Lind', bio: 'Harbour reporter.' }, now)
  const jon = await ensurePerson(db, { name: 'Jon Ek' }, now)
  const { picture } = await storePicture(db, files, await placeholderPicture('harbour', { width: 800, height: 450 }), { alt: 'The quay' }, now)
  const ferryPicture = await ensureRemotePicture(db, { url: 'https://old.example/ferry.jpg', alt: 'A ferry', width: 640, height: 480 }, now)

  const harbour = await addArticle(db, {
    headline: 'Harbour reopens after the storm', dek: 'Repairs took six weeks.', sectionId: world.id,
    body: { format: 'markdown', source: 'The **quay** is open again.\n\nBoats are back.' },
    tagIds: [news.id, tide.id], authorIds: [mara.id], publishedAt: at('2026-05-01T08:00:00Z'),
    hero: { pictureId: picture.id, alt: 'The quay at dawn', caption: 'Open again', credit: 'Mara Lind' },
  })
  await featureArticle(db, harbour.id, true, now)
  await addArticle(db, { headline: 'Sport results', sectionId: sport.id, tagIds: [sportTag.id], authorIds: [jon.id, mara.id], publishedAt: at('2026-05-20T08:00:00Z') })
  await addArticle(db, {
    headline: 'Tide tables for June', tagIds: [tide.id, news.id], authorIds: [jon.id], publishedAt: at('2026-05-30T08:00:00Z'),
    canonicalUrl: 'https://tides.example/june/',
  })
  await addArticle(db, { headline: 'Quiet day on the estuary', publishedAt: at('2026-04-01T08:00:00Z') })
  await addArticle(db, {
    headline: 'Ferry timetable changes', tagIds: [news.id], authorIds: [mara.id], publishedAt: at('2026-05-10T08:00:00Z'),
    hero: { pictureId: ferryPicture.id, alt: 'The ferry' },
  })
  const draft = await addArticle(db, { headline: 'Draft about the budget', status: 'draft', tagIds: [news.id] })
  const scheduled = await addArticle(db, { headline: 'Regatta preview', status: 'scheduled', publishedAt: at('2026-06-10T08:00:00Z'), tagIds: [sportTag.id] })
  const about = await addArticle(db, { headline: 'About us', kind: 'page', authorIds: [mara.id], body: { format: 'markdown', source: 'A small newsroom.' } })
  return { harbour, draft, scheduled, about, tags: { news, sport: sportTag, tide }, people: { mara, jon }, sections: { world, sport } }
}
