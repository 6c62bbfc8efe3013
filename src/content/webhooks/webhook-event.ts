/** Every event a webhook can subscribe to. `ping` is sent only on request, to one webhook. */
export const WEBHOOK_EVENTS = [
  'article.published', 'article.updated', 'article.unpublished', 'article.deleted',
  'section.added', 'section.updated', 'section.deleted',
  'tag.added', 'tag.updated', 'tag.deleted',
  'media.added', 'media.deleted',
] as const
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number]

/** What a webhook listens to: every event, or the ones listed. */
export type WebhookSubscription = '*' | WebhookEventName[]

/** The JSON body of every delivery; `id` is the delivery id, also sent as `X-Masthead-Delivery`. */
export interface WebhookPayload {
  id: string
  event: WebhookEventName | 'ping'
  created_at: string
  data: unknown
}

/**
 * Whether a webhook stored with this `events` column wants `event`.
 * @example isSubscribed('["tag.added"]', 'tag.added') // true
 */
export function isSubscribed(events: string, event: string): boolean {
  if (events === '*') return true
  try {
    const list: unknown = JSON.parse(events)
    return Array.isArray(list) && list.includes(event)
  } catch {
    return false
  }
}

/** The stored form of a subscription. */
export function toEventsColumn(events: WebhookSubscription): string {
  return events === '*' ? '*' : JSON.stringify([...new Set(events)])
}

/** A subscription read back from its stored form (unknown names are dropped). */
export function fromEventsColumn(events: string): WebhookSubscription {
  if (events === '*') return '*'
  try {
    const list: unknown = JSON.parse(events)
    return Array.isArray(list) ? WEBHOOK_EVENTS.filter((e) => list.includes(e)) : []
  } catch {
    return []
  }
}
