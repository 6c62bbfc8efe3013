/**
 * Ghost 4+ exports write the site's own address as `__GHOST_URL__`, and older ones use paths
 * such as `/content/images/…`. Pictures stay at the old site's address (they are referred to,
 * not downloaded), so they need that address; links to the old site's posts become paths on
 * this site, where the slugs are kept and changed ones get redirects.
 */

const PLACEHOLDER = '__GHOST_URL__'

/**
 * The old site's address from the export's settings (`url`, not every export has it), if absolute.
 * @example ghostSiteUrl([{ key: 'url', value: 'https://blog.example/' }]) // 'https://blog.example'
 */
export function ghostSiteUrl(settings: readonly { key: string; value: unknown }[]): string | undefined {
  const value = settings.find((s) => s.key === 'url')?.value
  return typeof value === 'string' && isHttpUrl(value) ? value.replace(/\/+$/, '') : undefined
}

/**
 * An absolute address for a Ghost picture, or undefined when none can be made.
 * @example absoluteGhostUrl('__GHOST_URL__/content/images/a.jpg', 'https://blog.example') // 'https://blog.example/content/images/a.jpg'
 * @example absoluteGhostUrl('/content/images/a.jpg', undefined) // undefined
 */
export function absoluteGhostUrl(url: string, siteUrl: string | undefined): string | undefined {
  const trimmed = url.trim()
  if (trimmed.startsWith('//')) return isHttpUrl(`https:${trimmed}`) ? `https:${trimmed}` : undefined
  if (isHttpUrl(trimmed)) return trimmed
  const path = trimmed.startsWith(PLACEHOLDER) ? trimmed.slice(PLACEHOLDER.length) : trimmed
  if (!siteUrl || !path.startsWith('/')) return undefined
  return isHttpUrl(siteUrl + path) ? siteUrl + path : undefined
}

/**
 * Resolves the site's own addresses in a body: uploads go to the old site when its address is
 * known, other links become paths here. Counts the uploads that could not be made absolute.
 * @example resolveBodyUrls('<a href="__GHOST_URL__/sell/">x</a>', undefined) // { html: '<a href="/sell/">x</a>', unresolved: 0 }
 */
export function resolveBodyUrls(html: string, siteUrl: string | undefined): { html: string; unresolved: number } {
  let unresolved = 0
  const placeholdersGone = html.replace(/__GHOST_URL__(?=(\/content\/(?:images|media|files)\/)?)/g, (_m, upload?: string) => (upload && siteUrl) || '')
  // What is left are paths: those to uploads, in src, href, srcset and poster values, go to the old site.
  const resolved = placeholdersGone.replace(/(\s(?:src|href|srcset|poster)=)(["'])([^"']*)\2/g, (_m, attribute: string, quote: string, value: string) => {
    const fixed = value.replace(/(^|,\s*)(\/content\/(?:images|media|files)\/)/g, (_u, before: string, path: string) => {
      if (siteUrl) return before + siteUrl + path
      unresolved++
      return before + path
    })
    return attribute + quote + fixed + quote
  })
  return { html: resolved, unresolved }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
