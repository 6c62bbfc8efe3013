/** One text box of a dialog. */
export interface DialogField {
  name: string
  label: string
  value?: string
  /** A sentence under the label, read with the box. */
  hint?: string
  /** `url` asks phones for the address keyboard; it is still checked by `check`, not by the browser. */
  inputMode?: 'text' | 'url'
}

export interface DialogSpec {
  title: string
  fields: DialogField[]
  confirmLabel: string
  cancelLabel?: string
  /** An error sentence shown in the dialog, or undefined when the values may be taken. */
  check?: (values: Record<string, string>) => string | undefined
}

let nextId = 0

/**
 * Asks for a few values in a modal `<dialog>`: labelled boxes, Enter confirms, Escape or Cancel
 * gives undefined, and a refused value is explained in an alert inside the dialog. The buttons
 * are plain buttons and the dialog is no form, so Enter never submits the article form around it.
 * @example const values = await askInDialog(host, { title: 'Link', fields: [{ name: 'href', label: 'Address' }], confirmLabel: 'Add link' })
 */
export function askInDialog(host: HTMLElement, spec: DialogSpec): Promise<Record<string, string> | undefined> {
  // One question at a time: a shortcut pressed while a dialog is open asks nothing more.
  if (host.querySelector('dialog[open]')) return Promise.resolve(undefined)
  const id = `body-editor-dialog-${++nextId}`
  const dialog = element('dialog', { class: 'body-editor-dialog', 'aria-labelledby': `${id}-title` })
  const title = element('h2', { id: `${id}-title` })
  title.textContent = spec.title
  dialog.append(title)

  const inputs = spec.fields.map((field, i) => {
    const input = element('input', { id: `${id}-${i}`, type: 'text', inputmode: field.inputMode ?? 'text', autocomplete: 'off', spellcheck: field.inputMode === 'url' ? 'false' : 'true' })
    input.value = field.value ?? ''
    const label = element('label', { for: input.id })
    label.textContent = field.label
    const row = element('div', { class: 'body-editor-field' })
    row.append(label)
    if (field.hint) {
      const hint = element('p', { id: `${input.id}-hint`, class: 'body-editor-hint' })
      hint.textContent = field.hint
      input.setAttribute('aria-describedby', hint.id)
      row.append(hint)
    }
    row.append(input)
    dialog.append(row)
    return input
  })
  const problem = element('p', { class: 'body-editor-problem', role: 'alert' })
  const cancel = button(spec.cancelLabel ?? 'Cancel')
  const confirm = button(spec.confirmLabel)
  const actions = element('div', { class: 'body-editor-actions' })
  actions.append(cancel, confirm)
  dialog.append(problem, actions)
  host.append(dialog)

  return new Promise((resolve) => {
    // Settled at once, not on the dialog's asynchronous `close` event: whatever the caller does
    // with the answer happens before anything else can see the dialog gone.
    let settled = false
    const finish = (answer: Record<string, string> | undefined) => {
      if (settled) return
      settled = true
      if (dialog.open) dialog.close()
      dialog.remove()
      resolve(answer)
    }
    const take = () => {
      const values = Object.fromEntries(spec.fields.map((field, i) => [field.name, inputs[i]!.value]))
      const refusal = spec.check?.(values)
      if (!refusal) return finish(values)
      problem.textContent = refusal
      inputs[0]?.setAttribute('aria-invalid', 'true')
      inputs[0]?.focus()
    }
    confirm.addEventListener('click', take)
    cancel.addEventListener('click', () => finish(undefined))
    for (const input of inputs) {
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return
        event.preventDefault()
        take()
      })
    }
    dialog.addEventListener('close', () => finish(undefined)) // Escape
    dialog.showModal()
    inputs[0]?.select()
  })
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  return node
}

function button(text: string): HTMLButtonElement {
  const node = element('button', { type: 'button' })
  node.textContent = text
  return node
}
