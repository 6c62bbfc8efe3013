const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as readers of the site's language write it, in UTC until sites get a time zone setting.
 * @example formatDate(new Date('2026-11-27T09:00:00Z'), 'en') // '27 November 2026'
 */
export function formatDate(date: Date, language: string): string {
  let formatter = formatters.get(language)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' })
    formatters.set(language, formatter)
  }
  return formatter.format(date)
}

/**
 * "Alice", "Alice and Bob", "Alice, Bob and Carol".
 * @example joinNames(['A', 'B', 'C']) // 'A, B and C'
 */
export function joinNames<T>(items: T[]): { item: T; separator: string }[] {
  return items.map((item, i) => ({ item, separator: i === 0 ? '' : i === items.length - 1 ? ' and ' : ', ' }))
}
