import { describe, expect, it } from 'vitest'
import { formatDate } from './format.js'

describe('formatDate', () => {
  it('dates an instant on the calendar of the zone, in the language, asked again or not', () => {
    const lateEvening = new Date('2026-11-27T23:30:00Z')
    for (let round = 0; round < 2; round++) {
      expect(formatDate(lateEvening, 'en')).toBe('27 November 2026')
      expect(formatDate(lateEvening, 'en', 'Asia/Tokyo')).toBe('28 November 2026')
      expect(formatDate(lateEvening, 'fr')).toBe('27 novembre 2026')
      expect(formatDate(lateEvening, 'fr', 'Asia/Tokyo')).toBe('28 novembre 2026')
      expect(formatDate(new Date('2026-11-27T23:30:00.001Z'), 'en', 'Asia/Tokyo')).toBe('28 November 2026')
    }
  })

  it('writes what Intl writes, for thousands of instants, while the dates it keeps are dropped and kept again', () => {
    const start = Date.UTC(2019, 0, 1)
    for (let i = 0; i < 12_000; i++) {
      const date = new Date(start + i * 7_919_000)
      const zone = i % 3 === 0 ? 'America/St_Johns' : i % 3 === 1 ? 'Asia/Kathmandu' : 'UTC'
      const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zone }).format(date)
      expect(formatDate(date, 'en', zone)).toBe(expected)
      expect(formatDate(date, 'en', zone)).toBe(expected)
    }
  })
})
