import { absoluteUrl, pictureUrl } from '../../http/paths.js'
import { socialLinks } from '../../content/settings/site-settings.js'
import type { SiteView } from '../site-view.js'

/** The site's icon, drawn at start-up and served at this path; also the publisher logo. */
export const SITE_ICON_PATH = '/icon.png'
export const SITE_ICON_SIZE = 512

/**
 * The schema.org Organization that publishes the site: its logo (the one set in the settings,
 * else the site icon) and its accounts elsewhere as `sameAs`.
 */
export function publisherJsonLd(site: SiteView): Record<string, unknown> {
  const { logo } = site
  const sameAs = socialLinks(site.settings.social).map(([, url]) => url)
  return {
    '@type': 'Organization',
    name: site.settings.title,
    url: `${site.siteUrl}/`,
    logo: logo
      ? { '@type': 'ImageObject', url: pictureUrl(site.siteUrl, logo), ...(logo.width > 0 && { width: logo.width, height: logo.height }) }
      : { '@type': 'ImageObject', url: absoluteUrl(site.siteUrl, SITE_ICON_PATH), width: SITE_ICON_SIZE, height: SITE_ICON_SIZE },
    ...(sameAs.length > 0 && { sameAs }),
  }
}
