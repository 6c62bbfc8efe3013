import { describe, expect, it } from 'vitest'
import { EMBED_FRAME_ORIGINS, EMBED_PROVIDERS, embedForFrame, embedForPage } from './embed-providers.js'

const YT = 'dQw4w9WgXcQ'
const SPOTIFY = '4uLU6hMCjMI75M1A2tKUQC'

describe('embedForFrame: the frame addresses an article may embed, normalised', () => {
  it.each([
    [`https://www.youtube.com/embed/${YT}`, 'youtube', `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtube.com/embed/${YT}?start=42&autoplay=1&mute=1`, 'youtube', `https://www.youtube-nocookie.com/embed/${YT}?start=42`],
    [`https://www.youtube-nocookie.com/embed/${YT}`, 'youtube', `https://www.youtube-nocookie.com/embed/${YT}`],
    [`  https://WWW.YOUTUBE.COM/embed/${YT}  `, 'youtube', `https://www.youtube-nocookie.com/embed/${YT}`],
    ['https://player.vimeo.com/video/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1', 'vimeo', 'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1'],
    ['https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&theme=dark', 'x', 'https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true'],
    ['https://www.instagram.com/p/CxYz12AbCdE/embed/captioned/', 'instagram', 'https://www.instagram.com/p/CxYz12AbCdE/embed/'],
    ['https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=%23ff5500&auto_play=true', 'soundcloud', 'https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293'],
    [`https://open.spotify.com/embed/track/${SPOTIFY}?utm_source=generator`, 'spotify', `https://open.spotify.com/embed/track/${SPOTIFY}`],
    ['https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3022.9!2d-73.98!3d40.75', 'google-maps', 'https://www.google.com/maps/embed?pb=%211m18%211m12%211m3%211d3022.9%212d-73.98%213d40.75'],
    ['https://www.google.com/maps/embed/v1/place?key=AIzaKey&q=Harbour+Street,Bergen&callback=x', 'google-maps', 'https://www.google.com/maps/embed/v1/place?key=AIzaKey&q=Harbour+Street%2CBergen'],
    ['https://embed.documentcloud.org/documents/20059068-the-harbour-report/?embed=1&responsive=1', 'documentcloud', 'https://embed.documentcloud.org/documents/20059068-the-harbour-report/?embed=1'],
    ['https://datawrapper.dwcdn.net/AbC12/3/', 'datawrapper', 'https://datawrapper.dwcdn.net/AbC12/3/'],
    ['https://datawrapper.dwcdn.net/AbC12', 'datawrapper', 'https://datawrapper.dwcdn.net/AbC12/'],
    ['https://flo.uri.sh/visualisation/1234567/embed', 'flourish', 'https://flo.uri.sh/visualisation/1234567/embed'],
    ['https://flo.uri.sh/story/98765/embed?auto=1', 'flourish', 'https://flo.uri.sh/story/98765/embed'],
  ])('%s → %s', (address, provider, src) => {
    expect(embedForFrame(address)).toMatchObject({ provider: { id: provider }, src })
  })

  it('gives addresses that are their own normal form: normalising twice changes nothing', () => {
    for (const provider of EMBED_PROVIDERS) {
      for (const address of [`https://www.youtube.com/embed/${YT}?start=3`, 'https://w.soundcloud.com/player/?url=https://soundcloud.com/band/song']) {
        const once = embedForFrame(address)?.src
        if (once) expect(embedForFrame(once)?.src, provider.id).toBe(once)
      }
    }
  })
})

