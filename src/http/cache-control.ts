/**
 * The Cache-Control classes of every response the site sends. Pages and feeds may be kept
 * briefly and refreshed in the background; fingerprinted assets and media never change under
 * their URL; admin screens and previews are never stored by anyone.
 */
export const CACHE = {
  /** Public HTML pages, feeds, sitemaps: a short life, then served stale while revalidating. */
  page: 'public, max-age=60, stale-while-revalidate=600',
  /** 404 pages: cached briefly, so a newly published URL appears soon in shared caches too. */
  notFound: 'public, max-age=30',
  /** Files whose URL holds their content hash or a fresh id. */
  immutable: 'public, max-age=31536000, immutable',
  /** Content API answers: stored, but checked with the server (ETag) on every use, so a revoked key stops working at once. */
  api: 'public, max-age=0, must-revalidate',
  /** Admin, previews, anything personal. */
  private: 'private, no-store',
  /** Error answers. */
  none: 'no-store',
} as const
