import type { Child } from 'hono/jsx'
import { problemFor, type FieldProblem } from './form-fields.js'

interface FieldFrame {
  name: string
  label: string
  hint?: Child
  problems?: FieldProblem[] | undefined
  /** An id, when it is not the name. */
  id?: string
}

/** The label (with its hint) and error of a field, tied to it for screen readers. */
function frame({ name, label, hint, problems, id = name }: FieldFrame) {
  const problem = problemFor(problems, name)
  const described = [hint !== undefined && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined
  return {
    id,
    label: (
      <label for={id}>
        {label}
        {hint !== undefined && <span class="hint" id={`${id}-hint`}>{hint}</span>}
      </label>
    ),
    error: problem && <p class="field-error" id={`${id}-error`}>{problem}</p>,
    attributes: { id, name, 'aria-invalid': problem ? 'true' : undefined, 'aria-describedby': described },
  }
}

/** A labelled textarea. */
export function TextAreaField(props: FieldFrame & { value: string; rows?: number; required?: boolean; maxlength?: number }) {
  const { label, error, attributes } = frame(props)
  return (
    <>
      {label}
      <textarea {...attributes} rows={props.rows ?? 3} required={props.required} maxlength={props.maxlength}>{props.value}</textarea>
      {error}
    </>
  )
}

export interface Choice {
  value: string
  label: string
}

/** A labelled select; `multiple` takes several values. */
export function SelectField(props: FieldFrame & { choices: Choice[]; selected: string[]; multiple?: boolean; size?: number }) {
  const { label, error, attributes } = frame(props)
  const chosen = new Set(props.selected)
  return (
    <>
      {label}
      <select {...attributes} multiple={props.multiple} size={props.size}>
        {props.choices.map((choice) => <option value={choice.value} selected={chosen.has(choice.value)}>{choice.label}</option>)}
      </select>
      {error}
    </>
  )
}

/** A labelled input with a hint that may hold markup (a link, the URL being made). */
export function InputField(props: FieldFrame & { value: string; type?: 'text' | 'datetime-local'; required?: boolean; maxlength?: number; inputmode?: 'text' | 'url' }) {
  const { label, error, attributes } = frame(props)
  return (
    <>
      {label}
      <input {...attributes} type={props.type ?? 'text'} value={props.value} required={props.required} maxlength={props.maxlength} inputmode={props.inputmode} />
      {error}
    </>
  )
}
