import { z } from 'zod'
import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { canonicalLanguage, DEFAULT_SETTINGS, isNavUrl, isTimeZone, SOCIAL_NETWORKS, type SiteSettings } from './site-settings.js'

export { DEFAULT_SETTINGS, type SiteSettings } from './site-settings.js'

/**
 * Each setting is one key/value row (so exports and restores carry them as they are); lists
 * are JSON. Reading never fails: a value that does not parse (a hand-edited database, a
 * restore from a newer version) reads as the default, so the public site keeps working.
 */
const CODECS: { [K in keyof SiteSettings]: { key: string; encode: (v: SiteSettings[K]) => string; decode: (raw: string) => SiteSettings[K] | undefined } } = {
  title: { key: 'title', encode: (v) => v, decode: (raw) => raw },
  description: { key: 'description', encode: (v) => v, decode: (raw) => raw },
  language: { key: 'language', encode: (v) => v, decode: (raw) => canonicalLanguage(raw) },
  timeZone: { key: 'time_zone', encode: (v) => v, decode: (raw) => (isTimeZone(raw) ? raw : undefined) },
  logoId: { key: 'logo_id', encode: (v) => v ?? '', decode: (raw) => raw || null },
  navigation: { key: 'navigation', encode: (v) => JSON.stringify(v), decode: (raw) => fromJson(NavigationJson, raw) },
  social: { key: 'social', encode: (v) => JSON.stringify(v), decode: (raw) => fromJson(SocialJson, raw) },
}

const NavigationJson = z.array(z.object({ label: z.string().min(1), url: z.string().refine(isNavUrl) }))
const SocialJson = z.partialRecord(z.enum(SOCIAL_NETWORKS), z.url({ protocol: /^https$/ }))

function fromJson<T>(schema: z.ZodType<T>, raw: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

const FIELDS = Object.keys(CODECS) as (keyof SiteSettings)[]
const KEYS = FIELDS.map((f) => CODECS[f].key)

export async function readSettings(db: Db): Promise<SiteSettings> {
  const { rows } = await runCompiledOnce(db, 'site settings', KEYS, () => db.selectFrom('settings').select(['key', 'value']).where('key', 'in', KEYS))
  const raw = new Map(rows.map((r) => [r.key, r.value]))
  const read = <K extends keyof SiteSettings>(field: K): SiteSettings[K] => {
    const value = raw.get(CODECS[field].key)
    return (value === undefined ? undefined : CODECS[field].decode(value)) ?? DEFAULT_SETTINGS[field]
  }
  return {
    title: read('title'), description: read('description'), language: read('language'), timeZone: read('timeZone'),
    logoId: read('logoId'), navigation: read('navigation'), social: read('social'),
  }
}

/** Writes the given settings and records the change, so cached public pages are refreshed. */
export async function writeSettings(db: Db, changes: Partial<SiteSettings>, now: Date = new Date()): Promise<void> {
  await markContentChanged(db, now)
  for (const field of FIELDS) {
    const value = changes[field]
    if (value === undefined) continue
    const { key, encode } = CODECS[field] as { key: string; encode: (v: unknown) => string }
    const encoded = encode(value)
    await db.insertInto('settings').values({ key, value: encoded })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: encoded })).execute()
  }
}

/** A flag kept in the settings table outside the public settings, e.g. whether demo content was offered. */
export async function readFlag(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value
}

export async function writeFlag(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}
