import nql from '@tryghost/nql-lang'
import { err, ok, type Result } from '../../core/result.js'

/** A value as a filter writes it. Relative dates (`now-7d`) arrive already resolved to ISO times. */
export type Scalar = string | number | boolean | null

/** One comparison of a field against values, as NQL can say it. */
export type Test =
  | { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar }
  | { op: 'in' | 'nin' | 'all'; values: Scalar[] }
  | { op: 'contains' | 'starts' | 'ends'; text: string; negated: boolean }

/** A parsed filter: conditions on named fields, joined by and (`+`) and or (`,`). */
export type FilterNode =
  | { kind: 'and' | 'or'; nodes: FilterNode[] }
  | { kind: 'test'; field: string; test: Test }

export type FilterError =
  | { type: 'syntax'; message: string }
  | { type: 'unknown-field'; field: string }
  | { type: 'invalid-value'; field: string; message: string }

/** A longer filter is refused before parsing: no client needs one, and it bounds the work a request can ask for. */
export const MAX_FILTER_LENGTH = 2000

/**
 * Parses an NQL filter (Ghost's filter language) into a typed tree, with `@tryghost/nql-lang`
 * as the parser. Nothing here touches SQL: the tree says what to compare, and values stay
 * values (see `compileFilter`). Relative dates are resolved against `now`, not the system clock.
 * @example parseFilter("tag:news+published_at:>'2026-01-01'", now)
 * // { ok: true, value: { kind: 'and', nodes: [{ kind: 'test', field: 'tag', test: { op: 'eq', value: 'news' } }, …] } }
 */
export function parseFilter(text: string, now: Date): Result<FilterNode, FilterError> {
  if (text.length > MAX_FILTER_LENGTH) return err({ type: 'syntax', message: `the filter is longer than ${MAX_FILTER_LENGTH} characters` })
  let raw: unknown
  try {
    raw = nql.parse(text, { preserveRelativeDates: true })
  } catch (error) {
    // The parser's first line says where it stopped; the rest repeats the input.
    return err({ type: 'syntax', message: String((error as Error).message ?? error).split('\n')[0]! })
  }
  return toNode(raw, now)
}

/** The parser's Mongo-like JSON (`{$and: […]}`, `{field: {$in: […]}}`) as a FilterNode, checked throughout. */
function toNode(raw: unknown, now: Date): Result<FilterNode, FilterError> {
  if (!isRecord(raw)) return syntax('a condition was expected')
  const keys = Object.keys(raw)
  if (keys.length !== 1) return syntax('one condition was expected')
  const key = keys[0]!
  const value = raw[key]
  // `((a:b))` leaves one group marker in the parser's output.
  if (key === 'yg') return toNode(value, now)
  if (key === '$and' || key === '$or') {
    if (!Array.isArray(value)) return syntax(`${key} without a list`)
    const nodes: FilterNode[] = []
    for (const item of value) {
      const node = toNode(item, now)
      if (!node.ok) return node
      nodes.push(node.value)
    }
    return ok({ kind: key === '$and' ? 'and' : 'or', nodes })
  }
  if (key.startsWith('$')) return syntax(`unexpected ${key}`)
  const test = toTest(value, now)
  return test.ok ? ok({ kind: 'test', field: key, test: test.value }) : err({ type: 'invalid-value', field: key, message: test.error })
}

const COMPARISONS = { $ne: 'ne', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' } as const
const LISTS = { $in: 'in', $nin: 'nin', $all: 'all' } as const

function toTest(raw: unknown, now: Date): Result<Test, string> {
  if (!isRecord(raw) || isRelativeDate(raw)) {
    const value = toScalar(raw, now)
    return value.ok ? ok({ op: 'eq', value: value.value }) : value
  }
  const keys = Object.keys(raw)
  const key = keys[0]
  if (keys.length !== 1 || key === undefined) return err('one comparison was expected')
  const value = raw[key]
  if (Object.hasOwn(COMPARISONS, key)) {
    const scalar = toScalar(value, now)
    return scalar.ok ? ok({ op: COMPARISONS[key as keyof typeof COMPARISONS], value: scalar.value }) : scalar
  }
  if (Object.hasOwn(LISTS, key)) {
    if (!Array.isArray(value)) return err(`${key} without a list`)
    const values: Scalar[] = []
    for (const item of value) {
      const scalar = toScalar(item, now)
      if (!scalar.ok) return scalar
      values.push(scalar.value)
    }
    return ok({ op: LISTS[key as keyof typeof LISTS], values })
  }
  if ((key === '$regex' || key === '$not') && value instanceof RegExp) return ok({ ...fromPattern(value), negated: key === '$not' })
  return err(`unsupported comparison ${key}`)
}

function toScalar(raw: unknown, now: Date): Result<Scalar, string> {
  if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return ok(raw)
  if (typeof raw === 'number' && Number.isFinite(raw)) return ok(raw)
  if (isRelativeDate(raw)) return relativeDate(raw.$relativeDate, now)
  return err('a value was expected')
}

/**
 * The text and position of `~'x'` (contains), `~^'x'` (starts with) and `~$'x'` (ends with),
 * read back from the RegExp the parser makes of them: it escapes every special character of
 * the text, so an unescaped `^` or `$` can only be the position.
 */
function fromPattern(pattern: RegExp): { op: 'contains' | 'starts' | 'ends'; text: string } {
  const source = pattern.source
  let text = ''
  let starts = false
  let ends = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (char === '\\' && i + 1 < source.length) text += source[++i]
    else if (char === '^' && i === 0) starts = true
    else if (char === '$' && i === source.length - 1) ends = true
    else text += char
  }
  return { op: starts ? 'starts' : ends ? 'ends' : 'contains', text }
}

type RelativeDate = { op: string; amount: number; unit: string }

function isRelativeDate(raw: unknown): raw is { $relativeDate: RelativeDate } {
  return isRecord(raw) && isRecord(raw.$relativeDate) && typeof raw.$relativeDate.amount === 'number'
}

const UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 }

/** `now-7d`, `now+1M`…: months and years move the calendar date (UTC), the rest a fixed length. */
function relativeDate({ op, amount, unit }: RelativeDate, now: Date): Result<string, string> {
  const sign = op === 'sub' ? -1 : 1
  const date = new Date(now)
  if (unit === 'months') date.setUTCMonth(date.getUTCMonth() + sign * amount)
  else if (unit === 'years') date.setUTCFullYear(date.getUTCFullYear() + sign * amount)
  else if (Object.hasOwn(UNIT_MS, unit)) date.setTime(date.getTime() + sign * amount * UNIT_MS[unit]!)
  else return err(`unknown unit of time "${unit}"`)
  return Number.isNaN(date.getTime()) ? err('the relative date is out of range') : ok(date.toISOString())
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp)
}

const syntax = (message: string) => err<FilterError>({ type: 'syntax', message })
