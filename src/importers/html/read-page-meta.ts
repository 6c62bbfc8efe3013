/** What a saved page says about itself in its head, read before Readability rewrites the document. */
export interface PageMeta {
  title: string | undefined
  firstHeading: string | undefined
  description: string | undefined
  image: { url: string; alt: string } | undefined
  canonicalUrl: string | undefined
  publishedAt: Date | undefined
  lang: string | undefined
}

/**
 * Reads meta tags (Open Graph, article:published_time, description), the canonical link, the
 * html `lang` and JSON-LD `datePublished`. Addresses are kept only when absolute http(s); a
 * relative picture address is resolved against the canonical URL.
 * @example readPageMeta(parseHTML(html).document).canonicalUrl // 'https://news.example/2024/05/harbour/'
 */
export function readPageMeta(document: Document): PageMeta {
  const metas = new Map<string, string>()
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))?.trim().toLowerCase()
    const content = meta.getAttribute('content')?.trim()
    // The first of a kind wins: pages repeat og:image for alternative sizes, largest first or not at all.
    if (key && content && !metas.has(key)) metas.set(key, content)
  }
  const canonicalLink = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined
  const canonicalUrl = httpUrl(canonicalLink) ?? httpUrl(metas.get('og:url'))
  const imageUrl = httpUrl(metas.get('og:image') ?? metas.get('og:image:url') ?? metas.get('og:image:secure_url'), canonicalUrl)
  return {
    title: metas.get('og:title') ?? text(document.querySelector('title')?.textContent),
    firstHeading: text(document.querySelector('h1')?.textContent),
    description: metas.get('og:description') ?? metas.get('description') ?? metas.get('twitter:description'),
    image: imageUrl ? { url: imageUrl, alt: metas.get('og:image:alt') ?? '' } : undefined,
    canonicalUrl,
    publishedAt: date(metas.get('article:published_time')) ?? date(jsonLdDatePublished(document)),
    lang: document.documentElement?.getAttribute('lang') ?? undefined,
  }
}

function text(value: string | null | undefined): string | undefined {
  return value?.replace(/\s+/g, ' ').trim() || undefined
}

function httpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function date(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed
}

/** The first `datePublished` in the page's JSON-LD blocks, looking into arrays and `@graph`. */
function jsonLdDatePublished(document: Document): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let json: unknown
    try {
      json = JSON.parse(script.textContent ?? '')
    } catch {
      continue // A broken block is the page's problem; the rest of the page may still be fine.
    }
    const found = findDatePublished(json, 0)
    if (found) return found
  }
  return undefined
}

function findDatePublished(node: unknown, depth: number): string | undefined {
  if (depth > 8 || typeof node !== 'object' || node === null) return undefined
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findDatePublished(item, depth + 1)
      if (found) return found
    }
    return undefined
  }
  const published = 'datePublished' in node ? node.datePublished : undefined
  if (typeof published === 'string' && published) return published
  return '@graph' in node ? findDatePublished(node['@graph'], depth + 1) : undefined
}
