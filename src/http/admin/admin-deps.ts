import type { AppDeps } from '../app.js'

/** What the admin's routes need: the app's dependencies, and whether the site is behind https. */
export interface AdminDeps extends AppDeps {
  /** Cookies get the Secure flag. */
  secure: boolean
  /** Whether X-Forwarded-For names the client (behind a reverse proxy). */
  trustProxy: boolean
  /** The largest picture an upload may carry, in bytes. */
  uploadLimitBytes: number
}

/** The picture size limit when none is configured (MASTHEAD_UPLOAD_LIMIT_MB). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024

export function adminDepsOf(deps: AppDeps): AdminDeps {
  return {
    ...deps,
    secure: deps.siteUrl.startsWith('https:'),
    trustProxy: deps.trustProxy ?? false,
    uploadLimitBytes: deps.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
  }
}
