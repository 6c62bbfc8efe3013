/**
 * Wall-clock times in a named time zone, for forms: `<input type="datetime-local">` gives a
 * time with no zone, which the newsroom means in the site's zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(date: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
  const n = (key: string) => Number(parts[key])
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') }
}

/** How far `timeZone` is ahead of UTC at `date`, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * The value a `datetime-local` input shows for `date` in `timeZone`, to the minute.
 * @example toLocalInput(new Date('2026-06-01T12:00:00Z'), 'Europe/Oslo') // '2026-06-01T14:00'
 */
export function toLocalInput(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * The moment a `datetime-local` value means in `timeZone`, or undefined if it is not one.
 * A time skipped by a clock change (02:30 on the spring-forward night) is read with the offset
 * from before the change, so it lands just after the gap.
 * @example fromLocalInput('2026-06-01T14:00', 'Europe/Oslo') // 2026-06-01T12:00:00.000Z
 */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(asUtc)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined
  // The offset depends on the moment, which depends on the offset: a second look settles it.
  const guess = asUtc - offsetAt(new Date(asUtc), timeZone)
  return new Date(asUtc - offsetAt(new Date(guess), timeZone))
}

/**
 * A short time and date in `timeZone`, for messages ("Saved at 10:42").
 * @example formatClock(new Date('2026-06-01T12:05:00Z'), 'UTC') // '12:05'
 */
export function formatClock(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone)
  return `${pad(p.hour)}:${pad(p.minute)}`
}
