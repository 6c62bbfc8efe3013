import type { Correction, CorrectionKind } from '../../content/corrections/correction.js'
import { formatDate } from '../format.js'

const KIND_LABELS: Record<CorrectionKind, string> = { correction: 'Correction', update: 'Update' }

/**
 * The corrections and update notes under an article's body, oldest first, each with its kind and
 * date; nothing when there are none. The text is plain and escaped like every JSX value.
 */
export function CorrectionNotes({ notes, language, timeZone }: { notes: Correction[]; language: string; timeZone?: string }) {
  if (notes.length === 0) return null
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Corrections and updates</h2>
      <ul>
        {notes.map((note) => (
          <li class={`note note-${note.kind}`}>
            <p class="note-meta">
              <strong>{KIND_LABELS[note.kind]}</strong>{' '}
              <time datetime={note.notedAt.toISOString()}>{formatDate(note.notedAt, language, timeZone)}</time>
            </p>
            <p>{note.text}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
