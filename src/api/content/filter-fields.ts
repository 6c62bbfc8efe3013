import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import { err, ok, type Result } from '../../core/result.js'
import type { FilterError, FilterNode, Scalar, Test } from './nql-filter.js'

/** A condition to put in a query's `where`, built once the query's expression builder is there. */
export type Where<DB, TB extends keyof DB> = (eb: ExpressionBuilder<DB, TB>) => Expression<SqlBool>

/** One field a filter may name: turns a test into a condition, or says why the test does not fit. */
export interface FilterField<DB, TB extends keyof DB> {
  compile(test: Test): Result<Where<DB, TB>, string>
}

/** The allow-list of a resource: only these names may appear in its filters. */
export type FilterFields<DB, TB extends keyof DB> = Readonly<Record<string, FilterField<DB, TB>>>

/**
 * Turns a parsed filter into one condition for Kysely: `+` becomes `eb.and`, `,` becomes `eb.or`,
 * and each test is built by its field. A field not in the allow-list is an error naming it.
 * Values are bound as parameters by Kysely: no filter text ever becomes SQL text.
 * @example
 * const where = compileFilter(parsed, POST_FILTER_FIELDS)
 * if (where.ok) query = query.where(where.value)
 */
export function compileFilter<DB, TB extends keyof DB>(node: FilterNode, fields: FilterFields<DB, TB>): Result<Where<DB, TB>, FilterError> {
  if (node.kind === 'test') {
    if (!Object.hasOwn(fields, node.field)) return err({ type: 'unknown-field', field: node.field })
    const where = fields[node.field]!.compile(node.test)
    return where.ok ? where : err({ type: 'invalid-value', field: node.field, message: where.error })
  }
  const parts: Where<DB, TB>[] = []
  for (const child of node.nodes) {
    const part = compileFilter(child, fields)
    if (!part.ok) return part
    parts.push(part.value)
  }
  return ok((eb) => node.kind === 'and' ? eb.and(parts.map((part) => part(eb))) : eb.or(parts.map((part) => part(eb))))
}

/** What a column holds as the database stores it: times as ISO strings, booleans as 0 or 1. */
type Stored = string | number | null
type StoredTest =
  | { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: Stored }
  | { op: 'in' | 'nin' | 'all'; values: Stored[] }
  | { op: 'contains' | 'starts' | 'ends'; text: string; negated: boolean }

type Column<DB, TB extends keyof DB> = (eb: ExpressionBuilder<DB, TB>) => Expression<Stored>
type Convert = (value: Scalar) => Result<Stored, string>

/** A text column (`slug:news`, `title:~'harbour'`). */
export const textField = <DB, TB extends keyof DB>(column: Column<DB, TB>): FilterField<DB, TB> =>
  columnField(column, toText, { text: true })

/** A time column: values are ISO dates or times (`published_at:>'2026-01-01'`) or relative (`now-7d`). */
export const dateField = <DB, TB extends keyof DB>(column: Column<DB, TB>): FilterField<DB, TB> =>
  columnField(column, toTime, { ordered: true })

/** A 0/1 column, filtered with `true` and `false`. */
export const booleanField = <DB, TB extends keyof DB>(column: Column<DB, TB>): FilterField<DB, TB> =>
  columnField(column, toFlag, {})

export const numberField = <DB, TB extends keyof DB>(column: Column<DB, TB>): FilterField<DB, TB> =>
  columnField(column, toNumber, { ordered: true })

/** A field with one value for everything (Ghost's `visibility:public`): a test is simply true or false. */
export function constantField<DB, TB extends keyof DB>(constant: string): FilterField<DB, TB> {
  const always = (yes: boolean): Where<DB, TB> => (eb) => (yes ? eb.and([]) : eb.or([]))
  return {
    compile: (test) => {
      switch (test.op) {
        case 'eq': return ok(always(test.value === constant))
        case 'ne': return ok(always(test.value !== constant))
        case 'in': return ok(always(test.values.includes(constant)))
        case 'nin': return ok(always(!test.values.includes(constant)))
        default: return err(`the only value is ${constant}`)
      }
    },
  }
}

/** Matches a related row's key column (its slug or id) with a positive test. */
export type Matcher = <IDB, ITB extends keyof IDB>(eb: ExpressionBuilder<IDB, ITB>, key: Expression<string>) => Expression<SqlBool>

/**
 * A to-many relation filtered by its rows' slugs (`tag:news`): `has(eb, match)` says whether some
 * related row matches, as an `exists` subquery. `tag:-news` means no tag `news` (not "some other
 * tag"), `tag:[a+b]` both tags, `tag:null` no tags at all.
 */
export function relationField<DB, TB extends keyof DB>(has: (eb: ExpressionBuilder<DB, TB>, match: Matcher) => Expression<SqlBool>): FilterField<DB, TB> {
  const matching = (test: StoredTest): Where<DB, TB> => (eb) => has(eb, (ieb, key) => compare(ieb, key, test))
  const none = (test: StoredTest): Where<DB, TB> => (eb) => eb.not(matching(test)(eb))
  const any: Where<DB, TB> = (eb) => has(eb, (ieb) => ieb.and([]))
  return {
    compile: (raw) => {
      const test = convertTest(raw, toText, { text: true })
      if (!test.ok) return test
      const t = test.value
      switch (t.op) {
        case 'eq': return ok(t.value === null ? (eb) => eb.not(any(eb)) : matching(t))
        case 'ne': return ok(t.value === null ? any : none({ op: 'eq', value: t.value }))
        case 'in': return ok(matching(t))
        case 'nin': return ok(none({ op: 'in', values: t.values }))
        case 'all': return ok((eb) => eb.and(t.values.map((value) => matching({ op: 'eq', value })(eb))))
        case 'contains': case 'starts': case 'ends':
          return ok(t.negated ? none({ ...t, negated: false }) : matching(t))
        default: return err('tags and authors are compared only with :, :-, :[…] and :~')
      }
    },
  }
}

