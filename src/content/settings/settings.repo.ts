import type { Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'

/** Site-wide settings with their defaults; stored as key/value rows. */
export interface SiteSettings {
  title: string
  description: string
  language: string
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: 'Masthead',
  description: 'News, reported and published with Masthead.',
  language: 'en',
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]

export async function readSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', KEYS).execute()
  const settings = { ...DEFAULT_SETTINGS }
  for (const row of rows) settings[row.key as keyof SiteSettings] = row.value
  return settings
}

export async function writeSettings(db: Db, changes: Partial<SiteSettings>, now: Date = new Date()): Promise<void> {
  await markContentChanged(db, now)
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue
    await db.insertInto('settings').values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  }
}

/** A flag kept in the settings table outside the public settings, e.g. whether demo content was offered. */
export async function readFlag(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value
}

export async function writeFlag(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}
