import { describe, expect, it } from 'vitest'
import { parseFilter, type FilterNode } from './nql-filter.js'

const now = new Date('2026-06-01T12:00:00.000Z')
const parse = (text: string) => {
  const result = parseFilter(text, now)
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`)
  return result.value
}
const test = (field: string, t: unknown): FilterNode => ({ kind: 'test', field, test: t } as FilterNode)

describe('parseFilter', () => {
  it('reads each comparison', () => {
    expect(parse('tag:news')).toEqual(test('tag', { op: 'eq', value: 'news' }))
    expect(parse('tag:-news')).toEqual(test('tag', { op: 'ne', value: 'news' }))
    expect(parse('featured:true')).toEqual(test('featured', { op: 'eq', value: true }))
    expect(parse('reading_time:>5')).toEqual(test('reading_time', { op: 'gt', value: 5 }))
    expect(parse('reading_time:>=5')).toEqual(test('reading_time', { op: 'gte', value: 5 }))
    expect(parse("published_at:<'2026-01-01'")).toEqual(test('published_at', { op: 'lt', value: '2026-01-01' }))
    expect(parse("published_at:<='2026-01-01 10:00:00'")).toEqual(test('published_at', { op: 'lte', value: '2026-01-01 10:00:00' }))
    expect(parse('tag:[news,sport]')).toEqual(test('tag', { op: 'in', values: ['news', 'sport'] }))
    expect(parse('tag:-[news,sport]')).toEqual(test('tag', { op: 'nin', values: ['news', 'sport'] }))
    expect(parse('tag:[news+sport]')).toEqual(test('tag', { op: 'all', values: ['news', 'sport'] }))
    expect(parse('canonical_url:null')).toEqual(test('canonical_url', { op: 'eq', value: null }))
    expect(parse('canonical_url:-null')).toEqual(test('canonical_url', { op: 'ne', value: null }))
  })

  it('reads contains, starts-with and ends-with, with their text unescaped', () => {
    expect(parse("title:~'a.b*c'")).toEqual(test('title', { op: 'contains', text: 'a.b*c', negated: false }))
    expect(parse("title:~^'Tide $'")).toEqual(test('title', { op: 'starts', text: 'Tide $', negated: false }))
    expect(parse("title:~$'^end'")).toEqual(test('title', { op: 'ends', text: '^end', negated: false }))
    expect(parse("title:-~'storm'")).toEqual(test('title', { op: 'contains', text: 'storm', negated: true }))
  })

  it('joins with + (and) and , (or), + binding tighter, and groups with parentheses', () => {
    expect(parse('tag:news+featured:true')).toEqual({ kind: 'and', nodes: [test('tag', { op: 'eq', value: 'news' }), test('featured', { op: 'eq', value: true })] })
    expect(parse('tag:news+tag:sport,featured:true')).toEqual({
      kind: 'or',
      nodes: [{ kind: 'and', nodes: [test('tag', { op: 'eq', value: 'news' }), test('tag', { op: 'eq', value: 'sport' })] }, test('featured', { op: 'eq', value: true })],
    })
    expect(parse('(tag:news,tag:sport)+featured:true')).toEqual({
      kind: 'and',
      nodes: [{ kind: 'or', nodes: [test('tag', { op: 'eq', value: 'news' }), test('tag', { op: 'eq', value: 'sport' })] }, test('featured', { op: 'eq', value: true })],
    })
    expect(parse('((tag:news))')).toEqual(test('tag', { op: 'eq', value: 'news' }))
  })

  it('resolves relative dates against the given clock, not the system one', () => {
    expect(parse('published_at:>now-7d')).toEqual(test('published_at', { op: 'gt', value: '2026-05-25T12:00:00.000Z' }))
    expect(parse('published_at:<now+2h')).toEqual(test('published_at', { op: 'lt', value: '2026-06-01T14:00:00.000Z' }))
    expect(parse('published_at:>now-1M')).toEqual(test('published_at', { op: 'gt', value: '2026-05-01T12:00:00.000Z' }))
    expect(parse('published_at:>now-1y')).toEqual(test('published_at', { op: 'gt', value: '2025-06-01T12:00:00.000Z' }))
  })

  it('keeps quotes and SQL in values as plain data', () => {
    expect(parse("tag:'x\\' OR 1=1'")).toEqual(test('tag', { op: 'eq', value: "x' OR 1=1" }))
    expect(parse("title:'a; DROP TABLE articles; --'")).toEqual(test('title', { op: 'eq', value: 'a; DROP TABLE articles; --' }))
  })

  it('refuses what does not parse, saying where', () => {
    for (const bad of ['tag:', 'tag:news+', 'tag:[news', 'tag:news)', ':news', "tag:'unclosed", 'a:b:c']) {
      const result = parseFilter(bad, now)
      expect(result.ok, bad).toBe(false)
      if (!result.ok) expect(result.error, bad).toMatchObject({ type: 'syntax', message: expect.stringMatching(/filter at char \d+/) })
    }
    expect(parseFilter('tag:news,'.repeat(300), now)).toMatchObject({ ok: false, error: { type: 'syntax', message: expect.stringContaining('longer than') } })
  })

  it('refuses field names the parser would take as markers of its own', () => {
    expect(parseFilter('yg:1+tag:news', now)).toMatchObject({ ok: false, error: { type: 'syntax' } })
  })
})
