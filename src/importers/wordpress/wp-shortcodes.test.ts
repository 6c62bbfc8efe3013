import { describe, expect, it } from 'vitest'
import { expandShortcodes, parseAttributes } from './wp-shortcodes.js'

describe('expandShortcodes', () => {
  it('turns a caption around a linked picture into a figure with its caption', () => {
    const html = '[caption id="attachment_906" align="aligncenter" width="580"]<a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg" alt="A" /></a> Look at <em>this</em>.[/caption]'
    expect(expandShortcodes(html)).toBe('<figure><a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg" alt="A" /></a><figcaption>Look at <em>this</em>.</figcaption></figure>')
  })
  it('reads the old caption="…" attribute', () => {
    expect(expandShortcodes('[caption id="a" caption="Chunk of resinous blackboy husk"]<img src="b.jpg">[/caption]'))
      .toBe('<figure><img src="b.jpg"><figcaption>Chunk of resinous blackboy husk</figcaption></figure>')
  })
  it('drops galleries, which refer to pictures by id', () => {
    expect(expandShortcodes('<h2>One</h2>\n[gallery columns="1"]\n[gallery]')).toBe('<h2>One</h2>\n\n')
  })
  it('turns embeds, audio and video into links to their address', () => {
    expect(expandShortcodes('[embed]https://youtu.be/abc[/embed]')).toBe('<p><a href="https://youtu.be/abc">https://youtu.be/abc</a></p>')
    expect(expandShortcodes('[audio mp3="https://x.test/a.mp3"][/audio]')).toBe('<p><a href="https://x.test/a.mp3">https://x.test/a.mp3</a></p>')
    expect(expandShortcodes('[audio https://x.test/b.mp3]')).toBe('<p><a href="https://x.test/b.mp3">https://x.test/b.mp3</a></p>')
    expect(expandShortcodes('[video src="https://x.test/v.mp4?a=1&b=2" /]')).toBe('<p><a href="https://x.test/v.mp4?a=1&amp;b=2">https://x.test/v.mp4?a=1&amp;b=2</a></p>')
  })
  it('removes unknown shortcodes but keeps the text they enclose', () => {
    expect(expandShortcodes('A [contact-form to="x@y.test"] B')).toBe('A  B')
    expect(expandShortcodes('[highlight color="red"]Important[/highlight]')).toBe('Important')
    expect(expandShortcodes('[wpvideo tFnqC2j4]')).toBe('')
  })
  it('leaves bracketed prose alone, and unescapes [[…]]', () => {
    expect(expandShortcodes('their coracles [simple boat]. [sic] [1]')).toBe('their coracles [simple boat]. [sic] [1]')
    expect(expandShortcodes('Write [[gallery]] to show one.')).toBe('Write [gallery] to show one.')
  })
  it('never leaves shortcode text behind', () => {
    const out = expandShortcodes('[gallery ids="1,2"] [embed]https://x.test[/embed] [caption]<img src="a">x[/caption] [playlist ids="3"] [foo_bar]')
    expect(out).not.toMatch(/\[\/?(gallery|embed|caption|playlist|foo_bar)/)
  })
})

describe('parseAttributes', () => {
  it('reads quoted, unquoted and positional attributes', () => {
    expect(parseAttributes(` id="a" width=300 align='left' https://x.test "two words"`))
      .toEqual({ id: 'a', width: '300', align: 'left', '0': 'https://x.test', '1': 'two words' })
  })
})
