import { err, ok, type Result } from '../../core/result.js'
import type { ApiError } from './api-error.js'

export interface OrderTerm<F extends string> {
  field: F
  direction: 'asc' | 'desc'
}

const TERM = /^([a-z_][a-z0-9_.]*)(?:\s+(asc|desc))?$/i

/**
 * Ghost's `order` parameter: comma-separated `field [asc|desc]` (ascending when left out), each
 * field from the resource's allow-list; anything else is a 400 naming it.
 * @example parseOrder('title asc, published_at DESC', ['title', 'published_at'])
 * // ok: [{ field: 'title', direction: 'asc' }, { field: 'published_at', direction: 'desc' }]
 */
export function parseOrder<F extends string>(text: string, allowed: readonly F[]): Result<OrderTerm<F>[], ApiError> {
  const terms: OrderTerm<F>[] = []
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = TERM.exec(part)
    const field = match?.[1]?.toLowerCase()
    if (!match || field === undefined) return err({ type: 'bad-request', message: `Invalid order "${part}": use a field name and asc or desc.`, property: 'order' })
    if (!allowed.includes(field as F)) {
      return err({ type: 'bad-request', message: `Cannot order by unknown field "${field}".`, context: `Fields to order by: ${allowed.join(', ')}.`, property: 'order' })
    }
    terms.push({ field: field as F, direction: match[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc' })
  }
  return ok(terms)
}
