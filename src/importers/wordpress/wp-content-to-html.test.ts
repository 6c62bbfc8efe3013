import { describe, expect, it } from 'vitest'
import { linkBareUrls, stripBlockComments, wpContentToHtml } from './wp-content-to-html.js'

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
