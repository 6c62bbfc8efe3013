import { describe, expect, it } from 'vitest'
import { parseWpDate, postTime } from './wp-dates.js'

describe('parseWpDate', () => {
  it('reads a WordPress date as UTC', () => {
    expect(parseWpDate('2013-01-12 03:22:19')?.toISOString()).toBe('2013-01-12T03:22:19.000Z')
    expect(parseWpDate(' 2030-01-01 19:00:18 ')?.toISOString()).toBe('2030-01-01T19:00:18.000Z')
  })
  it.each(['0000-00-00 00:00:00', '', '2013-02-31 00:00:00', '2013-13-01 00:00:00', 'yesterday', '2013-01-12'])('gives undefined for %j', (value) => {
    expect(parseWpDate(value)).toBeUndefined()
  })
  it('gives undefined for a missing value', () => {
    expect(parseWpDate(undefined)).toBeUndefined()
  })
})

describe('postTime', () => {
  it('prefers the GMT column and falls back to the local one', () => {
    expect(postTime('2020-01-01 10:00:00', '2020-01-01 12:00:00')?.toISOString()).toBe('2020-01-01T10:00:00.000Z')
    expect(postTime('0000-00-00 00:00:00', '2020-01-01 12:00:00')?.toISOString()).toBe('2020-01-01T12:00:00.000Z')
    expect(postTime(undefined, undefined)).toBeUndefined()
  })
})
