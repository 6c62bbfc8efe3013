import { createHash } from 'node:crypto'

/**
 * A time as Ghost writes it: ISO 8601 in UTC with milliseconds and a `+00:00` offset.
 * @example ghostTime(new Date('2026-06-01T12:00:00Z')) // '2026-06-01T12:00:00.000+00:00'
 */
export function ghostTime(date: Date): string
export function ghostTime(date: Date | null): string | null
export function ghostTime(date: Date | null): string | null {
  return date ? date.toISOString().replace(/Z$/, '+00:00') : null
}

/**
 * A stable UUID for an object that has only a 24-hex id (Ghost posts carry both): the same id
 * always gives the same UUID, shaped as a name-based (version 5) UUID.
 * @example uuidFor('6744a1f0c3b2e19f8a7d5e21') // 'xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx'
 */
export function uuidFor(id: string): string {
  const hex = createHash('sha1').update(`masthead:${id}`).digest('hex').slice(0, 32).split('')
  hex[12] = '5'
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * Only the asked-for keys of an object, in the object's own order, plus those always kept
 * (included relations). Unknown names are ignored; if none is known, the whole object stays,
 * as Ghost does.
 * @example pickFields({ id: '1', title: 'T', url: 'u' }, ['title', 'nope'], []) // { title: 'T' }
 */
export function pickFields<T extends Record<string, unknown>>(object: T, fields: string[] | undefined, keep: readonly string[]): Partial<T> {
  if (!fields) return object
  const wanted = new Set([...fields.filter((f) => Object.hasOwn(object, f))])
  if (wanted.size === 0) return object
  for (const key of keep) wanted.add(key)
  return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.has(key))) as Partial<T>
}

/** Text made safe to put in HTML (Ghost's captions are HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