describe('embedForFrame refuses every near miss', () => {
  it.each([
    // Not https, or no address at all.
    [`http://www.youtube.com/embed/${YT}`],
    [`//www.youtube.com/embed/${YT}`],
    [`/embed/${YT}`],
    [`javascript:alert(1)//https://www.youtube.com/embed/${YT}`],
    ['data:text/html,<script>alert(1)</script>'],
    [`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#https://www.youtube.com/embed/${YT}`],
    ['about:blank'],
    [''],
    [undefined],
    [42],
    [['https://www.youtube.com/embed/', YT]],
    // Look-alike hosts.
    [`https://www.youtube.com.evil.test/embed/${YT}`],
    [`https://evil.test/www.youtube.com/embed/${YT}`],
    [`https://evilyoutube.com/embed/${YT}`],
    [`https://www.youtube.com./embed/${YT}`],
    [`https://www.youtube-nocookie.com.evil.test/embed/${YT}`],
    [`https://xn--yutube-wqf.com/embed/${YT}`],
    [`https://www.yоutube.com/embed/${YT}`], // a Cyrillic о
    ['https://player.vimeo.com.evil.test/video/76979871'],
    ['https://flo.uri.sh.evil.test/visualisation/1/embed'],
    ['https://datawrapper.dwcdn.net.evil.test/AbC12/'],
    // Userinfo, ports, backslashes: the host a browser would load is not the provider's.
    [`https://youtube.com@evil.test/embed/${YT}`],
    [`https://www.youtube.com:443@evil.test/embed/${YT}`],
    [`https://user:pass@www.youtube.com/embed/${YT}`],
    [`https://www.youtube.com:8443/embed/${YT}`],
    [`https://evil.test\\@www.youtube.com/embed/${YT}`],
    [`https://evil.test\\www.youtube.com/embed/${YT}`],
    // The provider's host, but not its frame.
    [`https://www.youtube.com/watch?v=${YT}`],
    [`https://www.youtube.com/embed/${YT}/../../redirect?q=https://evil.test`],
    ['https://www.youtube.com/embed/?listType=playlist&list=PL123'],
    [`https://www.youtube.com/embed/${YT.slice(0, 10)}`],
    [`https://www.youtube.com/embed/${YT}x`],
    [`https://www.youtube.com/embed/${YT}/extra`],
    ['https://www.google.com/search?q=x'],
    ['https://www.google.com/url?q=https://evil.test'],
    ['https://www.google.com/maps/embed?pb=<script>'],
    ['https://www.google.com/maps/embed/v1/place?q=x'],
    ['https://www.google.com/maps/embed/v1/__proto__?key=x'],
    ['https://player.vimeo.com/video/abc'],
    ['https://player.vimeo.com/video/1?h=not-hex!'],
    ['https://platform.twitter.com/widgets.js'],
    ['https://platform.twitter.com/embed/Tweet.html?id=1;alert(1)'],
    ['https://www.instagram.com/accounts/login/embed/'],
    ['https://w.soundcloud.com/player/?url=https://evil.test/tracks/1'],
    ['https://w.soundcloud.com/player/?url=javascript:alert(1)'],
    ['https://w.soundcloud.com/player/?url=https://api.soundcloud.com.evil.test/tracks/1'],
    ['https://w.soundcloud.com/evil/?url=https://api.soundcloud.com/tracks/1'],
    ['https://open.spotify.com/embed/track/short'],
    ['https://open.spotify.com/embed/user/abc/playlist/4uLU6hMCjMI75M1A2tKUQC'],
    ['https://embed.documentcloud.org/documents/../../evil'],
    ['https://embed.documentcloud.org/api/documents/1.json'],
    ['https://datawrapper.dwcdn.net/AbC12/3/evil.html'],
    ['https://datawrapper.dwcdn.net/lib/evil.js'],
    ['https://flo.uri.sh/visualisation/1/embed/../../evil'],
    ['https://flo.uri.sh/visualisation/abc/embed'],
    ['https://public.flourish.studio/visualisation/1/'], // a page, not a frame: embedForPage reads it
  ])('%j', (address) => {
    expect(embedForFrame(address)).toBeUndefined()
  })
})

