import type { SiteSettings } from '../../content/settings/settings.repo.js'
import type { SectionRef } from '../../content/taxonomy.js'
import { absoluteUrl, paths } from '../../http/paths.js'
import { SITE_ICON_PATH } from '../../views/metadata/publisher.js'

/** The accent colour of the site's light theme (`--accent` in site-css.ts). */
const ACCENT_COLOR = '#a4161a'

/**
 * The site settings in Ghost's Content API shape. Masthead's navigation is its sections, after
 * the front page; its times are UTC, so the time zone is too. What Masthead has no setting
 * for is null, as in a fresh Ghost site.
 * @example toGhostSettings(await readSettings(db), await listSections(db), 'https://news.example').navigation[0] // { label: 'Home', url: 'https://news.example/' }
 */
export function toGhostSettings(settings: SiteSettings, sections: SectionRef[], siteUrl: string) {
  return {
    title: settings.title,
    description: settings.description,
    logo: null,
    icon: absoluteUrl(siteUrl, SITE_ICON_PATH),
    accent_color: ACCENT_COLOR,
    cover_image: null,
    facebook: null,
    twitter: null,
    lang: settings.language,
    locale: settings.language,
    timezone: 'Etc/UTC',
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: [
      { label: 'Home', url: absoluteUrl(siteUrl, paths.home()) },
      ...sections.map((s) => ({ label: s.name, url: absoluteUrl(siteUrl, paths.section(s.slug)) })),
    ],
    secondary_navigation: [],
    meta_title: null,
    meta_description: null,
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
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
