import type { SiteView } from '../site-view.js'
import { JsonLd } from './json-ld.js'
import { publisherJsonLd } from './publisher.js'

/** The search page's address with the placeholder search engines fill in. */
const SEARCH_TEMPLATE = '/search/?q={search_term_string}'

/** OpenGraph and JSON-LD WebSite (with a SearchAction) for the front page. */
export function HomeMetadata({ site, canonical }: { site: SiteView; canonical: string }) {
  const { settings } = site
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={settings.title} />
      <meta property="og:title" content={settings.title} />
      <meta property="og:description" content={settings.description} />
      <meta property="og:url" content={canonical} />
      <meta name="twitter:card" content="summary" />
      <JsonLd data={{
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: settings.title,
        description: settings.description,
        url: `${site.siteUrl}/`,
        inLanguage: settings.language,
        publisher: publisherJsonLd(site),
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: site.siteUrl + SEARCH_TEMPLATE },
          'query-input': 'required name=search_term_string',
        },
      }} />
    </>
  )
}
