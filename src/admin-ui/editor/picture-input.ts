import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { askInDialog } from './ask-dialog.js'
import { uploadPicture, type UploadTarget } from './upload-picture.js'

export type Announce = (message: string, kind?: 'info' | 'error') => void

export interface PictureInput {
  /** Uploads picture files and puts each in the body at `at` (default: the cursor), then asks for its alt text. */
  addFiles(files: File[], at?: number): Promise<void>
  /** Asks for the alt text and caption of the selected picture. */
  editPictureText(): Promise<void>
}

/**
 * Pictures in the body, however they come (file picker, drop, paste): each file is uploaded,
 * put where it was dropped or pasted (that place is followed while the upload runs, as the
 * journalist may keep typing), selected, and described in a dialog. What happens is said in the
 * editor's live region; a failed upload says why there and leaves the body as it was.
 * @example pictureInput(editor, { upload: { url, csrfToken }, announce, host }).addFiles([file])
 */
export function pictureInput(editor: Editor, options: { upload: UploadTarget; announce: Announce; host: HTMLElement }): PictureInput {
  const { announce, host } = options

  async function addFile(file: File, at: number): Promise<void> {
    if (!file.type.startsWith('image/')) {
      announce(`“${file.name}” is not a picture, so it was not added.`, 'error')
      return
    }
    announce(`Uploading “${file.name}”…`)
    const place = followPosition(editor, at)
    const uploaded = await uploadPicture(file, options.upload).finally(place.stop)
    if (!uploaded.ok) {
      announce(`“${file.name}” was not added: ${uploaded.error}`, 'error')
      return
    }
    const { url, width, height } = uploaded.value
    const pos = Math.min(place.pos(), editor.state.doc.content.size)
    editor.chain().focus().insertContentAt(pos, { type: 'image', attrs: { src: url, alt: null, width, height } }).run()
    const inserted = findPicture(editor, url)
    if (inserted === undefined) return
    editor.chain().focus().setNodeSelection(inserted).run()
    announce(`“${file.name}” was added. Describe it for readers who cannot see it.`)
    await editPictureText()
  }

  async function editPictureText(): Promise<void> {
    const { selection } = editor.state
    if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'image') return
    const { src, alt, caption } = selection.node.attrs as { src: string; alt: string | null; caption: string | null }
    const values = await askInDialog(host, {
      title: 'Describe the picture',
      fields: [
        { name: 'alt', label: 'Alt text', value: alt ?? '', hint: 'What the picture shows, for readers who cannot see it. Leave it empty only for a decorative picture.' },
        { name: 'caption', label: 'Caption (optional)', value: caption ?? '', hint: 'Shown under the picture.' },
      ],
      confirmLabel: 'Save',
    })
    // Back in the text at once (see the toolbar): the dialog had the focus.
    editor.view.focus()
    const pos = findPicture(editor, src, selection.from)
    if (!values || pos === undefined) return
    editor.chain().focus().setNodeSelection(pos)
      .updateAttributes('image', { alt: values.alt!.trim(), caption: values.caption!.trim() || null }).run()
    announce(values.alt!.trim() ? 'The picture’s alt text was saved.' : 'The picture was saved without alt text.')
  }

  return {
    async addFiles(files, at) {
      for (const file of files) await addFile(file, at ?? editor.state.selection.to)
    },
    editPictureText,
  }
}

/** A document position kept up to date through every change until stopped. */
function followPosition(editor: Editor, start: number): { pos(): number; stop(): void } {
  let pos = start
  const follow = ({ transaction }: { transaction: { mapping: { map(pos: number): number } } }) => { pos = transaction.mapping.map(pos) }
  editor.on('transaction', follow)
  return { pos: () => pos, stop: () => { editor.off('transaction', follow) } }
}

/** Where the picture with this address is: at `near` if it is still there, else the last one. */
function findPicture(editor: Editor, src: string, near?: number): number | undefined {
  const { doc } = editor.state
  if (near !== undefined && near < doc.content.size && doc.nodeAt(near)?.attrs.src === src) return near
  let found: number | undefined
  doc.descendants((node, pos) => {
    if (node.type.name === 'image' && node.attrs.src === src) found = pos
  })
  return found
}
