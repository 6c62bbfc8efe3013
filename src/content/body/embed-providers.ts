/**
 * The providers whose players, posts, maps and charts an article may embed, and the one form of
 * frame address each may use. This list is the whole allow-list: the sanitiser keeps an
 * `<iframe>` only when its address is one of these (rebuilt from the parts read here, never
 * copied), and the public Content-Security-Policy's `frame-src` is made from the same list.
 *
 * An address is read with the WHATWG URL parser, the one browsers use, and must be https, on
 * the provider's exact host (no userinfo, no port, no look-alike or trailing-dot host), with a
 * path of the provider's shape. Only the query parameters named here are carried over.
 *
 * Runs in the editor's bundle too (the editor turns a pasted address into an embed), so it
 * uses nothing of Node's and nothing newer than ES2020.
 */

/** How an embed is laid out: each shape is a class in the site's stylesheet (`embed-video` …). */
export type EmbedShape = 'video' | 'audio' | 'post' | 'map' | 'chart' | 'document'

export interface EmbedProvider {
  /** A stable name for code and tests: `youtube`, `vimeo` … */
  id: string
  /** The provider's name as readers know it, for the frame's default title. */
  name: string
  /** The only origin the provider's frames are loaded from. */
  origin: string
  shape: EmbedShape
  /** Features the frame may use (its `allow` attribute); nothing that reaches camera, microphone or location. */
  allow: readonly string[]
  /** The frame's height when the source gives none (players of a fixed height, charts). */
  height?: number
  /** The normalised frame address for an address of the provider's frame, or undefined. */
  fromFrame(url: URL): string | undefined
  /** The frame address for the address of one of the provider's pages (a video's, a post's), or undefined. */
  fromPage?(url: URL): string | undefined
}

/** A frame the sanitiser may keep: its provider and its normalised address. */
export interface Embed {
  provider: EmbedProvider
  src: string
}

const VIDEO_FEATURES = ['encrypted-media', 'fullscreen', 'picture-in-picture'] as const
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const DIGITS = /^\d{1,20}$/

const hostIs = (url: URL, ...hosts: string[]) => hosts.indexOf(url.hostname) !== -1
/** The path's segments, without the empty ones a leading or trailing slash gives. */
const segments = (url: URL) => url.pathname.split('/').filter((s) => s !== '')
const withQuery = (base: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams()
  for (const key of Object.keys(query)) {
    const value = query[key]
    if (value !== undefined) params.set(key, value)
  }
  const text = params.toString()
  return text ? `${base}?${text}` : base
}

/** A start time as YouTube writes it (`90`, `90s`, `1m30s`, `1h2m3s`) in seconds, or undefined. */
function seconds(value: string | null): string | undefined {
  if (!value) return undefined
  if (/^\d{1,6}$/.test(value)) return String(Number(value))
  const parts = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(value)
  if (!parts || !(parts[1] || parts[2] || parts[3])) return undefined
  return String(Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0))
}

const youtube: EmbedProvider = {
  id: 'youtube',
  name: 'YouTube',
  // The no-cookie player sets no cookie until the reader plays the video.
  origin: 'https://www.youtube-nocookie.com',
  shape: 'video',
  allow: VIDEO_FEATURES,
  fromFrame(url) {
    if (!hostIs(url, 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'www.youtube.com', 'youtube.com')) return undefined
    const [embed, id, ...rest] = segments(url)
    if (embed !== 'embed' || !id || !YOUTUBE_ID.test(id) || rest.length) return undefined
    return youtubePlayer(id, url.searchParams.get('start'))
  },
  fromPage(url) {
    const [first, second, ...rest] = segments(url)
    if (hostIs(url, 'youtu.be')) return first && YOUTUBE_ID.test(first) && !second ? youtubePlayer(first, url.searchParams.get('t')) : undefined
    if (!hostIs(url, 'www.youtube.com', 'youtube.com', 'm.youtube.com')) return undefined
    if (first === 'watch' && !second) {
      const id = url.searchParams.get('v')
      return id && YOUTUBE_ID.test(id) ? youtubePlayer(id, url.searchParams.get('t') ?? url.searchParams.get('start')) : undefined
    }
    if ((first === 'shorts' || first === 'live') && second && YOUTUBE_ID.test(second) && !rest.length) return youtubePlayer(second, null)
    return undefined
  },
}

