import { paths } from '../../http/paths.js'
import { Layout } from '../layout.js'
import type { SiteView } from '../site-view.js'

/** The page for a URL that leads nowhere: says so, and offers the way back. */
export function NotFoundPage({ site }: { site: SiteView }) {
  return (
    <Layout site={site} title="Page not found" description="The page you asked for is not here.">
      <div class="not-found">
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <p><a href={paths.home()}>Go to the front page</a></p>
      </div>
    </Layout>
  )
}

/** The page shown when something broke on our side. */
export function ErrorPage({ site }: { site: SiteView }) {
  return (
    <Layout site={site} title="Something went wrong" description="The server could not show this page.">
      <div class="not-found">
        <h1>Something went wrong</h1>
        <p>We could not show this page just now. Please try again in a moment.</p>
        <p><a href={paths.home()}>Go to the front page</a></p>
      </div>
    </Layout>
  )
}
