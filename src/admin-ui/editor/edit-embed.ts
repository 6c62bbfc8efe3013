import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { EMBED_PROVIDERS, embedForPage } from '../../content/body/embed-providers.js'
import { askInDialog } from './ask-dialog.js'
import type { EmbedAttributes } from './embed-node.js'

const PROVIDERS = EMBED_PROVIDERS.map((p) => p.name).join(', ')

/**
 * Asks for an embed's address (a YouTube video's page, a post on X, a Datawrapper chart…), its
 * title and caption, and puts it at the cursor; with an embed selected, changes that one. Only
 * the allow-listed providers' addresses are taken, the same list the server keeps frames by.
 * @example await editEmbed(editor, dialogHost)
 */
export async function editEmbed(editor: Editor, host: HTMLElement): Promise<void> {
  const { selection } = editor.state
  const current = selection instanceof NodeSelection && selection.node.type.name === 'embed' ? selection.node.attrs as EmbedAttributes : undefined
  const values = await askInDialog(host, {
    title: current ? 'Change the embed' : 'Embed a video, post, map or chart',
    fields: [
      { name: 'address', label: 'Address', value: current?.src ?? '', inputMode: 'url', hint: `The address of the page to embed, from ${PROVIDERS}.` },
      { name: 'title', label: 'Title', value: current?.title ?? '', hint: 'What it is, for screen readers (such as “Video: the quay reopens”).' },
      { name: 'caption', label: 'Caption (optional)', value: current?.caption ?? '', hint: 'Shown under it.' },
    ],
    confirmLabel: current ? 'Change embed' : 'Embed',
    check: (typed) => (embedForPage(typed.address?.trim()) ? undefined : `Only an address of a page from ${PROVIDERS} can be embedded, starting with https://.`),
  })
  // Back in the text at once (see the toolbar): the dialog had the focus.
  editor.view.focus()
  const embed = values && embedForPage(values.address?.trim())
  if (!embed) return
  const attrs: EmbedAttributes = {
    src: embed.src,
    title: values!.title?.trim() || null,
    width: current?.src === embed.src ? current.width : null,
    height: current?.src === embed.src ? current.height : null,
    caption: values!.caption?.trim() || null,
  }
  if (current) editor.chain().focus().updateAttributes('embed', attrs).run()
  else editor.chain().focus().insertContent({ type: 'embed', attrs }).run()
}