const youtubePlayer = (id: string, start: string | null) => withQuery(`https://www.youtube-nocookie.com/embed/${id}`, { start: seconds(start) })

const vimeo: EmbedProvider = {
  id: 'vimeo',
  name: 'Vimeo',
  origin: 'https://player.vimeo.com',
  shape: 'video',
  allow: VIDEO_FEATURES,
  fromFrame(url) {
    if (!hostIs(url, 'player.vimeo.com')) return undefined
    const [video, id, ...rest] = segments(url)
    if (video !== 'video' || !id || !DIGITS.test(id) || rest.length) return undefined
    return vimeoPlayer(id, url.searchParams.get('h'))
  },
  fromPage(url) {
    if (!hostIs(url, 'vimeo.com', 'www.vimeo.com')) return undefined
    const parts = segments(url)
    // vimeo.com/ID, vimeo.com/ID/HASH (an unlisted video), vimeo.com/channels/NAME/ID
    if (parts.length === 3 && parts[0] === 'channels' && DIGITS.test(parts[2]!)) return vimeoPlayer(parts[2]!, null)
    if (parts.length >= 1 && parts.length <= 2 && DIGITS.test(parts[0]!)) return vimeoPlayer(parts[0]!, parts[1] ?? null)
    return undefined
  },
}

/** Vimeo's player, told not to track the reader (`dnt=1`); `h` is an unlisted video's key. */
function vimeoPlayer(id: string, hash: string | null): string | undefined {
  if (hash !== null && !/^[0-9a-f]{6,32}$/.test(hash)) return undefined
  return withQuery(`https://player.vimeo.com/video/${id}`, { h: hash ?? undefined, dnt: '1' })
}

const x: EmbedProvider = {
  id: 'x',
  name: 'X (Twitter)',
  origin: 'https://platform.twitter.com',
  shape: 'post',
  allow: [],
  height: 560,
  fromFrame(url) {
    if (!hostIs(url, 'platform.twitter.com') || url.pathname !== '/embed/Tweet.html') return undefined
    const id = url.searchParams.get('id')
    return id && DIGITS.test(id) ? tweetFrame(id) : undefined
  },
  fromPage(url) {
    if (!hostIs(url, 'x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com')) return undefined
    const [user, status, id, ...rest] = segments(url)
    if (!user || !/^\w{1,15}$/.test(user) || (status !== 'status' && status !== 'statuses') || !id || !DIGITS.test(id)) return undefined
    // `…/status/ID/photo/1` and `…/status/ID/video/1` are the same post.
    return rest.length <= 2 ? tweetFrame(id) : undefined
  },
}

const tweetFrame = (id: string) => withQuery('https://platform.twitter.com/embed/Tweet.html', { id, dnt: 'true' })

const INSTAGRAM_KINDS = ['p', 'reel', 'tv']
const instagram: EmbedProvider = {
  id: 'instagram',
  name: 'Instagram',
  origin: 'https://www.instagram.com',
  shape: 'post',
  allow: [],
  height: 640,
  fromFrame(url) {
    if (!hostIs(url, 'www.instagram.com', 'instagram.com')) return undefined
    const [kind, code, embed, captioned, ...rest] = segments(url)
    if (embed !== 'embed' || (captioned !== undefined && captioned !== 'captioned') || rest.length) return undefined
    return instagramFrame(kind, code)
  },
  fromPage(url) {
    if (!hostIs(url, 'www.instagram.com', 'instagram.com')) return undefined
    const [kind, code, ...rest] = segments(url)
    return rest.length ? undefined : instagramFrame(kind, code)
  },
}

