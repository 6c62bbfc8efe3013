import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../content/settings/site-settings.js'
import { toGhostSettings } from './settings-json.js'

const siteUrl = 'https://news.example'
const sections = [{ id: 's1', slug: 'world', name: 'World' }]

describe('toGhostSettings', () => {
  it('gives the sections as navigation and UTC as Etc/UTC while nothing else is set', () => {
    const ghost = toGhostSettings({ settings: DEFAULT_SETTINGS, siteUrl, sections })
    expect(ghost).toMatchObject({
      timezone: 'Etc/UTC', logo: null, twitter: null, facebook: null,
      navigation: [{ label: 'Home', url: 'https://news.example/' }, { label: 'World', url: 'https://news.example/section/world/' }],
    })
  })

  it('gives the menu, time zone, logo and X and Facebook accounts from the settings', () => {
    const settings = {
      ...DEFAULT_SETTINGS, timeZone: 'Europe/Oslo',
      navigation: [{ label: 'About', url: '/about/' }, { label: 'Shop', url: 'https://shop.example/' }],
      social: { x: 'https://x.com/ledger', facebook: 'https://www.facebook.com/portalderledger', mastodon: 'https://mastodon.social/@ledger' },
    }
    const logo = { id: 'm1', key: 'pictures/m1/original.png', mimeType: 'image/png', width: 400, height: 100, variants: [], alt: '', remoteUrl: null }
    expect(toGhostSettings({ settings, siteUrl, sections, logo })).toMatchObject({
      timezone: 'Europe/Oslo', twitter: '@ledger', facebook: 'portalderledger', logo: 'https://news.example/media/pictures/m1/original.png',
      navigation: [
        { label: 'Home', url: 'https://news.example/' },
        { label: 'About', url: 'https://news.example/about/' },
        { label: 'Shop', url: 'https://shop.example/' },
      ],
    })
  })
})
