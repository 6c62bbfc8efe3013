import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import type { ImportSource, SourceItem } from '../import-record.js'
import { extractArticle } from './extract-article.js'
import { splitByline } from './split-byline.js'

/**
 * A saved news page as an import source: one published post, cut out of the page by Readability.
 * Its key is the page's canonical URL, or the file's SHA-256 when the page names none, so
 * importing the same page again updates its article.
 * @example const source = await openHtmlPage('saved/harbour-plans.html')
 */
export async function openHtmlPage(file: string): Promise<ImportSource> {
  const bytes = await fs.readFile(file)
  async function* items(): AsyncGenerator<SourceItem> {
    const page = extractArticle(bytes.toString('utf8'))
    if (!page) {
      yield { problem: { file, message: 'no article found in the page' }, fatal: true }
      return
    }
    yield {
      record: {
        sourceKey: `html:${page.canonicalUrl ?? createHash('sha256').update(bytes).digest('hex')}`,
        location: `page "${page.headline}"`,
        kind: 'post',
        headline: page.headline,
        dek: page.dek,
        bodyHtml: page.contentHtml,
        status: 'published',
        publishedAt: page.publishedAt ?? null,
        language: page.language,
        canonicalUrl: page.canonicalUrl ?? null,
        authors: splitByline(page.byline).map((name) => ({ name })),
        hero: page.image ? { remoteUrl: page.image.url, alt: page.image.alt } : null,
        // Someone else's page: the site does not vouch for where its links go.
        trustedLinks: false,
      },
    }
  }
  return { format: 'html-page', items: items(), notes: () => [] }
}
