import { randomBytes } from 'node:crypto'
import type { BrowserContext, Frame, Page } from 'playwright-core'

/** Something that ran, or tried to: a trapped call, an inline handler firing, an error, a navigation. */
export interface Trip {
  /** The address of the document it happened in. */
  url: string
  kind: 'call' | 'handler' | 'error' | 'csp' | 'dialog' | 'navigation' | 'script-request' | 'popup'
  detail: string
}

/**
 * Names called in the payloads (`alert(1)`, `parent.alert`, `Worker(…)`, `history.pushState`):
 * each one that turns out to be a function in the page is trapped, so any call is counted.
 * @example callNamesIn(['<img onerror=alert(1)>']) // ['alert']
 */
export function callNamesIn(payloads: readonly string[]): string[] {
  const names = new Set<string>()
  for (const payload of payloads) for (const m of payload.matchAll(/([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/g)) names.add(m[1]!)
  return [...names]
}

/** CSP directives (a RegExp source: it travels into the page as a string) whose violation means markup tried to run something, not just to load a picture or font. */
const HARMLESS_DIRECTIVES = '^(img-src|style-src|style-src-elem|style-src-attr|font-src|media-src|connect-src)$'

/**
 * Instruments every page and frame of `context` before any of its own script runs. A binding
 * with a random name, which no payload can know, receives the reports:
 * - alert, confirm, prompt and print are replaced by traps, and every function the payloads
 *   name is wrapped, so a call of either is counted;
 * - a capture listener for every event type notices an event reaching an element that carries
 *   an inline handler for it (`<img onerror>`), which is an inline handler firing;
 * - script errors (window `error` events), and CSP violations other than of pictures, styles,
 *   fonts and media;
 * and from outside the page: dialogs, pop-ups, `javascript:` or unexpected frame navigations,
 * and requests for scripts other than the site's own assets.
 */
export async function instrument(context: BrowserContext, payloadCallNames: readonly string[]): Promise<Instrumented> {
  const trips: Trip[] = []
  const binding = `__trip_${randomBytes(8).toString('hex')}`
  const scanner = `__scan_${randomBytes(8).toString('hex')}`
  await context.exposeBinding(binding, ({ frame }: { frame: Frame }, kind: Trip['kind'], detail: string) => {
    trips.push({ url: frame.url(), kind, detail })
  })
  await context.addInitScript(({ binding, scanner, names, harmless }) => {
    const w = window as unknown as Record<string, unknown>
    Object.defineProperty(window, scanner, { value: scanDocument })
    const report = w[binding] as (kind: string, detail: string) => void
    const trip = (kind: string, detail: string) => { try { void report(kind, detail.slice(0, 300)) } catch { /* the frame is going away */ } }
    const wrap = (owner: Record<string, unknown>, key: string, label: string, block: boolean) => {
      const original = owner[key]
      if (typeof original !== 'function') return
      const trap = new Proxy(original, {
        apply(target, self, args: unknown[]) {
          trip('call', `${label}(${args.map((a) => String(a)).join(', ')})`)
          return block ? undefined : Reflect.apply(target as (...a: unknown[]) => unknown, self, args)
        },
        construct(target, args: unknown[], newTarget) {
          trip('call', `new ${label}`)
          return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget)
        },
      })
      try { owner[key] = trap } catch { /* read-only: left alone */ }
    }
    for (const name of ['alert', 'confirm', 'prompt', 'print']) wrap(w, name, name, true)
    // Not eval: Playwright itself evaluates through it (and delivers binding results with it).
    for (const dotted of names) {
      if (dotted === 'eval') continue
      const parts = dotted.split('.')
      let owner: unknown = window
      for (const part of parts.slice(0, -1)) owner = owner && (owner as Record<string, unknown>)[part]
      if (owner && (typeof owner === 'object' || typeof owner === 'function') && owner !== w[binding]) {
        wrap(owner as Record<string, unknown>, parts.at(-1)!, dotted, false)
      }
    }
    // Every event type an inline handler can be written for.
    const types = new Set<string>()
    for (const proto of [HTMLElement.prototype, SVGElement.prototype, Document.prototype, Window.prototype]) {
      for (const key of Object.getOwnPropertyNames(proto)) if (key.startsWith('on')) types.add(key.slice(2))
    }
    for (const type of types) {
      window.addEventListener(type, (event) => {
        const target = event.target
        const element = target instanceof Element ? target : target === window || target === document ? document.body : null
        if (element?.hasAttribute(`on${type}`)) trip('handler', `<${element.localName} on${type}> fired`)
      }, true)
    }
    window.addEventListener('error', (event) => { if (event instanceof ErrorEvent) trip('error', event.message) }, true)
    document.addEventListener('securitypolicyviolation', (event) => {
      if (!new RegExp(harmless).test(event.effectiveDirective)) trip('csp', `${event.effectiveDirective} ${event.blockedURI}`)
    })

    /**
     * Looks through a loaded document for anything that could run later, on a click, a hover or
     * a focus: inline handler attributes and `javascript:`-like addresses anywhere, and inside
     * the article body any element that can carry or load script. (Defined in here so that it
     * travels into the page with the rest of the init script.)
     */
    function scanDocument(doc: Document): FrameScan {
      const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'codebase', 'srcdoc', 'lowsrc', 'dynsrc', 'cite', 'ping'])
      const DANGEROUS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'svg', 'math', 'portal', 'template', 'noscript'])
      const problems: string[] = []
      for (const element of doc.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase()
          const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase()
          if (name.startsWith('on')) problems.push(`<${element.localName} ${name}>`)
          if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data|livescript):/.test(value) && !(name === 'src' && element.localName === 'img' && value.startsWith('data:image/'))) {
            problems.push(`<${element.localName} ${name}="${attribute.value.slice(0, 60)}">`)
          }
        }
      }
      for (const element of doc.querySelectorAll('article.article .body *')) {
        if (DANGEROUS.has(element.localName)) problems.push(`<${element.localName}> in the body`)
      }
      return { url: doc.location?.href ?? '', rendered: doc.querySelector('article.article .body') !== null, problems }
    }
  }, { binding, scanner, names: [...payloadCallNames], harmless: HARMLESS_DIRECTIVES })

  const watch = (page: Page, expected: (url: string) => boolean) => {
    page.on('dialog', (dialog) => {
      trips.push({ url: page.url(), kind: 'dialog', detail: `${dialog.type()}: ${dialog.message()}` })
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('popup', (popup) => { trips.push({ url: page.url(), kind: 'popup', detail: popup.url() }); void popup.close() })
    page.on('framenavigated', (frame) => {
      const url = frame.url()
      if (/^javascript:/i.test(url) || !expected(url)) trips.push({ url, kind: 'navigation', detail: `a frame went to ${url}` })
    })
    page.on('request', (request) => {
      const url = request.url()
      if (/^javascript:/i.test(url)) trips.push({ url, kind: 'navigation', detail: url })
      else if (request.resourceType() === 'script' && !new URL(url).pathname.startsWith('/assets/')) {
        trips.push({ url: request.frame().url(), kind: 'script-request', detail: url })
      }
    })
  }
  return { trips, watch, scanner }
}

export interface Instrumented {
  trips: Trip[]
  /** Reports trips that happen outside the page (dialogs, pop-ups, navigations, script requests). */
  watch(page: Page, expected: (url: string) => boolean): void
  /**
   * The name of a function every instrumented window has, `(doc: Document) => FrameScan`: a
   * harness page runs it over each of its same-origin frames once they have loaded.
   */
  scanner: string
}

/** What a rendered document holds that could ever run. */
export interface FrameScan {
  url: string
  /** Whether the frame shows an article page at all (a 404 would pass every check vacuously). */
  rendered: boolean
  problems: string[]
}

