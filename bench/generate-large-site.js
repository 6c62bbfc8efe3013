#!/usr/bin/env node
// Generates a large site straight into SQLite, for the large-site benchmarks: N published articles
// (default 1,000,000) with sections, tags and authors, and the search index built in bulk at the end.
// Usage: node bench/generate-large-site.js --data-dir DIR [--articles 1000000]
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, articles: { type: 'string', default: '1000000' } } })
if (!values['data-dir']) throw new Error('--data-dir is required')
const N = Number(values.articles)
const dataDir = path.resolve(values['data-dir'])
execFileSync(process.execPath, [path.join(root, 'bin/masthead.js'), 'migrate'], { env: { ...process.env, MASTHEAD_DATA_DIR: dataDir }, stdio: 'inherit' })

const db = new SQLite(path.join(dataDir, 'masthead.db'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = OFF')
const started = Date.now()
let seed = 7
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = (list) => list[Math.floor(random() * list.length)]
const WORDS = ('council harbour budget school river bridge election police weather festival market housing transport hospital ' +
  'museum library court farmers fishing ferry station mayor minister report inquiry residents protest planning quay tide ' +
  'storm rail bus tram cycle garden park theatre concert gallery clinic nurse teacher pupil exam harvest orchard').split(' ')
const id = () => randomBytes(12).toString('hex')
const iso = (ms) => new Date(ms).toISOString()

// The search triggers would index row by row; the index is built in one go at the end instead.
const triggers = db.prepare("select sql from sqlite_master where type = 'trigger' and name like 'articles_search_%'").pluck().all()
for (const name of ['articles_search_insert', 'articles_search_update', 'articles_search_delete', 'articles_search_published']) db.exec(`drop trigger if exists ${name}`)

const sections = Array.from({ length: 40 }, (_, i) => ({ id: id(), slug: `section-${i}`, name: `Section ${i}` }))
const tags = Array.from({ length: 2000 }, (_, i) => ({ id: id(), slug: `topic-${i}`, name: `Topic ${i}` }))
const people = Array.from({ length: 400 }, (_, i) => ({ id: id(), slug: `reporter-${i}`, name: `Reporter ${i}` }))
const now = Date.now()
db.transaction(() => {
  const s = db.prepare('insert into sections (id, slug, name, description, position, created_at) values (?, ?, ?, ?, ?, ?)')
  sections.forEach((x, i) => s.run(x.id, x.slug, x.name, '', i, iso(now)))
  const t = db.prepare('insert into tags (id, slug, name, description, created_at) values (?, ?, ?, ?, ?)')
  for (const x of tags) t.run(x.id, x.slug, x.name, '', iso(now))
  const p = db.prepare('insert into people (id, slug, name, bio, created_at) values (?, ?, ?, ?, ?)')
  for (const x of people) p.run(x.id, x.slug, x.name, '', iso(now))
})()

const insertArticle = db.prepare(`insert into articles (id, slug, headline, dek, body_format, body_source, body_html, body_text,
  word_count, image_count, reading_minutes, status, section_id, language, created_at, updated_at, published_at, kind)
  values (?, ?, ?, ?, 'html', ?, ?, ?, ?, 0, ?, 'published', ?, 'en', ?, ?, ?, 'post')`)
const insertTag = db.prepare('insert into article_tags (article_id, tag_id, position) values (?, ?, ?)')
const insertAuthor = db.prepare('insert into article_authors (article_id, person_id, position) values (?, ?, ?)')
const BATCH = 20_000
for (let done = 0; done < N; done += BATCH) {
  db.transaction(() => {
    for (let i = done; i < Math.min(N, done + BATCH); i++) {
      const articleId = id()
      const words = Array.from({ length: 120 + Math.floor(random() * 200) }, () => pick(WORDS))
      // One article in a hundred mentions "lighthouse": the search benchmark's 1 % term.
      if (i % 100 === 0) words[Math.floor(random() * words.length)] = 'lighthouse'
      const paragraphs = []
      for (let w = 0; w < words.length; w += 60) paragraphs.push(words.slice(w, w + 60).join(' '))
      const html = paragraphs.map((p) => `<p>${p}.</p>`).join('\n')
      const headline = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`
      const published = now - (N - i) * 60_000
      insertArticle.run(articleId, `story-${i}`, headline, `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`, html, html, paragraphs.join('\n\n'),
        words.length, Math.max(1, Math.round(words.length / 275)), pick(sections).id, iso(published), iso(published), iso(published))
      // Every tenth article also carries tag 0, so one tag is big enough to have a page 500.
      const chosen = new Set([pick(tags).id, pick(tags).id, pick(tags).id, ...(i % 10 === 0 ? [tags[0].id] : [])])
      let position = 0
      for (const tagId of chosen) insertTag.run(articleId, tagId, position++)
      insertAuthor.run(articleId, pick(people).id, 0)
    }
  })()
  process.stderr.write(`\r${Math.min(N, done + BATCH).toLocaleString('en')} articles`)
}
process.stderr.write('\nbuilding the search index…\n')
db.exec(`insert into article_search_docs (article_id, published_at) select id, published_at from articles order by rowid;
  insert into article_search (rowid, headline, dek, body_text)
    select d.doc_id, a.headline, a.dek, a.body_text from articles a join article_search_docs d on d.article_id = a.id;`)
for (const sql of triggers) db.exec(sql)
// The kept public lists (migration 0014), filled as the migration fills them: in key order, the
// tags' and authors' rows from the front page's.
process.stderr.write('listing the articles…\n')
const listed = "a.kind = 'post' and a.status in ('published', 'scheduled') and a.published_at is not null"
db.exec(`delete from article_listings; delete from listing_counts;
  insert into article_listings (scope, term_id, listed_at, article_id) select 'all', '', a.published_at, a.id from articles a where ${listed}
    order by a.published_at, a.id;
  insert into article_listings (scope, term_id, listed_at, article_id) select 'section', a.section_id, a.published_at, a.id from articles a
    where ${listed} and a.section_id is not null order by a.section_id, a.published_at, a.id;
  insert into article_listings (scope, term_id, listed_at, article_id) select 'tag', t.tag_id, l.listed_at, l.article_id
    from article_listings l join article_tags t on t.article_id = l.article_id where l.scope = 'all' and l.term_id = ''
    order by t.tag_id, l.listed_at, l.article_id;
  insert into article_listings (scope, term_id, listed_at, article_id) select 'author', p.person_id, l.listed_at, l.article_id
    from article_listings l join article_authors p on p.article_id = l.article_id where l.scope = 'all' and l.term_id = ''
    order by p.person_id, l.listed_at, l.article_id;`)
db.exec('insert into listing_counts (scope, term_id, articles) select scope, term_id, count(*) from article_listings group by scope, term_id')
db.prepare("insert into settings (key, value) values ('content_version', ?) on conflict (key) do update set value = excluded.value").run(id())
db.pragma('wal_checkpoint(TRUNCATE)')
db.close()
console.log(JSON.stringify({ articles: N, seconds: (Date.now() - started) / 1000, dataDir }))
