import { mountBodyEditor } from './mount-body-editor.js'

/**
 * The admin's body editor bundle (`/admin/assets/editor.HASH.js`, loaded with `defer`): every
 * `[data-body-editor]` field on the page becomes a rich-text editor.
 */
function mountAll(): void {
  for (const container of document.querySelectorAll<HTMLElement>('[data-body-editor]')) mountBodyEditor(container)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll)
else mountAll()
