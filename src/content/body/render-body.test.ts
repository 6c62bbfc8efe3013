import { describe, expect, it } from 'vitest'
import { isExternal, paragraphsToHtml, renderBody } from './render-body.js'

describe('renderBody', () => {
  it('renders Markdown with headings, emphasis, lists and quotes', () => {
    const out = renderBody('markdown', '## Tides\n\nThe *harbour* is **calm**.\n\n- one\n- two\n\n> quoted')
    expect(out.html).toContain('<h2>Tides</h2>')
    expect(out.html).toContain('<em>harbour</em>')
    expect(out.html).toContain('<strong>calm</strong>')
    expect(out.html).toContain('<li>one</li>')
    expect(out.html).toContain('<blockquote>')
    expect(out.words).toBe(8)
  })
  it('drops scripts, event handlers and javascript: links from HTML and Markdown alike', () => {
    const html = renderBody('html', '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p><img src=x onerror=alert(1)>')
    expect(html.html).not.toMatch(/script|onclick|onerror|javascript:/i)
    const md = renderBody('markdown', 'Hi <script>alert(1)</script> [x](javascript:alert(1))')
    expect(md.html).not.toMatch(/<script|javascript:/i)
  })
  it('gives links rel="noopener noreferrer" and body pictures lazy loading', () => {
    const out = renderBody('html', '<p><a href="https://example.org/">x</a></p><figure><img src="/media/a.jpg" alt="A boat"><figcaption>Boat</figcaption></figure>')
    expect(out.html).toContain('rel="noopener noreferrer"')
    expect(out.html).toContain('loading="lazy"')
    expect(out.html).toContain('<figcaption>Boat</figcaption>')
    expect(out.images).toBe(1)
  })
  it('returns the visible text with blocks apart', () => {
    expect(renderBody('html', '<p>One two.</p><p>Three.</p>').text).toBe('One two.\n\nThree.')
  })
})

const YT = 'dQw4w9WgXcQ'
const SANDBOX = 'sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"'
/** The frames in rendered HTML, each as its attributes. */
const frames = (html: string) => [...html.matchAll(/<iframe([^>]*)><\/iframe>/g)].map((m) => m[1]!)

describe('renderBody: embeds', () => {
  it('keeps an allow-listed frame, rebuilt from scratch in its figure, and nothing the source added', () => {
    const source = `<iframe src="https://www.youtube.com/embed/${YT}?start=30&autoplay=1" width="560" height="315" frameborder="0" allowfullscreen`
      + ` allow="camera; microphone; geolocation; autoplay" sandbox="allow-top-navigation allow-scripts" referrerpolicy="unsafe-url" loading="eager"`
      + ` style="position:fixed" class="x" id="f" name="target" onload="alert(1)" srcdoc="<script>alert(1)</script>">fallback</iframe>`
    const { html, text } = renderBody('html', source)
    expect(html).toBe(`<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/${YT}?start=30" title="Embedded content from YouTube"`
      + ` width="560" height="315" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; fullscreen; picture-in-picture" ${SANDBOX}></iframe></figure>`)
    expect(text).toBe('')
  })

  it('keeps the given title, only whole-number sizes, and the provider’s default height', () => {
    const { html } = renderBody('html', `<iframe title="  Low   tide " src="https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC" width="100%" height="80px"></iframe>`)
    const [frame] = frames(html)
    expect(frame).toContain('title="Low tide"')
    expect(frame).not.toContain('width=')
    expect(frame).toContain('height="152"')
    expect(html).toContain('<figure class="embed embed-audio">')
  })

  it('drops every other frame, with what it holds', () => {
    for (const source of [
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
      `<iframe src="http://www.youtube.com/embed/${YT}"></iframe>`,
      `<iframe src="//www.youtube.com/embed/${YT}"></iframe>`,
      `<iframe src="https://www.youtube.com.evil.test/embed/${YT}"></iframe>`,
      `<iframe src="https://youtube.com@evil.test/embed/${YT}"></iframe>`,
      '<iframe src="https://evil.test/">text inside</iframe>',
      '<iframe>no address</iframe>',
      `<frameset><frame src="https://www.youtube.com/embed/${YT}"></frameset>`,
      `<object data="https://www.youtube.com/embed/${YT}"></object><embed src="https://www.youtube.com/embed/${YT}">`,
    ]) {
      const { html } = renderBody('html', `<p>Before</p>${source}<p>After</p>`)
      expect(html, source).toBe('<p>Before</p><p>After</p>')
    }
  })

  it('makes a paragraph holding only a frame its figure, keeps a card’s caption, and a frame inside text inline', () => {
    const card = renderBody('html', `<figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/76979871" title="The quay"></iframe><figcaption>The <em>new</em> quay</figcaption></figure>`).html
    expect(card).toMatch(/^<figure class="embed embed-video"><iframe src="https:\/\/player\.vimeo\.com\/video\/76979871\?dnt=1" title="The quay"[^>]*><\/iframe><figcaption>The <em>new<\/em> quay<\/figcaption><\/figure>$/)
    expect(renderBody('html', `<p> <iframe src="https://flo.uri.sh/visualisation/1234567/embed"></iframe> </p>`).html).toMatch(/^<figure class="embed embed-chart"><iframe [^>]*><\/iframe><\/figure>$/)
    expect(renderBody('html', `<ul><li><iframe src="https://datawrapper.dwcdn.net/AbC12/"></iframe></li></ul>`).html).toMatch(/^<ul><li><figure class="embed embed-chart"><iframe [^>]*><\/iframe><\/figure><\/li><\/ul>$/)
    expect(renderBody('html', `<p>See <iframe src="https://www.youtube.com/embed/${YT}"></iframe> here</p>`).html).toMatch(/^<p>See <iframe [^>]*><\/iframe> here<\/p>$/)
    // A figure class means nothing without a frame in it.
    expect(renderBody('html', '<figure class="embed embed-video"><img src="/a.jpg" alt="A"></figure>').html).toBe('<figure><img src="/a.jpg" alt="A" loading="lazy" decoding="async"></figure>')
  })

  it('is its own sanitisation: rendering the output again changes nothing', () => {
    for (const source of [
      `<iframe src="https://www.youtube.com/embed/${YT}"></iframe>`,
      `<p><iframe src="https://www.youtube.com/embed/${YT}"></iframe></p>`,
      `<figure><img src="/a.jpg" alt=""><iframe src="https://www.youtube.com/embed/${YT}"></iframe></figure>`,
      `<p>a <b><iframe src="https://www.youtube.com/embed/${YT}"></iframe></b></p>`,
      `<font><iframe src="https://www.youtube.com/embed/${YT}"></iframe></font>`,
      `<table><tr><td><iframe src="https://www.youtube.com/embed/${YT}"></iframe></td></tr></table>`,
      // An element taken out (the object) beside a figure put in: the count alone would not tell.
      `<p><object><p>x</p></object></p><iframe src="https://www.youtube.com/embed/${YT}"></iframe>`,
    ]) {
      const once = renderBody('html', source).html
      expect(frames(once), source).toHaveLength(1)
      expect(renderBody('html', once).html, source).toBe(once)
    }
  })

  it('turns a provider’s address alone on its line in Markdown into its embed; a link with words stays a link', () => {
    const { html } = renderBody('markdown', `Watch:\n\nhttps://www.youtube.com/watch?v=${YT}&t=1m5s\n\n<https://x.com/harbourdesk/status/1234567890123456789>\n\n[the video](https://youtu.be/${YT}) and https://youtu.be/${YT} in a sentence.\n\nhttps://example.org/not-a-provider`)
    expect(frames(html).map((f) => /src="([^"]+)"/.exec(f)![1])).toEqual([
      `https://www.youtube-nocookie.com/embed/${YT}?start=65`,
      'https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&#x26;dnt=true',
    ])
    expect(html).toContain('<figure class="embed embed-post">')
    expect(html).toContain(`<a href="https://youtu.be/${YT}" rel="noopener noreferrer">the video</a>`)
    expect(html).toContain('<a href="https://example.org/not-a-provider" rel="noopener noreferrer">https://example.org/not-a-provider</a>')
  })
})

