import type { Editor } from '@tiptap/core'
import { askInDialog } from './ask-dialog.js'
import { toLinkAddress } from './link-address.js'

/**
 * Asks for a link's address and sets it: on the link under the cursor (to change it), on the
 * selected words, or, with nothing selected, on new words the dialog also asks for. A bare
 * `example.org` becomes `https://example.org`; `javascript:` and the like are refused.
 * @example await editLink(editor, dialogHost)
 */
export async function editLink(editor: Editor, host: HTMLElement): Promise<void> {
  const inLink = editor.isActive('link')
  const current = inLink ? String(editor.getAttributes('link').href ?? '') : ''
  const needsText = !inLink && editor.state.selection.empty
  const values = await askInDialog(host, {
    title: inLink ? 'Change the link' : 'Add a link',
    fields: [
      { name: 'href', label: 'Link address', value: current, inputMode: 'url', hint: 'A web address such as https://example.org/page, an e-mail address, or a page of this site starting with /.' },
      ...(needsText ? [{ name: 'text', label: 'Text to show (optional)' }] : []),
    ],
    confirmLabel: inLink ? 'Change link' : 'Add link',
    check: (typed) => {
      const address = toLinkAddress(typed.href ?? '')
      return address.ok ? undefined : address.error
    },
  })
  // Back in the text at once (see the toolbar): the dialog had the focus.
  editor.view.focus()
  const address = values && toLinkAddress(values.href ?? '')
  if (!address?.ok) return
  const href = address.value
  if (inLink) editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  else if (!needsText) editor.chain().focus().setLink({ href }).run()
  else {
    const text = values!.text?.trim() || href
    editor.chain().focus().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run()
  }
}
