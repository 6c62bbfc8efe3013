import type { Context } from 'hono'
import type { ActiveSession } from '../../staff/sessions.js'
import type { StaffMember } from '../../staff/staff-member.js'

export interface AdminVariables {
  /** The signed-in session, if the request carries a live one (possibly awaiting its second factor). */
  session: ActiveSession | undefined
  /** The token every form on the page must send back (see csrf.ts). */
  formToken: string
}

export type AdminEnv = { Variables: AdminVariables }

/**
 * The staff member behind a request that passed `requireSignedIn`.
 * @example const staff = signedInStaff(c)
 */
export function signedInStaff(c: Context<AdminEnv>): StaffMember {
  const session = c.get('session')
  if (!session || session.secondFactorPending) throw new Error('signedInStaff() outside requireSignedIn')
  return session.staff
}
