import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../storage/connect.js'
import { openTestDatabase } from '../../../test/support/test-database.js'
import { readChangeMarker } from '../site-changes.js'
import { readSettings, writeSettings } from './settings.repo.js'
import { canonicalLanguage, isNavUrl, parseNavigation } from './site-settings.js'
import { socialProfileUrl } from './social-accounts.js'
import { updateSiteSettings, type SettingsForm } from './update-site-settings.js'

const now = new Date('2026-06-01T12:00:00Z')
let db: Db
let closeTestDb = async () => {}
beforeEach(async () => { ({ db, close: closeTestDb } = await openTestDatabase()) })
afterEach(async () => { await closeTestDb() })

const form = (changes: Partial<SettingsForm> = {}): SettingsForm => ({
  title: 'The Port Alder Ledger', description: 'Harbour news.', language: 'en-GB', timeZone: 'Europe/Oslo',
  logoId: '', navigation: 'World | /section/world/\nAbout us | /about/', social: {}, ...changes,
})

describe('updateSiteSettings', () => {
  it('saves every setting, read back as saved, and marks the site changed', async () => {
    const before = await readChangeMarker(db)
    const result = await updateSiteSettings(db, form({ social: { x: '@ledger', mastodon: '@ledger@mastodon.social' } }), now)
    expect(result.ok).toBe(true)
    expect(await readSettings(db)).toEqual({
      title: 'The Port Alder Ledger', description: 'Harbour news.', language: 'en-GB', timeZone: 'Europe/Oslo', logoId: null,
      navigation: [{ label: 'World', url: '/section/world/' }, { label: 'About us', url: '/about/' }],
      social: { x: 'https://x.com/ledger', mastodon: 'https://mastodon.social/@ledger' },
    })
    expect(await readChangeMarker(db)).not.toBe(before)
  })

  it('names each wrong field, and the line of a wrong menu entry, and saves nothing', async () => {
    const result = await updateSiteSettings(db, form({
      title: ' ', language: 'English', timeZone: 'Mars/Olympus', logoId: 'nope',
      navigation: 'World | /section/world/\n\nEvil | javascript:alert(1)\nNo bar here',
      social: { instagram: 'https://evil.example/ledger' },
    }), now)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byField = (f: string) => result.error.issues.filter((i) => i.field === f).map((i) => i.message)
    expect(byField('title')).toEqual(['Site name: a name is required'])
    expect(byField('language')[0]).toMatch(/^Language: “English” is not a language tag/)
    expect(byField('timeZone')[0]).toMatch(/^Time zone: “Mars\/Olympus”/)
    expect(byField('logoId')[0]).toMatch(/no picture with the id “nope”/)
    expect(byField('navigation')).toEqual([
      'Navigation, line 3: “javascript:alert(1)” is not a path on this site (starting with /) or an http(s) address',
      'Navigation, line 4: write it as “Label | /path/”',
    ])
    expect(byField('social_instagram')[0]).toMatch(/^Instagram: write it as/)
    expect((await readSettings(db)).title).toBe('Masthead')
  })

  it('accepts a logo that is in the media library', async () => {
    await db.insertInto('media').values({
      id: 'abc123', storageKey: 'pictures/a/original.png', mimeType: 'image/png', width: 400, height: 100, bytes: 10,
      sha256: 'x', variants: '[]', alt: 'Ledger', createdAt: now.toISOString(), remoteUrl: null,
    }).execute()
    expect((await updateSiteSettings(db, form({ logoId: 'abc123' }), now)).ok).toBe(true)
    expect((await readSettings(db)).logoId).toBe('abc123')
  })
})

describe('reading settings', () => {
  it('falls back to the default for a value that does not parse', async () => {
    for (const [key, value] of [['navigation', '{not json'], ['social', '{"x":"javascript:1"}'], ['time_zone', 'Nowhere'], ['language', '??']]) {
      await db.insertInto('settings').values({ key: key!, value: value! }).execute()
    }
    const settings = await readSettings(db)
    expect(settings.navigation).toEqual([])
    expect(settings.social).toEqual({})
    expect(settings.timeZone).toBe('UTC')
    expect(settings.language).toBe('en')
  })

  it('keeps the settings written by older code (title, description, language)', async () => {
    await writeSettings(db, { title: 'Gazette', language: 'de' }, now)
    expect(await readSettings(db)).toMatchObject({ title: 'Gazette', language: 'de', navigation: [] })
  })
})

describe('menu links', () => {
  it.each([
    ['/about/', true], ['/', true], ['https://example.org/x', true], ['http://example.org', true],
    ['//evil.example/', false], ['javascript:alert(1)', false], ['data:text/html,hi', false], ['about', false],
    ['/a b', false], ['/a\\b', false], ['ftp://example.org/', false],
  ])('%s → %s', (url, expected) => {
    expect(isNavUrl(url)).toBe(expected)
  })

  it('splits on the last bar, so a label may hold one', () => {
    expect(parseNavigation('News | Views | /opinion/').links).toEqual([{ label: 'News | Views', url: '/opinion/' }])
  })

  it('caps the menu at 20 links', () => {
    const text = Array.from({ length: 21 }, (_, i) => `L${i} | /l${i}/`).join('\n')
    expect(parseNavigation(text).problems).toEqual(['Navigation: at most 20 links (there are 21)'])
  })
})

describe('social accounts', () => {
  it.each([
    ['x', '@portalder', 'https://x.com/portalder'],
    ['x', 'https://twitter.com/portalder', 'https://twitter.com/portalder'],
    ['facebook', 'portalderledger', 'https://www.facebook.com/portalderledger'],
    ['instagram', '@port.alder', 'https://www.instagram.com/port.alder/'],
    ['mastodon', 'https://mastodon.social/@ledger', 'https://mastodon.social/@ledger'],
    ['bluesky', '@ledger.bsky.social', 'https://bsky.app/profile/ledger.bsky.social'],
    ['linkedin', 'http://www.linkedin.com/company/ledger', 'https://www.linkedin.com/company/ledger'],
    ['youtube', '@ledgertv', 'https://www.youtube.com/@ledgertv'],
    ['tiktok', '@ledger', 'https://www.tiktok.com/@ledger'],
  ] as const)('%s %s', (network, input, url) => {
    expect(socialProfileUrl(network, input)).toEqual({ url })
  })

  it.each([
    ['x', 'https://evil.example/x'], ['x', 'javascript:alert(1)'], ['linkedin', 'ledger'], ['youtube', 'https://www.youtube.com/'],
    ['bluesky', 'https://notbsky.app/profile/x'], ['mastodon', 'ledger'],
  ] as const)('refuses %s %s', (network, input) => {
    expect(socialProfileUrl(network, input)).toHaveProperty('problem')
  })
})

describe('language tags', () => {
  it('canonicalises and refuses', () => {
    expect(canonicalLanguage('EN-gb')).toBe('en-GB')
    expect(canonicalLanguage('pt-br')).toBe('pt-BR')
    expect(canonicalLanguage('en_US')).toBeUndefined()
    expect(canonicalLanguage('English')).toBeUndefined()
  })
})