describe('renderBody: links', () => {
  const body = '<p><a href="https://other.test/a">out</a> <a href="/tides/">in</a> <a href="#notes">here</a> <a href="https://news.test/b">own</a>'
    + ' <a href="//evil.test/">sneaky</a> <a href="mailto:desk@news.test">mail</a></p>'
  const rels = (html: string) => [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`)

  it('staff bodies (the default): every link noopener noreferrer, none nofollow', () => {
    expect(rels(renderBody('html', body, { siteUrl: 'https://news.test' }).html).every((r) => r.endsWith(' noopener noreferrer') && !r.includes('nofollow'))).toBe(true)
  })

  it('untrusted bodies: links to other hosts also nofollow ugc; the site’s own, relative and mail links not', () => {
    expect(rels(renderBody('html', body, { trustedLinks: false, siteUrl: 'https://news.test' }).html)).toEqual([
      'https://other.test/a nofollow ugc noopener noreferrer',
      '/tides/ noopener noreferrer',
      '#notes noopener noreferrer',
      'https://news.test/b noopener noreferrer',
      '//evil.test/ nofollow ugc noopener noreferrer',
      'mailto:desk@news.test noopener noreferrer',
    ])
    // Without the site's address, only relative links are known to be its own.
    expect(rels(renderBody('html', body, { trustedLinks: false }).html)[3]).toBe('https://news.test/b nofollow ugc noopener noreferrer')
  })

  it('the same in Markdown and the editor’s documents, and a source cannot set rel itself', () => {
    expect(renderBody('markdown', '[out](https://other.test/)', { trustedLinks: false }).html).toContain('rel="nofollow ugc noopener noreferrer"')
    const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'out', marks: [{ type: 'link', attrs: { href: 'https://other.test/' } }] }] }] })
    expect(renderBody('doc', doc, { trustedLinks: false }).html).toContain('rel="nofollow ugc noopener noreferrer"')
    expect(renderBody('html', '<a href="https://other.test/" rel="opener">x</a>').html).toBe('<a href="https://other.test/" rel="noopener noreferrer">x</a>')
  })

  it('isExternal reads addresses as a browser resolves them', () => {
    expect(isExternal('https://other.test/', 'news.test')).toBe(true)
    expect(isExternal('HTTPS://NEWS.TEST/x', 'news.test')).toBe(false)
    expect(isExternal('https://news.test:8443/x', 'news.test')).toBe(true)
    expect(isExternal('\\\\evil.test\\x', 'news.test')).toBe(true)
    expect(isExternal('/x', undefined)).toBe(false)
    expect(isExternal('tel:123', 'news.test')).toBe(false)
  })
})

describe('paragraphsToHtml', () => {
  it('escapes markup in plain text', () => {
    expect(paragraphsToHtml(['a < b & c', 'd'])).toBe('<p>a &lt; b &amp; c</p>\n<p>d</p>')
  })
})
