import { assertNever, err, ok, type Result } from '../../core/result.js'
import type { ApiError } from './api-error.js'
import { compileFilter, type FilterFields, type Where } from './filter-fields.js'
import { parseFilter, type FilterError } from './nql-filter.js'

/**
 * The `filter` parameter of a request as a condition on the resource's query, or Ghost's 400:
 * a syntax error, a field outside the allow-list (named, with the fields there are), or a
 * value that does not fit its field.
 * @example const where = filterParam("tag:news+featured:true", POST_FILTER_FIELDS, clock.now())
 */
export function filterParam<DB, TB extends keyof DB>(text: string | undefined, fields: FilterFields<DB, TB>, now: Date): Result<Where<DB, TB> | undefined, ApiError> {
  if (text === undefined || text.trim() === '') return ok(undefined)
  const parsed = parseFilter(text, now)
  const compiled = parsed.ok ? compileFilter(parsed.value, fields) : parsed
  return compiled.ok ? compiled : err(toApiError(compiled.error, Object.keys(fields)))
}

function toApiError(error: FilterError, fields: string[]): ApiError {
  switch (error.type) {
    case 'syntax':
      return { type: 'bad-request', message: 'Error parsing filter', context: error.message, property: 'filter' }
    case 'unknown-field':
      return { type: 'bad-request', message: `Unknown filter field "${error.field}".`, context: `Fields to filter on: ${fields.join(', ')}.`, property: 'filter' }
    case 'invalid-value':
      return { type: 'bad-request', message: `Invalid filter on "${error.field}": ${error.message}.`, property: 'filter' }
    default:
      return assertNever(error)
  }
}
