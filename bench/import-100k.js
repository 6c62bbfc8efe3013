#!/usr/bin/env node
// WordPress import at scale: streams a generated WXR export of N posts (default 100,000; 300–500 words each,
// with categories, tags, authors, a featured picture on every tenth post and the attachments at the end)
// to a temp dir, then times `masthead import FILE` into a fresh data dir and reports its peak RSS.
// Usage: node bench/import-100k.js [--posts 100000] [--keep]
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } } })
const POSTS = Number(values.posts)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-bench-wxr-'))
const file = path.join(dir, 'export.xml')
const dataDir = path.join(dir, 'data')

// A small deterministic generator, so every run imports the same file.
let seed = 42
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = (list) => list[Math.floor(random() * list.length)]
const WORDS = ('council harbour budget school river bridge election police weather festival market housing transport ' +
  'hospital museum library court farmers fishing ferry station mayor minister report inquiry residents protest planning ' +
  'the a of and to in on for with at by from that this was were will said would could after before during while about ' +
  'new old local national public private early late first last major minor quiet busy northern southern coastal').split(' ')
const AUTHORS = Array.from({ length: 40 }, (_, i) => ({ login: `reporter${i}`, name: `Reporter Number ${i}` }))
const CATEGORIES = Array.from({ length: 25 }, (_, i) => `Section ${i}`)
const TAGS = Array.from({ length: 500 }, (_, i) => `Topic ${i}`)
const cdata = (text) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

function sentence() {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS))
  words[0] = words[0][0].toUpperCase() + words[0].slice(1)
  if (random() < 0.1) words[2] = `<em>${words[2]}</em>`
  if (random() < 0.05) words[4] = `<a href="https://old.example/${words[4]}">${words[4]}</a>`
  return `${words.join(' ')}.`
}
function body(words) {
  const paragraphs = []
  let count = 0
  while (count < words) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, sentence)
    count += sentences.join(' ').split(' ').length
    paragraphs.push(sentences.join(random() < 0.2 ? '\n' : ' '))
    if (random() < 0.08) paragraphs.push(`<h2>${sentence()}</h2>`)
    if (random() < 0.05) paragraphs.push(`[caption id="attachment_1" width="600"]<img src="https://old.example/uploads/${count}.jpg" alt="" /> ${sentence()}[/caption]`)
  }
  return paragraphs.join('\n\n')
}
function item(id) {
  const title = sentence().slice(0, 80).replace(/<[^>]*>/g, '')
  const name = `${slug(title).slice(0, 60)}-${id}`
  const author = pick(AUTHORS)
  const date = new Date(Date.UTC(2005, 0, 1) + id * 3_600_000).toISOString().replace('T', ' ').slice(0, 19)
  const categories = [pick(CATEGORIES), pick(CATEGORIES)].map((c) => `<category domain="category" nicename="${slug(c)}">${cdata(c)}</category>`)
  const tags = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(TAGS)).map((t) => `<category domain="post_tag" nicename="${slug(t)}">${cdata(t)}</category>`)
  const thumbnail = id % 10 === 0 ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${cdata(String(10_000_000 + id))}</wp:meta_value></wp:postmeta>` : ''
  return `<item><title>${cdata(title)}</title><link>https://old.example/${date.slice(0, 10).replaceAll('-', '/')}/${name}/</link>
<dc:creator>${cdata(author.login)}</dc:creator><content:encoded>${cdata(body(300 + Math.floor(random() * 200)))}</content:encoded>
<excerpt:encoded>${cdata(random() < 0.3 ? sentence() : '')}</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>${date}</wp:post_date>
<wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>${name}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>${categories.join('')}${tags.join('')}${thumbnail}</item>\n`
}
function attachment(id) {
  return `<item><title>Picture ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/uploads/${id}.jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(`Picture ${id}`)}</wp:meta_value></wp:postmeta></item>\n`
}

async function writeExport() {
  const out = fs.createWriteStream(file)
  const write = async (text) => { if (!out.write(text)) await once(out, 'drain') }
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://old.example</link><language>en-GB</language><wp:wxr_version>1.2</wp:wxr_version>
${AUTHORS.map((a) => `<wp:author><wp:author_login>${a.login}</wp:author_login><wp:author_display_name>${cdata(a.name)}</wp:author_display_name></wp:author>`).join('\n')}\n`)
  for (let id = 1; id <= POSTS; id++) await write(item(id))
  for (let id = 10; id <= POSTS; id += 10) await write(attachment(10_000_000 + id))
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
}

function importWithStats() {
  const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' }
  const bin = path.join(root, 'bin/masthead.js')
  const timed = fs.existsSync('/usr/bin/time')
  const [command, args] = timed ? ['/usr/bin/time', ['-v', process.execPath, bin, 'import', file]] : [process.execPath, [bin, 'import', file]]
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr += d })
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) return reject(new Error(`import exited ${code}:\n${stderr.slice(-2000)}`))
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]
      // CPU time says more than wall time on a machine shared with other work.
      const cpu = ['User', 'System'].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN))
      resolve({
        seconds, peakRssMb: kb ? Math.round(Number(kb) / 1024) : null, cpuSeconds: Math.round((cpu[0] + cpu[1]) * 10) / 10 || null,
        summary: stdout.trim().split('\n').at(-1),
      })
    })
  })
}

try {
  const generating = Date.now()
  await writeExport()
  const generateSeconds = (Date.now() - generating) / 1000
  const run = await importWithStats()
  const dbBytes = fs.statSync(path.join(dataDir, 'masthead.db')).size
  console.log(JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    posts: POSTS,
    fileMb: Math.round(fs.statSync(file).size / 1e6),
    generateSeconds,
    importSeconds: Math.round(run.seconds * 10) / 10,
    postsPerSecond: Math.round(POSTS / run.seconds),
    importCpuSeconds: run.cpuSeconds,
    peakRssMb: run.peakRssMb,
    dbMb: Math.round(dbBytes / 1e6),
    summary: run.summary,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    node: process.version,
    sqlite: spawnSync(process.execPath, ['-e', 'console.log(require("better-sqlite3/package.json").version)'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
  }, null, 2))
} finally {
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true })
  else console.error(`kept ${dir}`)
}
