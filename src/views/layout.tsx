import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { paths } from '../http/paths.js'
import { SITE_ICON_PATH } from './metadata/publisher.js'
import { feedLinks, type FeedLink } from './feed-links.js'
import { siteCss } from './site-css.js'
import type { SiteView } from './site-view.js'

interface LayoutProps {
  site: SiteView
  /** The document title; the site title is appended. */
  title?: string
  description: string
  /** Absolute canonical URL, when the page has one. */
  canonical?: string
  language?: string
  /** Feeds of this page's listing, announced after the site-wide feeds that every page announces. */
  feeds?: FeedLink[]
  /** Extra tags for the head (OpenGraph, feeds, structured data). */
  head?: Child
  children: Child
}

/** The frame of every public page: head, masthead with section navigation, main, footer. */
export function Layout({ site, title, description, canonical, language, feeds = [], head, children }: LayoutProps) {
  const { settings } = site
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={language ?? settings.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title ? `${title} – ${settings.title}` : settings.title}</title>
          <meta name="description" content={description} />
          {canonical && <link rel="canonical" href={canonical} />}
          <meta name="color-scheme" content="light dark" />
          <meta name="theme-color" content="#fdfcf9" media="(prefers-color-scheme: light)" />
          <meta name="theme-color" content="#121316" media="(prefers-color-scheme: dark)" />
          <link rel="icon" type="image/png" href={SITE_ICON_PATH} />
          {[...feedLinks(site, settings.title), ...feeds].map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
          {head}
          <style>{raw(siteCss)}</style>
        </head>
        <body>
          <a class="skip" href="#content">Skip to content</a>
          <header class="masthead">
            <div class="wrap">
              <a class="site-title" href={paths.home()}>{settings.title}</a>
              {settings.description && <p class="site-tagline">{settings.description}</p>}
              <nav class="sections" aria-label="Sections">
                <ul>
                  {site.sections.map((s) => (
                    <li><a href={paths.section(s.slug)}>{s.name}</a></li>
                  ))}
                  <li><a class="search-link" href={paths.search()}>Search</a></li>
                </ul>
              </nav>
            </div>
          </header>
          <main id="content" class="wrap">{children}</main>
          <footer class="footer">
            <div class="wrap">
              <p>© {new Date().getUTCFullYear()} {settings.title}. Published with Masthead.</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}
