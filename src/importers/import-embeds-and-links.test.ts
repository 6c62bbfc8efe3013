import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importWorkspace } from '../../test/support/import-workspace.js'
import { TEST_NOW, createTestSite } from '../../test/support/test-site.js'
import { findArticleById, findArticleIdBySourceKey } from '../content/articles/article.repo.js'
import { writeExport } from '../export/write-export.js'
import { importFiles } from './import-files.js'

const ws = importWorkspace('mh-embeds-')
const now = new Date(TEST_NOW)
const SITE = 'https://news.test'
const YT = 'dQw4w9WgXcQ'

const importInto = async (files: string[]) => {
  const result = await importFiles({ ...ws.site, now, siteUrl: SITE }, files)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const bodyOf = async (sourceKey: string) => {
  const id = await findArticleIdBySourceKey(ws.site.db, sourceKey)
  return id ? (await findArticleById(ws.site.db, id))!.body.html : undefined
}

const ghostExport = (html: string) => JSON.stringify({
  db: [{ meta: { version: '5.0.0' }, data: { posts: [{ id: 'p1', title: 'Harbour video', slug: 'harbour-video', html, status: 'published', published_at: '2026-05-01T10:00:00.000Z' }] } }],
})

const savedPage = (body: string) => `<!doctype html><html lang="en"><head><title>Quay reopens</title>
<link rel="canonical" href="https://elsewhere.example/quay-reopens"></head>
<body><article><h1>Quay reopens</h1>${body}</article></body></html>`

describe('imports keep embeds of allow-listed providers', () => {
  it('a Ghost embed card becomes the site’s embed, with its caption; other frames are dropped', async () => {
    await importInto([ws.write('ghost.json', ghostExport(
      `<p>The new quay:</p><figure class="kg-card kg-embed-card kg-card-hascaption"><iframe width="200" height="113" src="https://www.youtube.com/embed/${YT}?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen title="Quay opening"></iframe><figcaption>Opening day</figcaption></figure>`
      + '<figure class="kg-card kg-embed-card"><iframe src="https://tracker.example/embed"></iframe></figure>',
    ))])
    const html = await bodyOf('ghost:p1')
    expect(html).toBe('<p>The new quay:</p><figure class="embed embed-video">'
      + `<iframe src="https://www.youtube-nocookie.com/embed/${YT}" title="Quay opening" width="200" height="113" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"`
      + ' allow="encrypted-media; fullscreen; picture-in-picture" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"></iframe>'
      + '<figcaption>Opening day</figcaption></figure><figure></figure>')
  })

  it('a saved page keeps the frames of every allow-listed provider, and no other', async () => {
    await importInto([ws.write('page.html', savedPage(`<p>The harbour board published its figures on Monday, and a long enough paragraph keeps Readability interested in this article text about the quay.</p>
      <iframe src="https://open.spotify.com/embed/episode/4uLU6hMCjMI75M1A2tKUQC" title="The harbour podcast"></iframe>
      <p>Another paragraph with more words about the quay, the ferries, the fish market and the people who work on the harbour every day.</p>
      <iframe src="https://datawrapper.dwcdn.net/AbC12/1/" title="Ferry passengers by month"></iframe>
      <iframe src="https://ads.example/slot?id=1"></iframe>
      <p>A last paragraph, so the frames sit inside the article and not at its edge, with still more words about the harbour.</p>`))])
    const html = (await bodyOf('html:https://elsewhere.example/quay-reopens'))!
    expect([...html.matchAll(/<iframe src="([^"]+)" title="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'https://open.spotify.com/embed/episode/4uLU6hMCjMI75M1A2tKUQC The harbour podcast',
      'https://datawrapper.dwcdn.net/AbC12/1/ Ferry passengers by month',
    ])
    expect(html).not.toContain('ads.example')
  })
})

describe('nofollow ugc on imported pages saved from the web', () => {
  const page = savedPage(`<p>The harbour board said in <a href="https://board.example/minutes">its minutes</a> that the quay,
    first described <a href="${SITE}/quay-plans/">here</a>, would open, and a long enough paragraph keeps Readability interested in this article text.</p>
    <p>Another paragraph with more words about the quay, the ferries, the fish market and the people who work on the harbour every day.</p>`)

  it('marks a saved page’s links to other hosts nofollow ugc, not its links to this site', async () => {
    await importInto([ws.write('page.html', page)])
    const html = (await bodyOf('html:https://elsewhere.example/quay-reopens'))!
    expect(html).toContain('<a href="https://board.example/minutes" rel="nofollow ugc noopener noreferrer">its minutes</a>')
    expect(html).toContain(`<a href="${SITE}/quay-plans/" rel="noopener noreferrer">here</a>`)
  })

  it('leaves a newsroom archive’s links trusted', async () => {
    await importInto([ws.write('ghost.json', ghostExport('<p>See <a href="https://board.example/minutes">the minutes</a>.</p>'))])
    expect(await bodyOf('ghost:p1')).toBe('<p>See <a href="https://board.example/minutes" rel="noopener noreferrer">the minutes</a>.</p>')
  })

  it('keeps the marks through an export and restore', async () => {
    await importInto([ws.write('page.html', page)])
    const folder = path.join(ws.dir, 'export')
    await writeExport({ db: ws.site.db, files: ws.site.files, now }, folder)
    const restored = await createTestSite()
    try {
      const result = await importFiles({ db: restored.db, files: restored.files, now, siteUrl: SITE }, [folder])
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true)
      const [row] = await restored.db.selectFrom('articles').select('bodyHtml').execute()
      expect(row!.bodyHtml).toBe(await bodyOf('html:https://elsewhere.example/quay-reopens'))
      expect(result.ok && result.value.notes.join('\n')).not.toContain('rendered differently')
    } finally {
      await restored.close()
    }
  })
})
