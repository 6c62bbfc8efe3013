import { Editor, Extension, type JSONContent } from '@tiptap/core'
import { parseDoc } from '../../content/body/body-doc.js'
import { editEmbed } from './edit-embed.js'
import { editLink } from './edit-link.js'
import { bodyExtensions } from './extensions.js'
import { pictureInput, type Announce, type PictureInput } from './picture-input.js'
import { createToolbar, type Toolbar } from './toolbar.js'

let editors = 0

/**
 * Turns one server-rendered body field into the editor. The contract with the page:
 *
 * ```html
 * <div data-body-editor data-upload-url="/admin/media/upload" data-csrf-token="…">
 *   <input type="hidden" name="bodyFormat" value="doc">
 *   <textarea name="bodySource" hidden>{…the doc JSON…}</textarea>
 * </div>
 * ```
 *
 * The textarea holds the document as JSON (empty is an empty document) and is rewritten on
 * every change, which also fires a bubbling `input` event from it for autosave. A `<label>` of
 * the textarea, if the page has one, names the editor; otherwise it gets a visible label of its
 * own. A field whose format is not `doc`, or whose document the editor cannot show, is left as
 * the server rendered it, so saving never loses a body. The container gets `data-body-editor-ready`
 * once the editor is in place.
 * @example document.querySelectorAll<HTMLElement>('[data-body-editor]').forEach(mountBodyEditor)
 */
export function mountBodyEditor(container: HTMLElement): Editor | undefined {
  const textarea = container.querySelector<HTMLTextAreaElement>('textarea[name="bodySource"]')
  const format = container.querySelector<HTMLInputElement>('input[name="bodyFormat"]')
  if (!textarea || format?.value !== 'doc') return undefined
  const id = `body-editor-${++editors}`
  const parts = buildParts(container, textarea, id)
  const announce: Announce = (message, kind = 'info') => {
    parts.status.textContent = message
    parts.status.dataset.kind = kind
  }
  const doc = parseDoc(textarea.value)
  if (!doc.ok) return refuse(parts, `The body cannot be opened in the editor (${doc.error}), so it was left as it is.`)

  // Both need the editor, and the editor's handlers need them: they are set right after it.
  let toolbar: Toolbar | undefined
  let pictures: PictureInput | undefined
  let contentError = false
  const actions = {
    editLink: () => { void editLink(editor, parts.wrapper) },
    choosePicture: () => parts.picker.click(),
    editPictureText: () => { void pictures?.editPictureText() },
    editEmbed: () => { void editEmbed(editor, parts.wrapper) },
  }
  const editor: Editor = new Editor({
    element: parts.area,
    extensions: [...bodyExtensions(), shortcuts(actions, () => toolbar?.focus())],
    // An empty document (no blocks) is not a valid one for ProseMirror: null gives one empty paragraph.
    // A parsed document has JSONContent's shape; only its `attrs` may also be null, which ProseMirror takes.
    content: doc.value.content?.length ? (doc.value as JSONContent) : null,
    injectCSS: false,
    enableContentCheck: true,
    onContentError: () => { contentError = true },
    editorProps: {
      attributes: { id, class: 'body-editor-text', 'aria-multiline': 'true', 'aria-labelledby': parts.labelId, 'aria-describedby': parts.hint.id },
      handlePaste: (_view, event) => {
        // Word and the like put a picture of copied text beside the text: only a clipboard without text is a picture.
        const files = [...(event.clipboardData?.files ?? [])]
        if (!pictures || !files.length || event.clipboardData?.getData('text/plain').trim()) return false
        event.preventDefault()
        void pictures.addFiles(files)
        return true
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = [...(event.dataTransfer?.files ?? [])]
        if (!pictures || moved || !files.length) return false
        event.preventDefault()
        void pictures.addFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos)
        return true
      },
    },
    onUpdate: () => {
      textarea.value = JSON.stringify(editor.getJSON())
      textarea.dispatchEvent(new Event('input', { bubbles: true }))
    },
    onTransaction: () => toolbar?.refresh(),
  })
  if (contentError) {
    editor.destroy()
    return refuse(parts, 'The body holds parts this editor cannot show, so it was left as it is.')
  }
  pictures = pictureInput(editor, {
    upload: { url: container.dataset.uploadUrl ?? '', csrfToken: container.dataset.csrfToken ?? '' },
    announce,
    host: parts.wrapper,
  })
  toolbar = createToolbar(editor, actions, { label: 'Formatting', controls: id })
  parts.wrapper.insertBefore(toolbar.element, parts.area)
  toolbar.refresh()
  parts.picker.addEventListener('change', () => {
    const files = [...(parts.picker.files ?? [])]
    parts.picker.value = ''
    void pictures?.addFiles(files)
  })
  parts.label.addEventListener('click', () => editor.commands.focus())
  container.dataset.bodyEditorReady = ''
  return editor
}

/** Ctrl+K asks for a link; Alt+F10 moves to the toolbar, as in other editors. */
function shortcuts(actions: { editLink(): void }, focusToolbar: () => void) {
  return Extension.create({
    name: 'bodyEditorShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => { actions.editLink(); return true },
      'Alt-F10': () => { focusToolbar(); return true },
    }),
  })
}

interface Parts {
  wrapper: HTMLElement
  label: HTMLElement
  labelId: string
  area: HTMLElement
  hint: HTMLElement
  status: HTMLElement
  picker: HTMLInputElement
}

function buildParts(container: HTMLElement, textarea: HTMLTextAreaElement, id: string): Parts {
  const wrapper = make('div', 'body-editor')
  const pageLabel = textarea.labels?.[0]
  const label = pageLabel ?? make('div', 'body-editor-label')
  if (!pageLabel) {
    label.textContent = 'Article body'
    wrapper.append(label)
  }
  label.id ||= `${id}-label`
  const area = make('div', 'body-editor-area')
  const hint = make('p', 'body-editor-hint')
  hint.id = `${id}-hint`
  hint.textContent = 'Alt+F10 moves to the toolbar. Add a picture with “Insert picture”, by dropping it here, or by pasting it; a video, post, map or chart with “Embed”.'
  const status = make('div', 'body-editor-status')
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  const picker = make('input', 'body-editor-picker')
  picker.type = 'file'
  picker.accept = 'image/*'
  picker.multiple = true
  picker.hidden = true
  picker.tabIndex = -1
  wrapper.append(area, hint, status, picker)
  container.append(wrapper)
  return { wrapper, label, labelId: label.id, area, hint, status, picker }
}

function refuse(parts: Parts, message: string): undefined {
  parts.area.remove()
  parts.hint.remove()
  parts.status.setAttribute('role', 'alert')
  parts.status.dataset.kind = 'error'
  parts.status.textContent = message
  return undefined
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  return node
}
