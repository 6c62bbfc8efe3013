import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { paths } from '../http/paths.js'
import { SITE_ICON_PATH } from './metadata/publisher.js'
import { feedLinks, type FeedLink } from './feed-links.js'
import { siteCss } from './site-css.js'
import type { Picture } from '../content/media/picture.js'
import { SOCIAL_LABELS, socialLinks, type NavLink } from '../content/settings/site-settings.js'
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

/** The masthead's menu: the one set in the settings, or else every section. */
export function menuOf(site: SiteView): NavLink[] {
  if (site.settings.navigation.length > 0) return site.settings.navigation
  return site.sections.map((s) => ({ label: s.name, url: paths.section(s.slug) }))
}

/** Logos are shown at most this many CSS pixels high; the copy chosen has twice that, for sharp screens. */
const LOGO_HEIGHT = 64

/** The smallest stored copy of the logo sharp enough for the masthead (non-WebP, which every browser shows). */
function logoImage(picture: Picture): { src: string; width: number; height: number } {
  if (picture.remoteUrl) return { src: picture.remoteUrl, width: picture.width, height: picture.height }
  const copy = picture.variants.filter((v) => v.format !== 'webp' && v.height >= 2 * LOGO_HEIGHT).sort((a, b) => a.width - b.width)[0]
  return copy ? { src: paths.media(copy.key), width: copy.width, height: copy.height } : { src: paths.media(picture.key), width: picture.width, height: picture.height }
}

/**
 * The masthead and the footer: the same on every page of a site, so rendered once per site
 * frame (the settings, sections and logo that loadSiteView keeps until the site changes) and
 * year, and given to each page as HTML.
 */
interface FrameHtml {
  sections: SiteView['sections']
  logo: SiteView['logo']
  siteUrl: string
  year: number
  /** The head's tags after the canonical link: colours, icon and the site's feeds. */
  head: HtmlEscapedString
  header: HtmlEscapedString
  footer: HtmlEscapedString
}

const frames = new WeakMap<SiteView['settings'], FrameHtml>()

function frameOf(site: SiteView): FrameHtml {
  const year = new Date().getUTCFullYear()
  const known = frames.get(site.settings)
  if (known && known.sections === site.sections && known.logo === site.logo && known.siteUrl === site.siteUrl && known.year === year) return known
  const frame: FrameHtml = {
    sections: site.sections, logo: site.logo, siteUrl: site.siteUrl, year,
    head: raw(headInner((<FrameHead site={site} />).toString())),
    header: raw((<Masthead site={site} />).toString()),
    footer: raw((<Footer site={site} year={year} />).toString()),
  }
  frames.set(site.settings, frame)
  return frame
}

/** The site's part of the head, in a head element (as on the page) that headInner takes off. */
function FrameHead({ site }: { site: SiteView }) {
  return (
    <head>
      <meta name="color-scheme" content="light dark" />
      <meta name="theme-color" content="#fdfcf9" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#121316" media="(prefers-color-scheme: dark)" />
      <link rel="icon" type="image/png" href={SITE_ICON_PATH} />
      {feedLinks(site, site.settings.title).map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
    </head>
  )
}

const headInner = (html: string): string => html.slice('<head>'.length, -'</head>'.length)

/** The site's style sheet, inline: a few kilobytes, saving a request on the first visit. */
const STYLE = raw(`<style>${siteCss}</style>`)

function Masthead({ site }: { site: SiteView }) {
  const { settings } = site
  const logo = site.logo && logoImage(site.logo)
  return (
    <>
      <a class="skip" href="#content">Skip to content</a>
      <header class="masthead">
        <div class="wrap">
          <a class="site-title" href={paths.home()}>{logo ? <img src={logo.src} width={logo.width} height={logo.height} alt={settings.title} /> : settings.title}</a>
          {settings.description && <p class="site-tagline">{settings.description}</p>}
          <nav class="sections" aria-label={settings.navigation.length ? 'Site' : 'Sections'}>
            <ul>
              {menuOf(site).map((link) => <li><a href={link.url}>{link.label}</a></li>)}
              <li><a class="search-link" href={paths.search()}>Search</a></li>
            </ul>
          </nav>
        </div>
      </header>
    </>
  )
}

function Footer({ site, year }: { site: SiteView; year: number }) {
  const { settings } = site
  const social = socialLinks(settings.social)
  return (
    <footer class="footer">
      <div class="wrap">
        {social.length > 0 && (
          <ul class="social" aria-label={`${settings.title} elsewhere`}>
            {social.map(([network, url]) => <li><a href={url} rel="me">{SOCIAL_LABELS[network]}</a></li>)}
          </ul>
        )}
        <p>© {year} {settings.title}. Published with Masthead.</p>
      </div>
    </footer>
  )
}

/** The frame of every public page: head, masthead with the menu (or the sections), main, footer with social accounts. */
export function Layout({ site, title, description, canonical, language, feeds = [], head, children }: LayoutProps) {
  const { settings } = site
  const frame = frameOf(site)
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
          {frame.head}
          {feeds.map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
          {head}
          {STYLE}
        </head>
        <body>
          {frame.header}
          <main id="content" class="wrap">{children}</main>
          {frame.footer}
        </body>
      </html>
    </>
  )
}
