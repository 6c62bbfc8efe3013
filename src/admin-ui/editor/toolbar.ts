import type { Editor } from '@tiptap/core'
import { TOOLBAR_GROUPS, type EditorActions, type ToolbarButton } from './toolbar-buttons.js'

export interface Toolbar {
  element: HTMLElement
  /** Brings `aria-pressed` and `aria-disabled` up to date with the selection. */
  refresh(): void
  /** Moves the keyboard into the toolbar (Alt+F10 from the text). */
  focus(): void
}

/**
 * An ARIA toolbar: one Tab stop, arrow keys (and Home/End) move between its buttons, Escape goes
 * back to the text. Unavailable buttons stay focusable with `aria-disabled`, so the arrow keys
 * never skip over a button the journalist is looking for. The mouse never takes the focus
 * from the text, so the selection a button acts on stays put.
 * @example const toolbar = createToolbar(editor, actions, { label: 'Formatting', controls: 'body-editor-1' })
 */
export function createToolbar(editor: Editor, actions: EditorActions, options: { label: string; controls: string }): Toolbar {
  const element = document.createElement('div')
  element.className = 'body-editor-toolbar'
  element.setAttribute('role', 'toolbar')
  element.setAttribute('aria-label', options.label)
  element.setAttribute('aria-controls', options.controls)

  const buttons: { spec: ToolbarButton; node: HTMLButtonElement }[] = []
  for (const group of TOOLBAR_GROUPS) {
    const box = document.createElement('div')
    box.className = 'body-editor-group'
    box.setAttribute('role', 'group')
    box.setAttribute('aria-label', group.label)
    for (const spec of group.buttons) {
      const node = document.createElement('button')
      node.type = 'button'
      node.textContent = spec.label
      node.dataset.command = spec.name
      node.tabIndex = buttons.length === 0 ? 0 : -1
      if (spec.keys) node.setAttribute('aria-keyshortcuts', spec.keys)
      if (spec.keys) node.title = `${spec.label} (${spec.keys.replace(/Control/g, 'Ctrl')})`
      node.addEventListener('mousedown', (event) => event.preventDefault())
      node.addEventListener('click', () => {
        if (node.getAttribute('aria-disabled') === 'true') return
        // Focus the text now: Tiptap's own focus() waits a frame, and would put back an old
        // selection over keys pressed in the meantime.
        if (!editor.view.hasFocus()) editor.view.focus()
        spec.run(editor, actions)
      })
      box.append(node)
      buttons.push({ spec, node })
    }
    element.append(box)
  }

  const nodes = buttons.map((b) => b.node)
  const moveTo = (index: number) => {
    const target = nodes[(index + nodes.length) % nodes.length]!
    for (const node of nodes) node.tabIndex = node === target ? 0 : -1
    target.focus()
  }
  element.addEventListener('keydown', (event) => {
    const current = nodes.indexOf(document.activeElement as HTMLButtonElement)
    if (current < 0) return
    const to: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: nodes.length - 1 }
    if (event.key in to) {
      event.preventDefault()
      moveTo(to[event.key]!)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      editor.view.focus()
    }
  })

  return {
    element,
    refresh() {
      for (const { spec, node } of buttons) {
        if (spec.isActive) node.setAttribute('aria-pressed', String(spec.isActive(editor)))
        if (spec.isEnabled) node.setAttribute('aria-disabled', String(!spec.isEnabled(editor)))
      }
    },
    focus() {
      (nodes.find((node) => node.tabIndex === 0) ?? nodes[0])?.focus()
    },
  }
}