describe('embedForPage: the address of a provider page a writer pastes', () => {
  it.each([
    [`https://www.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtube.com/watch?v=${YT}&t=1m30s&list=x`, `https://www.youtube-nocookie.com/embed/${YT}?start=90`],
    [`https://m.youtube.com/watch?v=${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://youtu.be/${YT}?t=42`, `https://www.youtube-nocookie.com/embed/${YT}?start=42`],
    [`https://www.youtube.com/shorts/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    [`https://www.youtube.com/embed/${YT}`, `https://www.youtube-nocookie.com/embed/${YT}`],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://vimeo.com/76979871/8272103f6e', 'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1'],
    ['https://x.com/harbourdesk/status/1234567890123456789', 'https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true'],
    ['https://twitter.com/harbourdesk/status/1234567890123456789?s=20', 'https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789&dnt=true'],
    ['https://www.instagram.com/p/CxYz12AbCdE/', 'https://www.instagram.com/p/CxYz12AbCdE/embed/'],
    ['https://instagram.com/reel/CxYz12AbCdE', 'https://www.instagram.com/reel/CxYz12AbCdE/embed/'],
    ['https://soundcloud.com/harbour-band/low-tide', 'https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fharbour-band%2Flow-tide'],
    [`https://open.spotify.com/track/${SPOTIFY}?si=abc`, `https://open.spotify.com/embed/track/${SPOTIFY}`],
    [`https://open.spotify.com/intl-de/episode/${SPOTIFY}`, `https://open.spotify.com/embed/episode/${SPOTIFY}`],
    ['https://www.documentcloud.org/documents/20059068-the-harbour-report', 'https://embed.documentcloud.org/documents/20059068-the-harbour-report/?embed=1'],
    ['https://www.documentcloud.org/documents/20059068-the-harbour-report.html', 'https://embed.documentcloud.org/documents/20059068-the-harbour-report/?embed=1'],
    ['https://www.datawrapper.de/_/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/'],
    ['https://public.flourish.studio/visualisation/1234567/', 'https://flo.uri.sh/visualisation/1234567/embed'],
  ])('%s → %s', (address, src) => {
    expect(embedForPage(address)?.src).toBe(src)
  })

  it.each([
    ['https://www.youtube.com/'],
    ['https://www.youtube.com/@harbourdesk'],
    [`https://www.youtube.com/watch?v=${YT}x`],
    [`http://www.youtube.com/watch?v=${YT}`],
    [`https://youtu.be.evil.test/${YT}`],
    [`https://youtube.com@evil.test/watch?v=${YT}`],
    ['https://x.com/harbourdesk'],
    ['https://x.com/i/web/status/abc'],
    ['https://www.instagram.com/harbourdesk/'],
    ['https://soundcloud.com/harbour-band'],
    ['https://open.spotify.com/user/someone'],
    ['https://www.google.com/maps/place/Bergen'],
    ['https://example.org/watch?v=dQw4w9WgXcQ'],
  ])('%s is no embed', (address) => {
    expect(embedForPage(address)).toBeUndefined()
  })
})

describe('the providers', () => {
  it('serve every frame from one https origin each, none of them this site, and the CSP list is exactly those', () => {
    for (const provider of EMBED_PROVIDERS) {
      expect(provider.origin, provider.id).toMatch(/^https:\/\/[a-z0-9.-]+$/)
      expect(new URL(provider.origin).origin).toBe(provider.origin)
    }
    expect([...EMBED_FRAME_ORIGINS].sort()).toEqual([...new Set(EMBED_PROVIDERS.map((p) => p.origin))].sort())
  })

  it('only ever produce frame addresses on their own origin', () => {
    const samples = [
      `https://youtu.be/${YT}`, 'https://vimeo.com/1', 'https://x.com/a/status/1', 'https://instagram.com/p/abcde',
      'https://soundcloud.com/a/b', `https://open.spotify.com/album/${SPOTIFY}`, 'https://www.google.com/maps/embed?pb=!1m1',
      'https://www.documentcloud.org/documents/1-a', 'https://www.datawrapper.de/_/AbC12/', 'https://public.flourish.studio/story/1/',
    ]
    for (const address of samples) {
      const embed = embedForPage(address)
      expect(embed, address).toBeDefined()
      expect(new URL(embed!.src).origin, address).toBe(embed!.provider.origin)
    }
  })

  it('allow no feature that reaches a camera, a microphone, the location or autoplay', () => {
    for (const provider of EMBED_PROVIDERS) {
      for (const feature of provider.allow) expect(['encrypted-media', 'fullscreen', 'picture-in-picture'], `${provider.id}: ${feature}`).toContain(feature)
    }
  })
})
