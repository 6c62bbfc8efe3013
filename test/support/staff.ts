import type { Hono } from 'hono'
import type { Db } from '../../src/storage/connect.js'
import type { Role } from '../../src/staff/roles.js'
import { inviteStaff, setPasswordWithLink } from '../../src/staff/staff-accounts.js'
import type { StaffMember } from '../../src/staff/staff-member.js'
import { TEST_NOW, TEST_SITE_URL } from './test-site.js'

export const TEST_PASSWORD = 'harbour lights at dusk'

/** Adds a staff member with a password, as an invitation accepted. */
export async function addStaff(db: Db, role: Role, name: string = `${role} person`, now: Date = new Date(TEST_NOW)): Promise<StaffMember> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@news.test`
  const invited = await inviteStaff(db, null, { email, name, role }, now)
  if (!invited.ok) throw new Error(`could not add staff: ${JSON.stringify(invited.error)}`)
  const set = await setPasswordWithLink(db, invited.value.token, 'invite', TEST_PASSWORD, now)
  if (!set.ok) throw new Error(`could not set password: ${JSON.stringify(set.error)}`)
  return set.value
}

/**
 * A browser-like client for the admin over `app.request()`: keeps cookies, follows nothing,
 * and knows the form token of the last page it fetched.
 */
export class AdminClient {
  private cookies = new Map<string, string>()
  /** The CSRF token from the last HTML page seen. */
  formToken = ''

  constructor(private readonly app: Hono, private readonly origin = TEST_SITE_URL) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await this.app.request(`${this.origin}${path}`, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = pair!.split('=')
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value.join('='))
    }
    if (response.headers.get('Content-Type')?.includes('text/html')) {
      const html = await response.clone().text()
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
      if (token) this.formToken = token
    }
    return response
  }

  get(path: string): Promise<Response> {
    return this.request(path)
  }

  /** Posts a form with the current form token, unless `_csrf` is given (or set to null: none). */
  post(path: string, fields: Record<string, string | null> = {}, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams()
    const withToken = '_csrf' in fields ? fields : { _csrf: this.formToken, ...fields }
    for (const [k, v] of Object.entries(withToken)) if (v !== null) body.set(k, v)
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } })
  }

  /** Signs in through the form; fails loudly if it does not work. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<void> {
    await this.get('/admin/sign-in')
    const response = await this.post('/admin/sign-in', { email, password })
    if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}`)
    await this.get('/admin/')
  }
}

/** A signed-in admin client for a staff member of `role`. */
export async function signedInClient(app: Hono, db: Db, role: Role, name?: string): Promise<{ client: AdminClient; staff: StaffMember }> {
  const staff = await addStaff(db, role, name)
  const client = new AdminClient(app)
  await client.signIn(staff.email)
  return { client, staff }
}
