import { describe, expect, it } from 'vitest'
import { renderBody } from '../../content/body/render-body.js'
import { linkBareUrls, stripBlockComments, wpContentToHtml } from './wp-content-to-html.js'

const YT = 'dQw4w9WgXcQ'
/** The frame addresses in a body as the site stores it (through the sanitiser). */
const storedFrames = (wpContent: string) => {
  const { html } = renderBody('html', wpContentToHtml(wpContent))
  return { html, srcs: [...html.matchAll(/<iframe src="([^"]+)"/g)].map((m) => m[1]!.replace(/&#x26;/g, '&')) }
}

describe('stripBlockComments', () => {
  it('removes block-editor comments with or without attributes, and self-closing ones', () => {
    expect(stripBlockComments('<!-- wp:paragraph {"align":"center"} --><p>Hi</p><!-- /wp:paragraph --><!-- wp:spacer /-->'))
      .toBe('<p>Hi</p>')
  })
  it('removes the more and nextpage markers but keeps other comments for the sanitiser', () => {
    expect(stripBlockComments('A<!--more-->B<!--more Read on-->C<!--nextpage-->D<!-- note -->')).toBe('ABCD<!-- note -->')
  })
})

describe('linkBareUrls', () => {
  it('links an address alone on its line, not one inside text or a tag', () => {
    expect(linkBareUrls('https://x.test/a?b=1&c=2\nsee https://x.test/b\n<a href="https://x.test/c">c</a>'))
      .toBe('<a href="https://x.test/a?b=1&amp;c=2">https://x.test/a?b=1&amp;c=2</a>\nsee https://x.test/b\n<a href="https://x.test/c">c</a>')
  })
})

describe('wpContentToHtml', () => {
  it('runs classic-editor text through wpautop after expanding shortcodes', () => {
    expect(wpContentToHtml('Intro\n\n[caption]<img src="a.jpg"> Cap[/caption]\n\nEnd<!--more-->'))
      .toBe('<p>Intro</p>\n<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>\n<p>End</p>\n')
  })
  it('leaves block-editor HTML as it is apart from the comments', () => {
    expect(wpContentToHtml('<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->')).toBe('<p>One\ntwo</p>')
  })
  it('turns an oEmbed line into a link', () => {
    expect(wpContentToHtml('https://youtu.be/x\n\nText')).toBe('<p><a href="https://youtu.be/x">https://youtu.be/x</a></p>\n<p>Text</p>\n')
  })
})

describe('WordPress embeds of allow-listed providers become embeds', () => {
  it('an address alone on its line (classic editor)', () => {
    const { html, srcs } = storedFrames(`Before\n\nhttps://www.youtube.com/watch?v=${YT}&amp;t=30\n\nAfter https://vimeo.com/76979871 in text`)
    expect(srcs).toEqual([`https://www.youtube-nocookie.com/embed/${YT}?start=30`])
    expect(html).toMatch(/^<p>Before<\/p>\n<figure class="embed embed-video"><iframe [^>]+><\/iframe><\/figure>\n<p>After https:\/\/vimeo.com\/76979871 in text<\/p>/)
  })

  it('[embed], [youtube] and WordPress.com shortcodes, with their sizes', () => {
    const { srcs, html } = storedFrames(`[embed width="640" height="360"]https://vimeo.com/76979871[/embed]\n\n[youtube https://youtu.be/${YT}]\n\n[youtube=https://www.youtube.com/watch?v=${YT}&w=640]\n\n[embed]https://example.org/video[/embed]`)
    expect(srcs).toEqual(['https://player.vimeo.com/video/76979871?dnt=1', `https://www.youtube-nocookie.com/embed/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`])
    expect(html).toContain('width="640" height="360"')
    expect(html).toContain('<a href="https://example.org/video" rel="noopener noreferrer">https://example.org/video</a>')
  })

  it('a wp:embed block, keeping its caption in the embed’s figure', () => {
    const block = `<!-- wp:embed {"url":"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC","type":"rich","providerNameSlug":"spotify"} -->
<figure class="wp-block-embed is-type-rich is-provider-spotify wp-block-embed-spotify"><div class="wp-block-embed__wrapper">
https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC
</div><figcaption class="wp-element-caption">The harbour song</figcaption></figure>
<!-- /wp:embed -->`
    const { html, srcs } = storedFrames(block)
    expect(srcs).toEqual(['https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC'])
    expect(html).toMatch(/^<figure class="embed embed-audio"><iframe [^>]+><\/iframe><figcaption>The harbour song<\/figcaption><\/figure>$/)
  })

  it('an iframe a post holds itself, from a provider or not', () => {
    const { srcs } = storedFrames(`<p><iframe src="https://www.youtube.com/embed/${YT}" width="560" height="315"></iframe></p>\n<p><iframe src="https://ads.example/frame"></iframe></p>`)
    expect(srcs).toEqual([`https://www.youtube-nocookie.com/embed/${YT}`])
  })
})