function instagramFrame(kind: string | undefined, code: string | undefined): string | undefined {
  if (!kind || INSTAGRAM_KINDS.indexOf(kind) === -1 || !code || !/^[A-Za-z0-9_-]{5,40}$/.test(code)) return undefined
  return `https://www.instagram.com/${kind}/${code}/embed/`
}

/** A SoundCloud track, playlist or profile, as its page address or its API address. */
function soundCloudTarget(address: string): string | undefined {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined
  const parts = segments(url)
  if (hostIs(url, 'api.soundcloud.com')) {
    const [kind, id, ...rest] = parts
    return kind && ['tracks', 'playlists', 'users'].indexOf(kind) !== -1 && id && DIGITS.test(id) && !rest.length
      ? `https://api.soundcloud.com/${kind}/${id}` : undefined
  }
  if (!hostIs(url, 'soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com')) return undefined
  const slug = /^[a-z0-9_-]{1,100}$/i
  const shapes = parts.length === 2 || (parts.length === 3 && parts[1] === 'sets')
  return shapes && parts.every((p) => slug.test(p)) ? `https://soundcloud.com/${parts.join('/')}` : undefined
}

const soundcloud: EmbedProvider = {
  id: 'soundcloud',
  name: 'SoundCloud',
  origin: 'https://w.soundcloud.com',
  shape: 'audio',
  allow: ['encrypted-media'],
  height: 166,
  fromFrame(url) {
    if (!hostIs(url, 'w.soundcloud.com') || url.pathname !== '/player/') return undefined
    const target = soundCloudTarget(url.searchParams.get('url') ?? '')
    return target && soundCloudPlayer(target)
  },
  fromPage(url) {
    const target = soundCloudTarget(url.href)
    return target && soundCloudPlayer(target)
  },
}

const soundCloudPlayer = (target: string) => withQuery('https://w.soundcloud.com/player/', { url: target })

const SPOTIFY_KINDS = ['track', 'album', 'playlist', 'episode', 'show', 'artist']
const spotify: EmbedProvider = {
  id: 'spotify',
  name: 'Spotify',
  origin: 'https://open.spotify.com',
  shape: 'audio',
  allow: ['encrypted-media', 'fullscreen'],
  height: 152,
  fromFrame(url) {
    if (!hostIs(url, 'open.spotify.com')) return undefined
    const [embed, kind, id, ...rest] = segments(url)
    return embed === 'embed' && !rest.length ? spotifyFrame(kind, id) : undefined
  },
  fromPage(url) {
    if (!hostIs(url, 'open.spotify.com')) return undefined
    const parts = segments(url)
    // Localised pages: open.spotify.com/intl-de/track/ID
    if (parts[0] && /^intl-[a-z]{2}(?:-[a-z]{2,4})?$/i.test(parts[0])) parts.shift()
    const [kind, id, ...rest] = parts
    return rest.length ? undefined : spotifyFrame(kind, id)
  },
}

function spotifyFrame(kind: string | undefined, id: string | undefined): string | undefined {
  if (!kind || SPOTIFY_KINDS.indexOf(kind) === -1 || !id || !/^[A-Za-z0-9]{22}$/.test(id)) return undefined
  return `https://open.spotify.com/embed/${kind}/${id}`
}

/** Query parameters of the Maps Embed API, by mode; values are carried over as text, re-encoded. */
const MAPS_MODES: Record<string, readonly string[]> = {
  place: ['key', 'q', 'center', 'zoom', 'maptype', 'language', 'region'],
  view: ['key', 'center', 'zoom', 'maptype', 'language', 'region'],
  directions: ['key', 'origin', 'destination', 'waypoints', 'mode', 'avoid', 'units', 'center', 'zoom', 'maptype', 'language', 'region'],
  search: ['key', 'q', 'center', 'zoom', 'maptype', 'language', 'region'],
  streetview: ['key', 'location', 'pano', 'heading', 'pitch', 'fov', 'language', 'region'],
}

