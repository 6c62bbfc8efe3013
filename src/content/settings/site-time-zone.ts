import { isTimeZone } from '../../core/time-zone.js'
import type { Db } from '../../storage/connect.js'
import { readFlag } from './settings.repo.js'

/** The settings key of the newsroom's time zone (an IANA name such as "Europe/Oslo"). */
export const TIME_ZONE_KEY = 'timeZone'

/**
 * The time zone the newsroom enters and reads times in: the site's setting when it names a zone
 * this runtime knows, else UTC.
 * @example const zone = await readSiteTimeZone(db) // 'UTC'
 */
export async function readSiteTimeZone(db: Db): Promise<string> {
  const stored = await readFlag(db, TIME_ZONE_KEY)
  return stored && isTimeZone(stored) ? stored : 'UTC'
}
