import { absoluteUrl, pictureUrl } from '../../http/paths.js'
import { menuOf } from '../../views/layout.js'
import { SITE_ICON_PATH } from '../../views/metadata/publisher.js'
import type { SiteView } from '../../views/site-view.js'
import { UNSET_SHARE_META } from './unset-share-meta.js'

/** The accent colour of the site's light theme (`--accent` in site-css.ts). */
const ACCENT_COLOR = '#a4161a'

/** Ghost gives Twitter as `@handle` and Facebook as the page's path; null when the account is not of that form. */
const TWITTER_URL = /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/([A-Za-z0-9_]{1,15})\/?$/
const FACEBOOK_URL = /^https:\/\/(?:www\.|m\.)?facebook\.com\/([A-Za-z0-9.]{5,50})\/?$/

/** `@handle` from an X/Twitter profile address. */
function twitterHandle(url: string | undefined): string | null {
  const handle = TWITTER_URL.exec(url ?? '')?.[1]
  return handle ? `@${handle}` : null
}

/**
 * The site settings in Ghost's Content API shape. Navigation is the front page and then the
 * masthead's menu (the one set in the settings, else the sections), as absolute URLs. What
 * Masthead has no setting for is null, as in a fresh Ghost site.
 * @example toGhostSettings(await loadSiteView(deps)).navigation[0] // { label: 'Home', url: 'https://news.example/' }
 */
export function toGhostSettings(site: SiteView) {
  const { settings, siteUrl } = site
  const absolute = (url: string) => (url.startsWith('/') ? absoluteUrl(siteUrl, url) : url)
  return {
    title: settings.title,
    description: settings.description,
    logo: site.logo ? pictureUrl(siteUrl, site.logo) : null,
    icon: absoluteUrl(siteUrl, SITE_ICON_PATH),
    accent_color: ACCENT_COLOR,
    cover_image: null,
    facebook: FACEBOOK_URL.exec(settings.social.facebook ?? '')?.[1] ?? null,
    twitter: twitterHandle(settings.social.x),
    lang: settings.language,
    locale: settings.language,
    // Ghost names UTC by its IANA link.
    timezone: settings.timeZone === 'UTC' ? 'Etc/UTC' : settings.timeZone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: [
      { label: 'Home', url: absoluteUrl(siteUrl, '/') },
      ...menuOf(site).map((link) => ({ label: link.label, url: absolute(link.url) })),
    ],
    secondary_navigation: [],
    ...UNSET_SHARE_META,
    members_support_address: null,
    members_enabled: false,
    members_invite_only: false,
    paid_members_enabled: false,
    portal_button: false,
    comments_enabled: 'off',
    recommendations_enabled: false,
    url: absoluteUrl(siteUrl, '/'),
  }
}
