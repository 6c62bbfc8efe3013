import type { ArticleFormValues } from './article-form-values.js'
import { problemFor, type FieldProblem } from './form-fields.js'

/**
 * The body. A `doc` body is the rich-text editor's field (the editor script turns it into the
 * editor and keeps the hidden textarea up to date); Markdown and HTML bodies are a plain textarea
 * in their own format, so nothing is ever converted without being shown.
 */
export function BodyField({ values, uploadUrl, token, problems }: { values: ArticleFormValues; uploadUrl: string; token: string; problems?: FieldProblem[] | undefined }) {
  const problem = problemFor(problems, 'body')
  const rich = values.bodyFormat === 'doc'
  const why = 'It holds parts the rich-text editor cannot show (such as a table or code), so it stays in its own format.'
  const hint = rich ? undefined
    : values.bodyFormat === 'markdown' ? `Markdown: a blank line between paragraphs, ## for a subheading, *italic*, **bold**, [a link](https://…). ${why}`
    : `HTML. ${why}`
  const described = [hint && 'bodySource-hint', problem && 'bodySource-error'].filter(Boolean).join(' ') || undefined
  return (
    <div class="body-field" data-body-editor={rich ? '' : undefined} data-upload-url={rich ? uploadUrl : undefined} data-csrf-token={rich ? token : undefined}>
      <input type="hidden" name="bodyFormat" value={values.bodyFormat} />
      <label for="bodySource">
        Body
        {hint && <span class="hint" id="bodySource-hint">{hint}</span>}
      </label>
      {rich && <noscript><p class="notice warning">The body editor needs JavaScript. The body is kept as it is when you save.</p></noscript>}
      <textarea id="bodySource" name="bodySource" rows={24} hidden={rich} aria-invalid={problem ? 'true' : undefined} aria-describedby={described}>{values.bodySource}</textarea>
      {problem && <p class="field-error" id="bodySource-error">{problem}</p>}
    </div>
  )
}
