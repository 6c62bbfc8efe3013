import type { SocialNetwork } from './site-settings.js'

interface NetworkRule {
  /** Hosts a profile address may be on (and their subdomains); empty for any (Mastodon). */
  hosts: string[]
  /** A bare handle and the profile address it stands for, when the network has such handles. */
  handle?: { pattern: RegExp; url: (match: RegExpExecArray) => string }
  /** How to write it, for the error message. */
  example: string
}

const RULES: Record<SocialNetwork, NetworkRule> = {
  x: {
    hosts: ['x.com', 'twitter.com'],
    handle: { pattern: /^@?([A-Za-z0-9_]{1,15})$/, url: (m) => `https://x.com/${m[1]}` },
    example: '@handle or https://x.com/handle',
  },
  facebook: {
    hosts: ['facebook.com', 'fb.com'],
    handle: { pattern: /^([A-Za-z0-9.]{5,50})$/, url: (m) => `https://www.facebook.com/${m[1]}` },
    example: 'pagename or https://www.facebook.com/pagename',
  },
  instagram: {
    hosts: ['instagram.com'],
    handle: { pattern: /^@?([A-Za-z0-9._]{1,30})$/, url: (m) => `https://www.instagram.com/${m[1]}/` },
    example: '@handle or https://www.instagram.com/handle/',
  },
  mastodon: {
    hosts: [],
    handle: { pattern: /^@?([A-Za-z0-9_]{1,30})@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i, url: (m) => `https://${m[2]!.toLowerCase()}/@${m[1]}` },
    example: '@name@instance.social or https://instance.social/@name',
  },
  bluesky: {
    hosts: ['bsky.app'],
    handle: { pattern: /^@?([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i, url: (m) => `https://bsky.app/profile/${m[1]!.toLowerCase()}` },
    example: '@name.bsky.social or https://bsky.app/profile/name.bsky.social',
  },
  linkedin: {
    hosts: ['linkedin.com'],
    example: 'https://www.linkedin.com/company/name',
  },
  youtube: {
    hosts: ['youtube.com'],
    handle: { pattern: /^@([A-Za-z0-9._-]{3,30})$/, url: (m) => `https://www.youtube.com/@${m[1]}` },
    example: '@channel or https://www.youtube.com/@channel',
  },
  tiktok: {
    hosts: ['tiktok.com'],
    handle: { pattern: /^@?([A-Za-z0-9._]{2,24})$/, url: (m) => `https://www.tiktok.com/@${m[1]}` },
    example: '@handle or https://www.tiktok.com/@handle',
  },
}

const onHost = (hostname: string, hosts: string[]) => hosts.some((h) => hostname === h || hostname.endsWith(`.${h}`))

/**
 * The profile address for what someone typed for a network: a handle (`@ledger`) or an address
 * on that network's site. `{ url: '' }` for an empty field (no account); `{ problem }` otherwise.
 * @example socialProfileUrl('x', '@portalder') // { url: 'https://x.com/portalder' }
 * @example socialProfileUrl('mastodon', '@ledger@mastodon.social') // { url: 'https://mastodon.social/@ledger' }
 */
export function socialProfileUrl(network: SocialNetwork, input: string): { url: string } | { problem: string } {
  const value = input.trim()
  if (!value) return { url: '' }
  const rule = RULES[network]
  const problem = `write it as ${rule.example}`
  if (/^https?:\/\//i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return { problem }
    }
    const hostOk = rule.hosts.length ? onHost(url.hostname, rule.hosts) : url.hostname.includes('.')
    if (!hostOk || url.pathname.length < 2 || url.username || url.password || value.length > 300) return { problem }
    // Stored over https: every one of these networks serves it.
    url.protocol = 'https:'
    return { url: url.href }
  }
  const match = rule.handle?.pattern.exec(value)
  return match ? { url: rule.handle!.url(match) } : { problem }
}
