import type { Correction } from '../../content/corrections/correction.js'
import { CORRECTION_TEXT_MAX } from '../../content/corrections/correction.js'
import { TextAreaField, SelectField } from './editor-fields.js'
import { CsrfField, type FieldProblem } from './form-fields.js'

const dateTime = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })

interface CorrectionsPanelProps {
  articleId: string
  notes: Correction[]
  token: string
  timeZone: string
  /** Whether the article is public: notes go only under what readers can see. */
  isPublic: boolean
  values?: { kind: string; text: string } | undefined
  problems?: FieldProblem[] | undefined
}

/** The corrections and update notes under a published article: the ones there, and a form for a new one. */
export function CorrectionsPanel({ articleId, notes, token, timeZone, isPublic, values, problems }: CorrectionsPanelProps) {
  const base = `/admin/articles/${articleId}/corrections`
  return (
    <section class="panel corrections" aria-labelledby="corrections-heading" id="corrections">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {notes.length > 0 && (
        <ul class="notes-list">
          {notes.map((note) => (
            <li>
              <p><strong>{note.kind === 'correction' ? 'Correction' : 'Update'}</strong>, <time datetime={note.notedAt.toISOString()}>{dateTime(timeZone).format(note.notedAt)}</time></p>
              <p>{note.text}</p>
              <form method="post" action={`${base}/${note.id}/delete`} class="inline">
                <CsrfField token={token} />
                <button type="submit" class="danger">Remove this note</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {isPublic ? (
        <form method="post" action={`${base}/`}>
          <CsrfField token={token} />
          <SelectField name="kind" id="correction-kind" label="Kind of note" selected={[values?.kind ?? 'correction']} problems={problems}
            choices={[{ value: 'correction', label: 'Correction: an error put right' }, { value: 'update', label: 'Update: news since it was published' }]} />
          <TextAreaField name="text" id="correction-text" label="Note" value={values?.text ?? ''} maxlength={CORRECTION_TEXT_MAX} problems={problems}
            hint="Shown under the article with today’s date, as plain text. Say what was wrong and what is right." />
          <div class="actions"><button type="submit">Add the note</button></div>
        </form>
      ) : <p class="muted">Notes can be added once the article is public.</p>}
    </section>
  )
}