const googleMaps: EmbedProvider = {
  id: 'google-maps',
  name: 'Google Maps',
  origin: 'https://www.google.com',
  shape: 'map',
  allow: ['fullscreen'],
  fromFrame(url) {
    if (!hostIs(url, 'www.google.com')) return undefined
    const parts = segments(url)
    if (parts.length === 2 && parts[0] === 'maps' && parts[1] === 'embed') {
      // The "share, embed a map" address: one opaque `pb` parameter.
      const pb = url.searchParams.get('pb')
      return pb && /^[\w!.:%+*-]{1,4000}$/.test(pb) ? withQuery('https://www.google.com/maps/embed', { pb }) : undefined
    }
    const mode = parts[3]
    if (parts.length !== 4 || parts[0] !== 'maps' || parts[1] !== 'embed' || parts[2] !== 'v1' || !mode || !Object.prototype.hasOwnProperty.call(MAPS_MODES, mode)) return undefined
    const query: Record<string, string | undefined> = {}
    for (const name of MAPS_MODES[mode]!) {
      const value = url.searchParams.get(name)
      if (value !== null && value.length <= 500) query[name] = value
    }
    return query.key ? withQuery(`https://www.google.com/maps/embed/v1/${mode}`, query) : undefined
  },
  // No fromPage: a map page's address holds no embeddable map (embed code comes from its Share menu).
}

const DOCUMENT_SLUG = /^\d{1,12}(?:-[a-z0-9-]{1,200})?$/i
const documentCloud: EmbedProvider = {
  id: 'documentcloud',
  name: 'DocumentCloud',
  origin: 'https://embed.documentcloud.org',
  shape: 'document',
  allow: ['fullscreen'],
  fromFrame(url) {
    if (!hostIs(url, 'embed.documentcloud.org')) return undefined
    const [documents, slug, ...rest] = segments(url)
    return documents === 'documents' && slug && DOCUMENT_SLUG.test(slug) && !rest.length ? documentFrame(slug) : undefined
  },
  fromPage(url) {
    if (!hostIs(url, 'www.documentcloud.org', 'documentcloud.org')) return undefined
    const [documents, page, ...rest] = segments(url)
    const slug = page?.replace(/\.html$/, '')
    return documents === 'documents' && slug && DOCUMENT_SLUG.test(slug) && !rest.length ? documentFrame(slug) : undefined
  },
}

const documentFrame = (slug: string) => withQuery(`https://embed.documentcloud.org/documents/${slug}/`, { embed: '1' })

const DATAWRAPPER_ID = /^[A-Za-z0-9]{5}$/
const datawrapper: EmbedProvider = {
  id: 'datawrapper',
  name: 'Datawrapper',
  origin: 'https://datawrapper.dwcdn.net',
  shape: 'chart',
  allow: ['fullscreen'],
  height: 480,
  fromFrame(url) {
    if (!hostIs(url, 'datawrapper.dwcdn.net')) return undefined
    const [id, version, ...rest] = segments(url)
    if (!id || !DATAWRAPPER_ID.test(id) || rest.length || (version !== undefined && !/^\d{1,4}$/.test(version))) return undefined
    return `https://datawrapper.dwcdn.net/${id}/${version ? `${version}/` : ''}`
  },
  fromPage(url) {
    if (!hostIs(url, 'www.datawrapper.de', 'datawrapper.de')) return undefined
    const [underscore, id, ...rest] = segments(url)
    return underscore === '_' && id && DATAWRAPPER_ID.test(id) && !rest.length ? `https://datawrapper.dwcdn.net/${id}/` : undefined
  },
}

