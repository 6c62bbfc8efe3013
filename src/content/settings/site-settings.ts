/** One entry of the public navigation menu. */
export interface NavLink {
  label: string
  /** A path on this site (`/section/world/`) or an http(s) address elsewhere. */
  url: string
}

export const SOCIAL_NETWORKS = ['x', 'facebook', 'instagram', 'mastodon', 'bluesky', 'linkedin', 'youtube', 'tiktok'] as const
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number]

export const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram', mastodon: 'Mastodon',
  bluesky: 'Bluesky', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok',
}

/** The site's accounts elsewhere, each as the address of its profile page. */
export type SocialAccounts = Partial<Record<SocialNetwork, string>>

/**
 * The accounts that are set, in the settings form's order.
 * @example socialLinks({ x: 'https://x.com/a' }) // [['x', 'https://x.com/a']]
 */
export const socialLinks = (social: SocialAccounts): [SocialNetwork, string][] =>
  SOCIAL_NETWORKS.flatMap((n) => (social[n] ? [[n, social[n]] as [SocialNetwork, string]] : []))

/** Site-wide settings; see settings.repo.ts for how they are stored. */
export interface SiteSettings {
  title: string
  description: string
  /** A BCP 47 language tag: `<html lang>`, feeds, and how dates are written. */
  language: string
  /** An IANA time zone: dates on the public site are the dates there. */
  timeZone: string
  /** A picture from the media library shown in the masthead and given as the publisher's logo. */
  logoId: string | null
  /** The masthead's menu; when empty, the sections are listed instead. */
  navigation: NavLink[]
  social: SocialAccounts
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: 'Masthead',
  description: 'News, reported and published with Masthead.',
  language: 'en',
  timeZone: 'UTC',
  logoId: null,
  navigation: [],
  social: {},
}

export const MAX_NAV_LINKS = 20
export const MAX_NAV_LABEL = 60
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/**
 * The canonical spelling of a BCP 47 language tag, or undefined when it is not one.
 * @example canonicalLanguage('EN-gb') // 'en-GB'
 * @example canonicalLanguage('English') // undefined
 */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim())
    return canonical && canonical.length <= 35 && LANGUAGE_TAG.test(canonical) ? canonical : undefined
  } catch {
    return undefined
  }
}

let timeZones: ReadonlySet<string> | undefined
/**
 * The time zones offered and accepted: the runtime's IANA list, and UTC (which the list leaves out).
 * @example isTimeZone('Europe/Oslo') // true
 */
export function supportedTimeZones(): ReadonlySet<string> {
  return (timeZones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]))
}

export const isTimeZone = (zone: string): boolean => supportedTimeZones().has(zone)

/**
 * Whether a menu link may point there: a path on this site (not `//host`, which leaves it) or
 * an http(s) address; never `javascript:` or `data:`.
 * @example isNavUrl('/section/world/') // true
 * @example isNavUrl('javascript:alert(1)') // false
 */
export function isNavUrl(url: string): boolean {
  if (url.length > 500 || /[\s\\\u0000-\u001f\u007f]/.test(url)) return false
  if (url.startsWith('/')) return !url.startsWith('//')
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== ''
  } catch {
    return false
  }
}

/**
 * Reads the menu from the settings form's text: one `Label | address` a line, blank lines
 * skipped. Each problem names its line.
 * @example parseNavigation('World | /section/world/\nAbout | /about/') // { links: [...2], problems: [] }
 */
export function parseNavigation(text: string): { links: NavLink[]; problems: string[] } {
  const links: NavLink[] = []
  const problems: string[] = []
  const lines = text.split(/\r?\n/)
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim()
    if (!line) continue
    const problem = navLinkProblem(line)
    if (typeof problem === 'string') problems.push(`Navigation, line ${i + 1}: ${problem}`)
    else links.push(problem)
  }
  if (links.length > MAX_NAV_LINKS) problems.push(`Navigation: at most ${MAX_NAV_LINKS} links (there are ${links.length})`)
  return { links, problems }
}

/** The link on one line of the menu's text, or what is wrong with it. */
function navLinkProblem(line: string): NavLink | string {
  const bar = line.lastIndexOf('|')
  if (bar < 0) return 'write it as “Label | /path/”'
  const label = line.slice(0, bar).trim()
  const url = line.slice(bar + 1).trim()
  if (!label) return 'the label is missing'
  if (label.length > MAX_NAV_LABEL) return `the label may have at most ${MAX_NAV_LABEL} characters`
  if (!isNavUrl(url)) return `“${url.slice(0, 80)}” is not a path on this site (starting with /) or an http(s) address`
  return { label, url }
}

/** The menu as the settings form shows it: the inverse of `parseNavigation`. */
export const navigationText = (links: NavLink[]): string => links.map((l) => `${l.label} | ${l.url}`).join('\n')
