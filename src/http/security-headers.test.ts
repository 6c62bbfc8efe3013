import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite } from '../../test/support/test-site.js'
import { fixedClock } from '../core/clock.js'
import { silentLog } from '../core/log.js'
import { memoryFileStore } from '../storage/files/local-file-store.js'
import { createApp } from './app.js'
import { EMBED_FRAME_ORIGINS } from '../content/body/embed-providers.js'
import { HSTS, PERMISSIONS_POLICY, SITE_CSP, securityHeaderList, securityHeaders } from './security-headers.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => {
  site = await createTestSite()
  await addArticle(site.db, { headline: 'Harbour lights' })
})
afterEach(() => site.close())

const PAGES = ['/', '/harbour-lights/', '/search/', '/search/?q=harbour', '/no-such-page/', '/rss/']

/** The CSP's directives by name. */
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))

describe('security headers on the public site', () => {
  it('every page carries the CSP, nosniff, Referrer-Policy, framing and Permissions-Policy, cached or not', async () => {
    for (const path of [...PAGES, ...PAGES]) { // the second round is answered from the page cache
      const res = await site.app.request(path)
      expect(res.headers.get('content-security-policy'), path).toBe(SITE_CSP)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(res.headers.get('permissions-policy'), path).toBe(PERMISSIONS_POLICY)
      expect(res.headers.get('strict-transport-security'), `${path}: no HSTS on an http site`).toBeNull()
    }
  })

  it('are added to answers whose headers cannot be changed in place, and leave a route’s own value alone', async () => {
    const app = new Hono()
    app.use(securityHeaders(securityHeaderList('https://news.example')))
    app.get('/moved', () => Response.redirect('https://news.example/elsewhere', 301))
    app.get('/own', (c) => c.text('framed', 200, { 'X-Frame-Options': 'DENY' }))
    const moved = await app.request('/moved')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('https://news.example/elsewhere')
    expect(moved.headers.get('content-security-policy')).toBe(SITE_CSP)
    expect(moved.headers.get('strict-transport-security')).toBe(HSTS)
    const own = await app.request('/own')
    expect(own.headers.get('x-frame-options')).toBe('DENY')
    expect(own.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await own.text()).toBe('framed')
  })

  it('allows no inline script, no plugins, no foreign framing, base or form targets', () => {
    const csp = directives(SITE_CSP)
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'self'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(SITE_CSP).not.toContain('unsafe-inline')
    expect(SITE_CSP).not.toContain('unsafe-eval')
  })

  it('allows frames from exactly the embed providers’ origins, and keeps everything else on this origin', () => {
    const csp = directives(SITE_CSP)
    expect(csp.get('frame-src')).toEqual([...EMBED_FRAME_ORIGINS])
    expect(csp.get('frame-src')).toContain('https://www.youtube-nocookie.com')
    for (const origin of csp.get('frame-src')!) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+$/)
    // Workers and anything else not named fall back to default-src, which stays 'self'; child-src is not widened.
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.has('child-src')).toBe(false)
    expect(csp.has('worker-src')).toBe(false)
  })

  it('allows each inline stylesheet a page really has by its hash, and nothing else inline', async () => {
    const allowed = new Set(directives(SITE_CSP).get('style-src'))
    for (const path of PAGES.filter((p) => !p.endsWith('rss/'))) {
      const html = await (await site.app.request(path)).text()
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
      expect(styles.length, path).toBeGreaterThan(0)
      for (const css of styles) expect(allowed, `${path}: an inline <style> not allowed by the CSP`).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`)
      expect(html, `${path}: a style attribute needs 'unsafe-inline'`).not.toMatch(/<[a-z][^>]*\sstyle=/i)
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
      for (const [, attributes, content] of scripts) {
        // An inline script is only allowed as data (JSON-LD), which CSP does not run or block.
        if (content!.trim()) expect(attributes, path).toContain('type="application/ld+json"')
        else expect(attributes, path).toMatch(/src="\/assets\//)
      }
    }
  })

  it('sends HSTS only when the site is https', async () => {
    const https = createApp({ db: site.db, files: memoryFileStore(), clock: fixedClock('2026-06-01T12:00:00Z'), log: silentLog, siteUrl: 'https://news.test' })
    for (const path of ['/', '/', '/harbour-lights/', '/media/none.jpg']) {
      expect((await https.request(path)).headers.get('strict-transport-security'), path).toBe(HSTS)
    }
  })

  it('leaves the admin its own stricter policy', async () => {
    const res = await site.app.request('/admin/sign-in')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).not.toBe(SITE_CSP)
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"])
    expect(directives(csp).get('style-src')).toEqual(["'self'"])
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY)
  })
})
