import type { Selectable } from 'kysely'
import type { Db } from '../storage/connect.js'
import type { UserTable } from '../storage/schema.js'
import { isRole } from './roles.js'
import type { StaffMember } from './staff-member.js'

export type UserRow = Selectable<UserTable>

/** Emails are compared without case or surrounding space. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

export function toStaffMember(row: UserRow): StaffMember {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role "${row.role}"`)
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    personId: row.personId,
    hasPassword: row.passwordHash !== null,
    hasSecondFactor: row.totpSecret !== null,
    suspended: row.suspended === 1,
    createdAt: new Date(row.createdAt),
  }
}

export async function findUserRowByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

export async function findUserRowById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findStaffMember(db: Db, id: string): Promise<StaffMember | undefined> {
  const row = await findUserRowById(db, id)
  return row && toStaffMember(row)
}

/** Everyone on the staff, by name. */
export async function listStaff(db: Db): Promise<StaffMember[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute()
  return rows.map(toStaffMember)
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