function columnField<DB, TB extends keyof DB>(column: Column<DB, TB>, convert: Convert, kinds: { text?: boolean; ordered?: boolean }): FilterField<DB, TB> {
  return {
    compile: (raw) => {
      const test = convertTest(raw, convert, kinds)
      if (!test.ok) return test
      if (test.value.op === 'all') return err('[a+b] applies to tags and authors only')
      const t = test.value
      return ok((eb) => compare(eb, column(eb), t))
    },
  }
}

function convertTest(test: Test, convert: Convert, { text = false, ordered = false }: { text?: boolean; ordered?: boolean }): Result<StoredTest, string> {
  switch (test.op) {
    case 'eq': case 'ne': case 'gt': case 'gte': case 'lt': case 'lte': {
      if (test.op !== 'eq' && test.op !== 'ne' && !ordered && !text) return err('> and < do not apply to this field')
      const value = convert(test.value)
      if (!value.ok) return value
      if (value.value === null && test.op !== 'eq' && test.op !== 'ne') return err('null cannot be compared with > or <')
      return ok({ op: test.op, value: value.value })
    }
    case 'in': case 'nin': case 'all': {
      const values: Stored[] = []
      for (const raw of test.values) {
        const value = convert(raw)
        if (!value.ok) return value
        values.push(value.value)
      }
      return ok({ op: test.op, values })
    }
    case 'contains': case 'starts': case 'ends':
      return text ? ok(test) : err('~ applies to text fields only')
  }
}

/**
 * One test on one column. Negative tests (`-x`, `-[…]`, `-~`) keep rows where the column is
 * null: "not news" includes "nothing". Text searches ignore case (ASCII), as Ghost's do.
 */
function compare<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, lhs: Expression<Stored>, t: StoredTest): Expression<SqlBool> {
  const orNull = (condition: Expression<SqlBool>) => eb.or([condition, eb(lhs, 'is', null)])
  switch (t.op) {
    case 'eq': return t.value === null ? eb(lhs, 'is', null) : eb(lhs, '=', t.value)
    case 'ne': return t.value === null ? eb(lhs, 'is not', null) : orNull(eb(lhs, '!=', t.value))
    case 'gt': return eb(lhs, '>', t.value)
    case 'gte': return eb(lhs, '>=', t.value)
    case 'lt': return eb(lhs, '<', t.value)
    case 'lte': return eb(lhs, '<=', t.value)
    case 'in': case 'all': {
      const values = t.values.filter((v) => v !== null)
      const inList = values.length ? eb(lhs, 'in', values) : eb.or([])
      return t.values.includes(null) ? eb.or([inList, eb(lhs, 'is', null)]) : inList
    }
    case 'nin': {
      const values = t.values.filter((v) => v !== null)
      const notIn = values.length ? orNull(eb(lhs, 'not in', values)) : eb.and([])
      return t.values.includes(null) ? eb.and([notIn, eb(lhs, 'is not', null)]) : notIn
    }
    case 'contains': case 'starts': case 'ends': {
      const found = textMatch(eb, lhs, t.op, t.text)
      return t.negated ? orNull(eb.not(found)) : found
    }
  }
}

/**
 * Case-insensitive LIKE with the reader's text taken literally (`%`, `_` and `\\` escaped), the
 * same on SQLite and PostgreSQL; both sides lowered by the database.
 */
function textMatch<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, lhs: Expression<Stored>, op: 'contains' | 'starts' | 'ends', text: string): Expression<SqlBool> {
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
  const pattern = op === 'contains' ? `%${escaped}%` : op === 'starts' ? `${escaped}%` : `%${escaped}`
  // The escape character is bound as well: the SQL text holds no literal at all.
  return eb(eb.fn<string>('lower', [lhs]), 'like', sql<string>`lower(${pattern}) escape ${'\\'}`)
}

function toText(value: Scalar): Result<Stored, string> {
  if (typeof value === 'boolean') return err('expects text, not true or false')
  return ok(value === null ? null : String(value))
}

/** `2026-01-01`, `'2026-01-01 10:00:00'` (Ghost's own format, taken as UTC) or a full ISO time. */
function toTime(value: Scalar): Result<Stored, string> {
  if (value === null) return ok(null)
  if (typeof value === 'boolean') return err('expects a date, not true or false')
  const text = String(value).trim().replace(' ', 'T')
  const withZone = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) || /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`
  const time = /^\d{4}(-\d{2}){0,2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(withZone) ? Date.parse(withZone) : Number.NaN
  return Number.isNaN(time) ? err(`"${value}" is not a date`) : ok(new Date(time).toISOString())
}

function toFlag(value: Scalar): Result<Stored, string> {
  if (value === true || value === 1 || value === 'true') return ok(1)
  if (value === false || value === 0 || value === 'false') return ok(0)
  return err('expects true or false')
}

function toNumber(value: Scalar): Result<Stored, string> {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? ok(n) : err('expects a number')
}
