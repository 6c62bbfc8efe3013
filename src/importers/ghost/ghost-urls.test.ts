import { describe, expect, it } from 'vitest'
import { toGhostDate } from './ghost-export-schema.js'
import { absoluteGhostUrl, ghostSiteUrl, resolveBodyUrls } from './ghost-urls.js'
import { readGhostExport } from './read-ghost-export.js'

const SITE = 'https://blog.example/news'

describe('absoluteGhostUrl', () => {
  it.each([
    ['__GHOST_URL__/content/images/a.jpg', SITE, 'https://blog.example/news/content/images/a.jpg'],
    ['/content/images/a.jpg', SITE, 'https://blog.example/news/content/images/a.jpg'],
    ['https://cdn.example/a.jpg', undefined, 'https://cdn.example/a.jpg'],
    ['//cdn.example/a.jpg', undefined, 'https://cdn.example/a.jpg'],
    ['__GHOST_URL__/content/images/a.jpg', undefined, undefined],
    ['/content/images/a.jpg', undefined, undefined],
    ['javascript:alert(1)', SITE, undefined],
    ['a.jpg', SITE, undefined],
  ])('%s with site %s is %s', (url, site, expected) => expect(absoluteGhostUrl(url, site)).toBe(expected))
})

describe('ghostSiteUrl', () => {
  it('takes an absolute http(s) url setting, without its trailing slash', () => {
    expect(ghostSiteUrl([{ key: 'title', value: 'x' }, { key: 'url', value: 'https://blog.example/' }])).toBe('https://blog.example')
    expect(ghostSiteUrl([{ key: 'url', value: 'blog.example' }])).toBeUndefined()
    expect(ghostSiteUrl([])).toBeUndefined()
  })
})

describe('resolveBodyUrls', () => {
  const body = '<a href="__GHOST_URL__/sell/">Sell</a><img src="__GHOST_URL__/content/images/a.jpg" srcset="/content/images/s.jpg 600w, /content/images/l.jpg 1000w"><p>/content/images/ in text</p>'

  it('sends uploads to the old site and links to paths here', () => {
    expect(resolveBodyUrls(body, SITE)).toEqual({
      html: `<a href="/sell/">Sell</a><img src="${SITE}/content/images/a.jpg" srcset="${SITE}/content/images/s.jpg 600w, ${SITE}/content/images/l.jpg 1000w"><p>/content/images/ in text</p>`,
      unresolved: 0,
    })
  })

  it('counts the uploads it cannot make absolute', () => {
    expect(resolveBodyUrls(body, undefined)).toEqual({
      html: '<a href="/sell/">Sell</a><img src="/content/images/a.jpg" srcset="/content/images/s.jpg 600w, /content/images/l.jpg 1000w"><p>/content/images/ in text</p>',
      unresolved: 3,
    })
  })
})

describe('toGhostDate', () => {
  it.each([
    [1400000000000, '2014-05-13T16:53:20.000Z'],
    ['1400000000000', '2014-05-13T16:53:20.000Z'],
    ['2021-03-24T04:34:09.000Z', '2021-03-24T04:34:09.000Z'],
    ['2017-07-14 02:40:00', '2017-07-14T02:40:00.000Z'],
  ])('reads %j', (value, iso) => expect(toGhostDate(value)?.toISOString()).toBe(iso))
  it('refuses what is not a date', () => expect(toGhostDate('soon')).toBeUndefined())
})

describe('readGhostExport', () => {
  it('reads both shapes', () => {
    const data = { posts: [] }
    expect(readGhostExport(JSON.stringify({ db: [{ meta: { version: '4.1.0' }, data }] }), 'a.json')).toMatchObject({ ok: true, value: { version: '4.1.0' } })
    expect(readGhostExport(JSON.stringify({ meta: { version: '003' }, data }), 'a.json')).toMatchObject({ ok: true, value: { version: '003' } })
  })

  it('names the line of broken JSON', () => {
    expect(readGhostExport('{\n"db": [\n  {"data": }\n]}', 'a.json')).toMatchObject({ ok: false, error: { file: 'a.json', line: 3 } })
    expect(readGhostExport('{\n"db": [\n', 'a.json')).toMatchObject({ ok: false, error: { file: 'a.json', line: 2 } })
    const long = `{"db": [{"data": {"posts": [\n${'{"id": "1", "title": "T"},\n'.repeat(20)}{"id": x}\n${'{"id": "2"},\n'.repeat(20)}]}}]}`
    expect(readGhostExport(long, 'a.json')).toMatchObject({ ok: false, error: { file: 'a.json', line: 22 } })
    expect(readGhostExport('{"id": x, "title": "a longer tail than ten characters"}', 'a.json')).toMatchObject({ ok: false, error: { line: 1 } })
  })
})
