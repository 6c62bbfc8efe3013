import { err, ok, type Result } from '../../core/result.js'

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto'])

/**
 * Whether a link may stay in a body: a web or e-mail address, or one on this site (`/…`, `#…`,
 * `?…`). The same rule as the server's sanitiser, so the editor never shows a link the page drops.
 * @example isSafeLinkAddress('javascript:alert(1)') // false
 */
export function isSafeLinkAddress(address: string): boolean {
  const scheme = SCHEME.exec(address.trim())
  return scheme ? SAFE_SCHEMES.has(scheme[1]!.toLowerCase()) : true
}

/**
 * What a journalist typed into the link box, as the address to store: a bare site name gets
 * https://, a bare e-mail address mailto:. Anything that cannot be a link is refused with a reason.
 * @example toLinkAddress('example.org/tides') // { ok: true, value: 'https://example.org/tides' }
 * @example toLinkAddress('desk@example.org') // { ok: true, value: 'mailto:desk@example.org' }
 */
export function toLinkAddress(typed: string): Result<string, string> {
  const address = typed.trim()
  if (address === '') return err('Type the address the link goes to.')
  if (/\s/.test(address)) return err('A web address has no spaces in it.')
  if (/^[/#?.]/.test(address)) return ok(address)
  if (SCHEME.test(address) && !/^[^:/]+:\d/.test(address)) {
    return isSafeLinkAddress(address) ? ok(address) : err('A link can go to a web page (https://…) or an e-mail address, nothing else.')
  }
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(address)) return ok(`mailto:${address}`)
  return ok(`https://${address}`)
}