const FLOURISH_KINDS = ['visualisation', 'story']
const flourish: EmbedProvider = {
  id: 'flourish',
  name: 'Flourish',
  origin: 'https://flo.uri.sh',
  shape: 'chart',
  allow: ['fullscreen'],
  height: 600,
  fromFrame(url) {
    if (!hostIs(url, 'flo.uri.sh')) return undefined
    const [kind, id, embed, ...rest] = segments(url)
    return embed === 'embed' && !rest.length ? flourishFrame(kind, id) : undefined
  },
  fromPage(url) {
    if (!hostIs(url, 'public.flourish.studio')) return undefined
    const [kind, id, ...rest] = segments(url)
    return rest.length ? undefined : flourishFrame(kind, id)
  },
}

function flourishFrame(kind: string | undefined, id: string | undefined): string | undefined {
  if (!kind || FLOURISH_KINDS.indexOf(kind) === -1 || !id || !DIGITS.test(id)) return undefined
  return `https://flo.uri.sh/${kind}/${id}/embed`
}

/** Every provider an article may embed from. */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = [youtube, vimeo, x, instagram, soundcloud, spotify, googleMaps, documentCloud, datawrapper, flourish]

/** The origins embedded frames load from: the public CSP's `frame-src`, exactly. */
export const EMBED_FRAME_ORIGINS: readonly string[] = EMBED_PROVIDERS.map((p) => p.origin).filter((o, i, all) => all.indexOf(o) === i)

/** The longest address read; no provider's frame address comes near it. */
const MAX_ADDRESS = 4096

/** An https address with nothing a frame address never needs (userinfo, a port), parsed; else undefined. */
function parseAddress(address: unknown): URL | undefined {
  if (typeof address !== 'string' || address.length > MAX_ADDRESS) return undefined
  const trimmed = address.trim()
  // Only absolute https addresses: protocol-relative ones (`//host/…`) and anything else fail here.
  if (!/^https:\/\//i.test(trimmed)) return undefined
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined
  return url
}

/**
 * The embed an `<iframe src>` stands for, when the address is a frame of an allow-listed
 * provider; its `src` is rebuilt in the provider's one form (a YouTube frame plays from
 * youtube-nocookie.com). Undefined for anything else.
 * @example embedForFrame('https://www.youtube.com/embed/dQw4w9WgXcQ')?.src // 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
 * @example embedForFrame('https://www.youtube.com.evil.test/embed/dQw4w9WgXcQ') // undefined
 */
export function embedForFrame(address: unknown): Embed | undefined {
  const url = parseAddress(address)
  if (!url) return undefined
  for (const provider of EMBED_PROVIDERS) {
    const src = provider.fromFrame(url)
    if (src) return { provider, src }
  }
  return undefined
}

/**
 * The embed for an address a writer pastes: a provider's page (a YouTube watch page, a post on
 * X, a Spotify track) or one of its frame addresses. Undefined for any other address.
 * @example embedForPage('https://youtu.be/dQw4w9WgXcQ?t=90')?.src // 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90'
 */
export function embedForPage(address: unknown): Embed | undefined {
  const url = parseAddress(address)
  if (!url) return undefined
  for (const provider of EMBED_PROVIDERS) {
    const src = provider.fromPage?.(url) ?? provider.fromFrame(url)
    if (src) return { provider, src }
  }
  return undefined
}

/**
 * The sandbox of every embedded frame: its scripts run (players need them), pop-ups open (a
 * post's links), casting works. `allow-same-origin` gives the frame its own origin (the
 * provider's), not ours: every allowed frame is cross-origin, so it cannot reach this page, and
 * without it players lose their own storage and many refuse to load. The combination is only
 * unsafe for a same-origin frame, which no provider is. No `allow-top-navigation`, no
 * `allow-forms`, no `allow-modals`.
 */
export const EMBED_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'] as const

/** What embedded frames send as referrer: this site's origin only, and nothing to http. */
export const EMBED_REFERRER_POLICY = 'strict-origin-when-cross-origin'
