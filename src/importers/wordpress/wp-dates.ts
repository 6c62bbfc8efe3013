const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/

/**
 * Reads a WordPress date (`YYYY-MM-DD HH:MM:SS`) as UTC. WordPress writes `0000-00-00 00:00:00`
 * for "none" (a draft's GMT date); that, an empty value and anything unreadable give undefined.
 * @example parseWpDate('2013-01-12 03:22:19') // new Date('2013-01-12T03:22:19.000Z')
 * @example parseWpDate('0000-00-00 00:00:00') // undefined
 */
export function parseWpDate(value: string | undefined): Date | undefined {
  const match = WP_DATE.exec(value?.trim() ?? '')
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  if (year === 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 31 February over into March: refuse instead of guessing.
  return date.getUTCDate() === day ? date : undefined
}

/**
 * The post's time: the GMT column when WordPress filled it, else the local one read as UTC
 * (the export does not say which time zone the site was in).
 * @example postTime('0000-00-00 00:00:00', '2024-05-01 09:30:00') // new Date('2024-05-01T09:30:00.000Z')
 */
export function postTime(gmt: string | undefined, local: string | undefined): Date | undefined {
  return parseWpDate(gmt) ?? parseWpDate(local)
}
