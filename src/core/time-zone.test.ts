import { describe, expect, it } from 'vitest'
import { formatClock, fromLocalInput, toLocalInput } from './time-zone.js'

describe('time zones for forms', () => {
  it('reads and writes datetime-local values in a zone, across summer and winter time', () => {
    expect(fromLocalInput('2026-06-01T14:00', 'Europe/Oslo')).toEqual(new Date('2026-06-01T12:00:00Z'))
    expect(fromLocalInput('2026-01-15T09:30', 'Europe/Oslo')).toEqual(new Date('2026-01-15T08:30:00Z'))
    expect(fromLocalInput('2026-06-01T14:00', 'UTC')).toEqual(new Date('2026-06-01T14:00:00Z'))
    expect(fromLocalInput('2026-06-01T08:00', 'America/New_York')).toEqual(new Date('2026-06-01T12:00:00Z'))
    expect(toLocalInput(new Date('2026-06-01T12:00:00Z'), 'Europe/Oslo')).toBe('2026-06-01T14:00')
    expect(toLocalInput(new Date('2026-01-15T08:30:00Z'), 'Europe/Oslo')).toBe('2026-01-15T09:30')
    expect(formatClock(new Date('2026-06-01T12:05:00Z'), 'Asia/Kolkata')).toBe('17:35')
  })

  it('lands a time skipped by the spring clock change just after the gap, and refuses non-dates', () => {
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Oslo')).toEqual(new Date('2026-03-29T01:30:00Z'))
    expect(fromLocalInput('2026-02-30T10:00', 'UTC')).toBeUndefined()
    expect(fromLocalInput('tomorrow', 'UTC')).toBeUndefined()
  })
})
