import { absoluteUrl } from '../../http/paths.js'
import type { SiteView } from '../site-view.js'

/** The site's icon, drawn at start-up and served at this path; also the publisher logo. */
export const SITE_ICON_PATH = '/icon.png'
export const SITE_ICON_SIZE = 512

/** The schema.org Organization that publishes the site. */
export function publisherJsonLd(site: SiteView): Record<string, unknown> {
  return {
    '@type': 'Organization',
    name: site.settings.title,
    url: `${site.siteUrl}/`,
    logo: { '@type': 'ImageObject', url: absoluteUrl(site.siteUrl, SITE_ICON_PATH), width: SITE_ICON_SIZE, height: SITE_ICON_SIZE },
  }
}
