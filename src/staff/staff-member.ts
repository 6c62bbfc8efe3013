import type { Role } from './roles.js'

/** A staff account as the admin sees it: never its password hash or second-factor secret. */
export interface StaffMember {
  id: string
  email: string
  name: string
  role: Role
  personId: string | null
  hasPassword: boolean
  hasSecondFactor: boolean
  suspended: boolean
  createdAt: Date
}
