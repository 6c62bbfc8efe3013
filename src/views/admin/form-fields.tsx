import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from '../../http/admin/csrf.js'

export interface FieldProblem {
  field: string
  message: string
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

/** The message for one field, if the last submission had a problem with it. */
export const problemFor = (problems: FieldProblem[] | undefined, field: string): string | undefined =>
  problems?.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message

interface TextFieldProps {
  name: string
  label: string
  value?: string
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'datetime-local'
  hint?: string
  problems?: FieldProblem[] | undefined
  required?: boolean
  autocomplete?: string
  /** An id, when a page has two fields of the same name. */
  id?: string
  inputmode?: 'numeric' | 'text' | 'email'
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField({ name, label, value, type = 'text', hint, problems, required, autocomplete, id = name, inputmode }: TextFieldProps) {
  const problem = problemFor(problems, name)
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <>
      <label for={id}>
        {label}
        {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
      </label>
      <input
        id={id} name={name} type={type} value={type === 'password' ? undefined : value}
        required={required} autocomplete={autocomplete} inputmode={inputmode}
        aria-invalid={problem ? 'true' : undefined} aria-describedby={described}
      />
      {problem && <p class="field-error" id={`${id}-error`}>{problem}</p>}
    </>
  )
}

/** A summary of what went wrong, announced when the page loads. */
export function ProblemSummary({ problems, children }: { problems?: FieldProblem[] | undefined; children?: Child }) {
  if (!problems?.length && !children) return null
  return (
    <div class="notice error" role="alert">
      {children}
      {problems?.length ? (
        <ul>{problems.map((p) => <li><a href={`#${p.field.split('.')[0]}`}>{p.message}</a></li>)}</ul>
      ) : null}
    </div>
  )
}

interface FieldFrameProps {
  name: string
  label: string
  hint?: string | undefined
  problems?: FieldProblem[] | undefined
  id?: string
}

/** The label, hint and error around a control, tied together for screen readers. */
function fieldParts({ name, label, hint, problems, id = name }: FieldFrameProps) {
  const problem = problemFor(problems, name)
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined
  return {
    id,
    problem,
    control: { id, name, 'aria-invalid': problem ? 'true' : undefined, 'aria-describedby': described },
    labelEl: <label for={id}>{label}{hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}</label>,
    errorEl: problem && <p class="field-error" id={`${id}-error`}>{problem}</p>,
  }
}

/** A labelled multi-line text box. */
export function TextArea(props: FieldFrameProps & { value?: string | undefined; rows?: number; required?: boolean }) {
  const { control, labelEl, errorEl } = fieldParts(props)
  return <>{labelEl}<textarea {...control} rows={props.rows ?? 4} required={props.required}>{props.value ?? ''}</textarea>{errorEl}</>
}

/** A labelled drop-down list. */
export function SelectField(props: FieldFrameProps & { value?: string | undefined; options: { value: string; label: string }[] }) {
  const { control, labelEl, errorEl } = fieldParts(props)
  return (
    <>
      {labelEl}
      <select {...control}>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
      {errorEl}
    </>
  )
}
