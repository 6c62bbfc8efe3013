import type { HighlightPart } from '../../content/search/highlight-parts.js'

/**
 * Text with search matches in `<mark>`. Every run is printed as text, which JSX escapes, so
 * whatever an article contains (`<script>` included) stays text.
 */
export function Highlighted({ parts }: { parts: HighlightPart[] }) {
  return <>{parts.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}</>
}
