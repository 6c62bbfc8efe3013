import type { AppDeps } from '../app.js'

/** What the admin's routes need: the app's dependencies, and whether the site is behind https. */
export interface AdminDeps extends AppDeps {
  /** Cookies get the Secure flag. */
  secure: boolean
  /** Whether X-Forwarded-For names the client (behind a reverse proxy). */
  trustProxy: boolean
}

export function adminDepsOf(deps: AppDeps): AdminDeps {
  return { ...deps, secure: deps.siteUrl.startsWith('https:'), trustProxy: deps.trustProxy ?? false }
}
