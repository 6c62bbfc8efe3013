import { countArticles } from '../content/articles/article.repo.js'
import { saveArticle } from '../content/articles/save-article.js'
import { slugify } from '../content/articles/slug.js'
import { storePicture } from '../content/media/store-picture.js'
import { ensurePerson } from '../content/people/person.repo.js'
import { ensureSection } from '../content/sections/section.repo.js'
import { readFlag, writeFlag, writeSettings } from '../content/settings/settings.repo.js'
import { ensureTag } from '../content/tags/tag.repo.js'
import { placeholderPicture } from '../images/placeholder-picture.js'
import { inTransaction, type Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import { demoArticles, demoAuthors, demoSections, demoSiteDescription, demoSiteTitle } from './demo-articles.js'

const DAY_MS = 24 * 60 * 60 * 1000
const FLAG = 'demo_content'

/**
 * Fills a brand-new, empty site with the demo newspaper, once: a site that already has
 * articles, or was offered the demo before, is left alone.
 * @returns how many demo articles were created
 */
export async function seedDemoIfEmpty(db: Db, files: FileStore, now: Date): Promise<number> {
  if ((await readFlag(db, FLAG)) !== undefined) return 0
  if ((await countArticles(db)) > 0) {
    await writeFlag(db, FLAG, 'skipped: the site had articles')
    return 0
  }
  // Pictures are drawn before the transaction: it then holds the write lock only briefly.
  const pictures = await Promise.all(demoArticles.map((a) => placeholderPicture(a.headline)))
  return inTransaction(db, async (trx) => {
    await writeSettings(trx, { title: demoSiteTitle, description: demoSiteDescription, language: 'en' })
    const sectionIds = new Map<string, string>()
    for (const s of demoSections) sectionIds.set(s.slug, (await ensureSection(trx, s, now)).id)
    const personIds = new Map<string, string>()
    for (const p of demoAuthors) personIds.set(p.slug, (await ensurePerson(trx, p, now)).id)
    let created = 0
    for (const [i, article] of demoArticles.entries()) {
      const publishedAt = new Date(now.getTime() - article.daysAgo * DAY_MS)
      const { picture } = await storePicture(trx, files, pictures[i]!, { alt: article.heroAlt }, publishedAt)
      const tagIds = []
      for (const name of article.tags) tagIds.push((await ensureTag(trx, { name }, now)).id)
      const saved = await saveArticle(trx, {
        headline: article.headline,
        dek: article.dek,
        body: { format: 'markdown', source: article.body },
        hero: { pictureId: picture.id, alt: article.heroAlt, caption: article.heroCaption, credit: article.heroCredit },
        status: 'published',
        publishedAt,
        sectionId: sectionIds.get(article.section) ?? null,
        tagIds,
        authorIds: article.authors.map((slug) => personIds.get(slug)).filter((id): id is string => id !== undefined),
        sourceKey: `demo:${slugify(article.headline)}`,
      }, publishedAt)
      if (!saved.ok) throw new Error(`demo article "${article.headline}" is invalid: ${JSON.stringify(saved.error)}`)
      created++
    }
    await writeFlag(trx, FLAG, 'seeded')
    return created
  })
}
