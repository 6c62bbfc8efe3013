import { describe, expect, it } from 'vitest'
import { parseSearchParams } from './search-params.js'

describe('parseSearchParams', () => {
  it('reads every filter, and treats empty fields as absent', () => {
    expect(parseSearchParams({ q: 'ferry', section: 'world', author: 'mara-lind', from: '2026-05-01', to: '2026-05-31', page: '2' }))
      .toEqual({ q: 'ferry', filters: { sectionSlug: 'world', authorSlug: 'mara-lind', from: '2026-05-01', to: '2026-05-31' }, page: 2, ignored: [] })
    expect(parseSearchParams({ q: '', section: '', author: ' ', from: '', to: '', page: '' }))
      .toEqual({ q: '', filters: {}, page: 1, ignored: [] })
  })
  it('leaves out filters it cannot read, and names them', () => {
    const params = parseSearchParams({ q: 'x', section: 'World News!', author: '../etc', from: '2026-02-30', to: '31/05/2026' })
    expect(params.filters).toEqual({})
    expect(params.ignored).toEqual(['the section', 'the author', 'the “from” date', 'the “to” date'])
  })
  it('drops a range that ends before it starts', () => {
    const params = parseSearchParams({ q: 'x', from: '2026-06-02', to: '2026-06-01' })
    expect(params.filters).toEqual({})
    expect(params.ignored).toHaveLength(1)
  })
  it('has no page for anything that is not a page number', () => {
    for (const page of ['0', '-1', '02', '1.5', 'two', '1e3', '1001']) expect(parseSearchParams({ page }).page).toBeUndefined()
    expect(parseSearchParams({ page: '1000' }).page).toBe(1000)
  })
})
