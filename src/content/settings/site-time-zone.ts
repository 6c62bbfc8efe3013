import type { Db } from '../../storage/connect.js'
import { readSettings } from './settings.repo.js'

/**
 * The time zone the newsroom enters and reads times in: the site's setting (UTC unless an
 * administrator chose another).
 * @example const zone = await readSiteTimeZone(db) // 'UTC'
 */
export async function readSiteTimeZone(db: Db): Promise<string> {
  return (await readSettings(db)).timeZone
}
