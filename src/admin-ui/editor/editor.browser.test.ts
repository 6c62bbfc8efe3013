import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../../test/support/browser.js'
import { dropFile, PNG, pasteFile, press, startEditorHarness, type EditorHarness } from '../../../test/support/editor-harness.js'
import { hasBrowser } from '../../../test/support/requirements.js'
import { renderBody } from '../../content/body/render-body.js'

// Builds the bundle from the sources itself (see startEditorHarness): no `npm run build` first.
describe.runIf(hasBrowser())('the body editor in Chromium', () => {
  let harness: EditorHarness
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    const existing = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Already written.' }] }] })
    harness = await startEditorHarness({
      empty: { source: '' },
      existing: { source: existing },
      labelled: { source: existing, label: 'Body text' },
      broken: { source: '{"type":"doc","content":[' },
      unknown: { source: JSON.stringify({ type: 'doc', content: [{ type: 'table', content: [{ type: 'text', text: 'Cells' }] }] }) },
      markdown: { source: 'Some *Markdown*.', format: 'markdown' },
      embedded: { source: JSON.stringify({ type: 'doc', content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Watch this.' }] },
        { type: 'embed', attrs: { src: 'https://player.vimeo.com/video/76979871?dnt=1', title: 'The quay', width: 640, height: 360, caption: 'Opening day' } },
      ] }) },
    })
    browser = await launchBrowser()
  })
  // One page at a time: a page in a background tab does not get the focus, and an editor needs it.
  afterEach(async () => {
    for (const page of browser.context.pages()) await page.close()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  /** Opens a harness page and waits for the editor; page errors are collected for the end. */
  async function open(field: 'empty' | 'existing' | 'labelled' | 'embedded', { label = 'Article body' } = {}) {
    const page = await browser.context.newPage()
    page.setDefaultTimeout(5_000) // a step that hangs fails with its locator, well before the test's time-out
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(harness.url(field))
    await page.locator('[data-body-editor-ready]').waitFor()
    const text = page.getByRole('textbox', { name: label })
    const source = async () => page.locator('textarea[name="bodySource"]').inputValue()
    const button = (name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })
    return { page, errors, text, source, button }
  }

  it('writes a body with the toolbar, a pasted picture and its alt text, and keeps the form’s textarea up to date', async () => {
    const { page, errors, text, source, button } = await open('empty')
    await page.evaluate(() => {
      const w = window as unknown as { inputs: number }
      w.inputs = 0
      document.querySelector('form')!.addEventListener('input', () => { w.inputs++ })
    })
    await text.click()
    await page.keyboard.type('The harbour is calm tonight.')
    // Select "calm": back over " tonight.", then a word to the left.
    await press(page, 'End')
    for (let i = 0; i < ' tonight.'.length; i++) await press(page, 'ArrowLeft')
    await press(page, 'Control+Shift+ArrowLeft')
    await expect(button('Bold').getAttribute('aria-pressed')).resolves.toBe('false')
    await button('Bold').click()
    await expect(button('Bold').getAttribute('aria-pressed')).resolves.toBe('true')

    await press(page, 'End')
    await press(page, 'Enter')
    await page.keyboard.type('Tides')
    await button('Heading 2').click()
    await expect(button('Heading 2').getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(button('Paragraph').getAttribute('aria-pressed')).resolves.toBe('false')

    await press(page, 'End')
    await press(page, 'Enter')
    await page.keyboard.type('Read the tide tables')
    await press(page, 'Control+Shift+ArrowLeft')
    await press(page, 'Control+Shift+ArrowLeft')
    await expect(button('Remove link').getAttribute('aria-disabled')).resolves.toBe('true')
    await button('Link').click()
    const linkDialog = page.getByRole('dialog', { name: 'Add a link' })
    await linkDialog.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)')
    await press(page, 'Enter')
    await expect(linkDialog.getByRole('alert').innerText()).resolves.toMatch(/web page .* or an e-mail address/)
    await linkDialog.getByRole('textbox', { name: 'Link address' }).fill('example.org/tides')
    await linkDialog.getByRole('button', { name: 'Add link' }).click()
    await linkDialog.waitFor({ state: 'detached' })
    await expect(button('Link').getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(button('Remove link').getAttribute('aria-disabled')).resolves.toBe('false')

    await press(page, 'End')
    await press(page, 'Enter')
    await button('Bulleted list').click()
    await page.keyboard.type('First')
    await press(page, 'Enter')
    await page.keyboard.type('Second')
    await expect(button('Bulleted list').getAttribute('aria-pressed')).resolves.toBe('true')
    await press(page, 'Enter')
    await press(page, 'Enter') // an empty item ends the list
    await button('Quote').click()
    await page.keyboard.type('Quoted words')
    await expect(button('Quote').getAttribute('aria-pressed')).resolves.toBe('true')
    await press(page, 'Enter')
    await press(page, 'Enter') // an empty paragraph leaves the quote

    await pasteFile(page, { name: 'harbour.png', type: 'image/png', bytes: PNG })
    const altDialog = page.getByRole('dialog', { name: 'Describe the picture' })
    await altDialog.getByRole('textbox', { name: 'Alt text' }).fill('Boats in the harbour at dusk')
    await altDialog.getByRole('button', { name: 'Save' }).click()
    await altDialog.waitFor({ state: 'detached' })
    expect(harness.uploads.at(-1)).toEqual({ name: 'harbour.png', type: 'image/png', size: PNG.length })
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/alt text was saved/)

    const doc = JSON.parse(await source())
    expect(doc.type).toBe('doc')
    const { html, images } = renderBody('doc', await source())
    expect(html).toContain('<p>The harbour is <strong>calm</strong> tonight.</p>')
    expect(html).toContain('<h2>Tides</h2>')
    expect(html).toContain('<p>Read the <a href="https://example.org/tides" rel="noopener noreferrer">tide tables</a></p>')
    expect(html).toContain('<ul><li>First</li><li>Second</li></ul>')
    expect(html).toContain('<blockquote><p>Quoted words</p></blockquote>')
    expect(html).toMatch(/<img src="\/media\/p\d+\.png" alt="Boats in the harbour at dusk" width="1200" height="800"/)
    expect(images).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBeGreaterThan(10)
    expect(errors).toEqual([])
  })

  it('says in the live region why an upload failed, and leaves the body as it was', async () => {
    const { page, errors, text, source } = await open('existing')
    await text.click()
    await press(page, 'Control+End')
    const before = await source()
    harness.refuseNextUpload()
    await pasteFile(page, { name: 'huge.png', type: 'image/png', bytes: PNG })
    const status = page.locator('.body-editor [aria-live]')
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite')
    await page.waitForFunction(() => document.querySelector('.body-editor [aria-live]')?.textContent?.includes('20 MB'))
    await expect(status.innerText()).resolves.toBe('“huge.png” was not added: Pictures can be at most 20 MB.')
    await expect(status.getAttribute('data-kind')).resolves.toBe('error')
    expect(await source()).toBe(before)
    expect(renderBody('doc', before).html).toBe('<p>Already written.</p>')

    await dropFile(page, { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('notes') })
    await expect(status.innerText()).resolves.toBe('“notes.txt” is not a picture, so it was not added.')
    expect(await source()).toBe(before)
    expect(errors).toEqual([])
  })

  it('uploads a picture dropped on the text and puts it where it was dropped', async () => {
    const { page, errors, source } = await open('existing')
    const count = harness.uploads.length
    await dropFile(page, { name: 'dropped.png', type: 'image/png', bytes: PNG })
    const dialog = page.getByRole('dialog', { name: 'Describe the picture' })
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A dropped picture')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    expect(harness.uploads.slice(count)).toEqual([{ name: 'dropped.png', type: 'image/png', size: PNG.length }])
    expect(renderBody('doc', await source()).html).toMatch(/^<p>Already written\.<\/p><img src="\/media\/p\d+\.png" alt="A dropped picture"/)
    expect(errors).toEqual([])
  })

  it('inserts a picture from the file picker, and edits its alt text and caption later', async () => {
    const { page, errors, text, source, button } = await open('existing')
    await text.click()
    await press(page, 'Control+End')
    const chooser = page.waitForEvent('filechooser')
    await button('Insert picture').click()
    await (await chooser).setFiles({ name: 'quay.png', mimeType: 'image/png', buffer: PNG })
    const dialog = page.getByRole('dialog', { name: 'Describe the picture' })
    await dialog.waitFor()
    await page.keyboard.press('Escape') // not now: the picture stays, undescribed
    await dialog.waitFor({ state: 'detached' })
    expect(renderBody('doc', await source()).html).toMatch(/<img src="\/media\/p\d+\.png" alt=""/)

    await page.locator('.body-editor-text img').click()
    await expect(button('Alt text').getAttribute('aria-disabled')).resolves.toBe('false')
    await button('Alt text').click()
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('The new quay')
    await dialog.getByRole('textbox', { name: 'Caption (optional)' }).fill('Opened on Monday.')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    expect(renderBody('doc', await source()).html)
      .toMatch(/<figure><img src="\/media\/p\d+\.png" alt="The new quay" [^>]*><figcaption>Opened on Monday\.<\/figcaption><\/figure>/)
    expect(errors).toEqual([])
  })

  it('keeps an embed it opens, shows it as a box (no frame), and embeds an allow-listed provider’s page only', async () => {
    const { page, errors, text, source, button } = await open('embedded')
    const before = await source()
    await expect(page.locator('.body-editor-embed .body-editor-embed-label').innerText()).resolves.toBe('Embedded from Vimeo: The quay')
    await expect(page.locator('.body-editor iframe').count()).resolves.toBe(0)
    await text.click()
    await press(page, 'Control+End')
    await page.keyboard.type(' More.')
    expect(JSON.parse(await source()).content[1]).toEqual(JSON.parse(before).content[1])

    await press(page, 'Control+End')
    await press(page, 'Enter')
    await button('Embed').click()
    const dialog = page.getByRole('dialog', { name: 'Embed a video, post, map or chart' })
    const address = dialog.getByRole('textbox', { name: 'Address' })
    for (const refused of ['https://youtube.com@evil.test/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)', 'https://example.org/video']) {
      await address.fill(refused)
      await press(page, 'Enter')
      await expect(dialog.getByRole('alert').innerText()).resolves.toMatch(/^Only an address of a page from YouTube, Vimeo/)
    }
    await address.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30')
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Video: the quay reopens')
    await dialog.getByRole('button', { name: 'Embed', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    const embeds = JSON.parse(await source()).content.filter((n: { type: string }) => n.type === 'embed')
    expect(embeds.map((n: { attrs: { src: string; title: string } }) => [n.attrs.src, n.attrs.title])).toEqual([
      ['https://player.vimeo.com/video/76979871?dnt=1', 'The quay'],
      ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30', 'Video: the quay reopens'],
    ])
    const { html } = renderBody('doc', await source())
    expect(html).toContain('<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30" title="Video: the quay reopens"')
    expect(html).toContain('<figcaption>Opening day</figcaption>')

    // Pasted embed code: an allow-listed provider's frame becomes an embed, any other frame is left out.
    await press(page, 'Control+End')
    await page.locator('.body-editor-text').evaluate((target) => {
      const data = new DataTransfer()
      data.setData('text/html', '<p>Pasted</p><iframe src="https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC" title="A song"></iframe><iframe src="https://evil.test/frame"></iframe><iframe srcdoc="<b>x</b>"></iframe>')
      data.setData('text/plain', 'Pasted')
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    const pasted = JSON.parse(await source()).content.filter((n: { type: string }) => n.type === 'embed').map((n: { attrs: { src: string } }) => n.attrs.src)
    expect(pasted).toEqual([
      'https://player.vimeo.com/video/76979871?dnt=1',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30',
      'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC',
    ])
    expect(await source()).not.toContain('evil.test')
    expect(errors).toEqual([])
  })

  it('takes its name from the page’s label of the field, when there is one', async () => {
    const { page, text, errors } = await open('labelled', { label: 'Body text' })
    await expect(text.innerText()).resolves.toBe('Already written.')
    await page.getByText('Body text').click()
    await expect(text.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(page.locator('.body-editor-label').count()).resolves.toBe(0)
    expect(errors).toEqual([])
  })

  it('leaves a field alone that holds no editor document, or another format, so saving loses nothing', async () => {
    const page = await browser.context.newPage()
    await page.goto(harness.url('broken'))
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/^The body cannot be opened in the editor \(not valid JSON: .*\), so it was left as it is\.$/)
    await expect(page.getByRole('textbox').count()).resolves.toBe(0)
    await expect(page.locator('textarea').inputValue()).resolves.toBe('{"type":"doc","content":[')
    await page.goto(harness.url('unknown'))
    await expect(page.getByRole('alert').innerText()).resolves.toBe('The body holds parts this editor cannot show, so it was left as it is.')
    await expect(page.getByRole('textbox').count()).resolves.toBe(0)
    await expect(page.locator('textarea').inputValue()).resolves.toMatch(/"type":"table"/)
    await page.goto(harness.url('markdown'))
    await page.waitForLoadState('load')
    await expect(page.locator('.body-editor').count()).resolves.toBe(0)
    await expect(page.locator('textarea').inputValue()).resolves.toBe('Some *Markdown*.')
  })

  it('is a labelled text box with a keyboard toolbar: Alt+F10 in, arrow keys along, Escape back', async () => {
    const { page, errors, text, button } = await open('existing')
    await expect(text.getAttribute('aria-multiline')).resolves.toBe('true')
    await text.focus()
    const outline = await text.evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Alt+F10')
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
    await expect(focused()).resolves.toBe('Paragraph')
    await page.keyboard.press('ArrowRight')
    await expect(focused()).resolves.toBe('Heading 2')
    await page.keyboard.press('End')
    await expect(focused()).resolves.toBe('Redo')
    await page.keyboard.press('Escape')
    await expect(page.evaluate(() => document.activeElement?.classList.contains('body-editor-text'))).resolves.toBe(true)
    await press(page, 'Control+End')
    await page.keyboard.type(' More.')
    await page.keyboard.press('Control+z')
    await expect(button('Redo').getAttribute('aria-disabled')).resolves.toBe('false')
    expect(errors).toEqual([])
  })
})
