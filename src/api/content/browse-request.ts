import { ok, type Result } from '../../core/result.js'
import type { ApiError } from './api-error.js'
import { filterParam } from './filter-param.js'
import type { FilterFields, Where } from './filter-fields.js'
import { parseOrder, type OrderTerm } from './order.js'
import { parseBrowseParams, type OutputParams } from './query-params.js'

/** A browse request, parsed and checked against one resource's allow-lists. */
export interface BrowseRequest<F extends string, DB, TB extends keyof DB> {
  where?: Where<DB, TB>
  order: OrderTerm<F>[]
  limit: number | 'all'
  /** Always 1 with `limit=all`. */
  page: number
  output: OutputParams
}

/**
 * Reads a browse request's query for a resource: paging, filter (compiled against `fields`),
 * order (from `orderFields`, else `defaultOrder`) and what to output; or the first problem as
 * Ghost's error.
 * @example const request = browseRequest(c.req.query(), { fields: TAG_FILTER_FIELDS, orderFields: TAG_ORDER_FIELDS, defaultOrder: DEFAULT_TAG_ORDER }, now)
 */
export function browseRequest<F extends string, DB, TB extends keyof DB>(
  query: Record<string, string>,
  resource: { fields: FilterFields<DB, TB>; orderFields: readonly F[]; defaultOrder: OrderTerm<F>[] },
  now: Date,
): Result<BrowseRequest<F, DB, TB>, ApiError> {
  const params = parseBrowseParams(query)
  if (!params.ok) return params
  const where = filterParam(params.value.filter, resource.fields, now)
  if (!where.ok) return where
  const order = params.value.order === undefined ? ok(resource.defaultOrder) : parseOrder(params.value.order, resource.orderFields)
  if (!order.ok) return order
  const { limit, fields, include, formats } = params.value
  return ok({
    ...(where.value && { where: where.value }),
    order: order.value,
    limit,
    page: limit === 'all' ? 1 : params.value.page,
    output: { fields, include, formats },
  })
}
