import type { Editor } from '@tiptap/core'

/** The editor's actions that need more than a command: they ask the journalist something. */
export interface EditorActions {
  editLink(): void
  choosePicture(): void
  editPictureText(): void
  editEmbed(): void
}

export interface ToolbarButton {
  /** Also the button's `data-command`, for tests and styles. */
  name: string
  /** The visible text, which is also the accessible name. */
  label: string
  /** For `aria-keyshortcuts`, in its syntax. */
  keys?: string
  /** Given: the button is a toggle, with `aria-pressed`. */
  isActive?: (editor: Editor) => boolean
  isEnabled?: (editor: Editor) => boolean
  run: (editor: Editor, actions: EditorActions) => void
}

/** The toolbar, in groups: text style, emphasis and links, blocks, pictures, history. */
export const TOOLBAR_GROUPS: { label: string; buttons: ToolbarButton[] }[] = [
  {
    label: 'Text style',
    buttons: [
      { name: 'paragraph', label: 'Paragraph', keys: 'Control+Alt+0', isActive: (e) => e.isActive('paragraph') && !e.isActive('listItem') && !e.isActive('blockquote'), run: (e) => e.chain().focus().setParagraph().run() },
      { name: 'heading-2', label: 'Heading 2', keys: 'Control+Alt+2', isActive: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
      { name: 'heading-3', label: 'Heading 3', keys: 'Control+Alt+3', isActive: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    ],
  },
  {
    label: 'Emphasis and links',
    buttons: [
      { name: 'bold', label: 'Bold', keys: 'Control+B', isActive: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
      { name: 'italic', label: 'Italic', keys: 'Control+I', isActive: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
      { name: 'link', label: 'Link', keys: 'Control+K', isActive: (e) => e.isActive('link'), run: (_e, actions) => actions.editLink() },
      { name: 'unlink', label: 'Remove link', isEnabled: (e) => e.isActive('link'), run: (e) => e.chain().focus().extendMarkRange('link').unsetLink().run() },
    ],
  },
  {
    label: 'Lists and blocks',
    buttons: [
      { name: 'bullet-list', label: 'Bulleted list', keys: 'Control+Shift+8', isActive: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
      { name: 'ordered-list', label: 'Numbered list', keys: 'Control+Shift+7', isActive: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
      { name: 'quote', label: 'Quote', keys: 'Control+Shift+B', isActive: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
      { name: 'rule', label: 'Divider line', run: (e) => e.chain().focus().setHorizontalRule().run() },
    ],
  },
  {
    label: 'Pictures',
    buttons: [
      { name: 'picture', label: 'Insert picture', run: (_e, actions) => actions.choosePicture() },
      { name: 'alt-text', label: 'Alt text', isEnabled: (e) => e.isActive('image'), run: (_e, actions) => actions.editPictureText() },
    ],
  },
  {
    label: 'Embeds',
    buttons: [
      { name: 'embed', label: 'Embed', isActive: (e) => e.isActive('embed'), run: (_e, actions) => actions.editEmbed() },
    ],
  },
  {
    label: 'History',
    buttons: [
      { name: 'undo', label: 'Undo', keys: 'Control+Z', isEnabled: (e) => e.can().undo(), run: (e) => e.chain().focus().undo().run() },
      { name: 'redo', label: 'Redo', keys: 'Control+Shift+Z', isEnabled: (e) => e.can().redo(), run: (e) => e.chain().focus().redo().run() },
    ],
  },
]
