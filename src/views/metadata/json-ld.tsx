import { raw } from 'hono/html'

/**
 * Structured data in a `<script type="application/ld+json">` block. The JSON is escaped so no
 * value can close the script element (`</script>`, `<!--`) or break out of it.
 */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json">{raw(safeJson(data))}</script>
}

/**
 * JSON with `<`, `>`, `&` and the two JavaScript line separators escaped as \u sequences.
 * @example safeJson({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
