import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { ASSETS } from '../../http/assets/assets.js'
import { canOnSite, type SiteAction } from '../../staff/permissions.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { CsrfField } from './form-fields.js'

export interface AdminPageContext {
  siteTitle: string
  /** The signed-in staff member; absent on the sign-in and set-up pages. */
  staff?: StaffMember
  formToken: string
  /** The path of the current page, to mark its navigation link. */
  path: string
}

interface NavLink {
  href: string
  label: string
  /** Shown only to those allowed; the server refuses the others anyway. */
  needs?: SiteAction
}

const NAV: NavLink[] = [
  { href: '/admin/', label: 'Articles' },
  { href: '/admin/review/', label: 'Review', needs: 'review.queue' },
  { href: '/admin/media/', label: 'Media' },
  { href: '/admin/pages/', label: 'Pages', needs: 'pages.manage' },
  { href: '/admin/taxonomy/', label: 'Sections & tags', needs: 'taxonomy.manage' },
  { href: '/admin/staff/', label: 'Staff', needs: 'staff.view' },
  { href: '/admin/settings/', label: 'Settings', needs: 'settings.manage' },
  { href: '/admin/integrations/', label: 'Integrations', needs: 'integrations.manage' },
  { href: '/admin/integrations/webhooks/', label: 'Webhooks', needs: 'integrations.manage' },
  { href: '/admin/profile/', label: 'Profile' },
]

/** The frame of every admin screen: a bar with the site, navigation by role, and sign-out. */
export function AdminLayout({ page, title, children, scripts = [], styles = [] }: { page: AdminPageContext; title: string; children: Child; scripts?: string[]; styles?: string[] }) {
  const { staff } = page
  // The longest link the path starts with is the current one (Webhooks lives under Integrations).
  const matching = NAV.filter((link) => (link.href === '/admin/' ? page.path === link.href : page.path.startsWith(link.href)))
  const currentHref = matching.sort((a, b) => b.href.length - a.href.length)[0]?.href
  const current = (href: string) => href === currentHref
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${title} – ${page.siteTitle} admin`}</title>
          <link rel="stylesheet" href={ASSETS.adminCss.path} />
          {styles.map((href) => <link rel="stylesheet" href={href} />)}
          {scripts.map((src) => <script src={src} defer />)}
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header class="admin-bar">
            <a class="brand" href={staff ? '/admin/' : '/'}>{page.siteTitle}</a>
            {staff && (
              <>
                <nav class="admin-nav" aria-label="Admin">
                  <ul>
                    {NAV.filter((link) => !link.needs || canOnSite(staff, link.needs)).map((link) => (
                      <li><a href={link.href} aria-current={current(link.href) ? 'page' : undefined}>{link.label}</a></li>
                    ))}
                    <li><a href="/">View site</a></li>
                  </ul>
                </nav>
                <form method="post" action="/admin/sign-out" class="inline">
                  <CsrfField token={page.formToken} />
                  <button type="submit" class="link">Sign out ({staff.name})</button>
                </form>
              </>
            )}
          </header>
          <main id="main" class="admin-main">{children}</main>
        </body>
      </html>
    </>
  )
}
