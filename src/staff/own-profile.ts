import { updatePerson } from '../content/people/person.repo.js'
import { err, ok, type Result } from '../core/result.js'
import { inTransaction, type Db } from '../storage/connect.js'
import { verifyPassword } from './passwords.js'
import { disableSecondFactor, StaffDetails, type StaffError } from './staff-accounts.js'
import type { StaffMember } from './staff-member.js'
import { findUserRowByEmail, findUserRowById, toStaffMember } from './users.repo.js'

/**
 * Changes one's own name and email. The byline person is renamed with them (their slug, and so
 * their author page's address, stays). The email must be nobody else's.
 * @example await updateOwnProfile(db, me.id, { name: 'Mara Lind', email: 'mara@news.example' }, now)
 */
export async function updateOwnProfile(
  db: Db, userId: string, input: { name: string; email: string }, now: Date,
): Promise<Result<StaffMember, StaffError>> {
  const parsed = StaffDetails.safeParse(input)
  if (!parsed.success) return err({ type: 'invalid', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'profile', message: i.message })) })
  const { name, email } = parsed.data
  return inTransaction(db, async (trx) => {
    const row = await findUserRowById(trx, userId)
    if (!row) return err({ type: 'not-found' as const })
    const holder = await findUserRowByEmail(trx, email)
    if (holder && holder.id !== userId) return err({ type: 'invalid' as const, issues: [{ field: 'email', message: `${email} belongs to another account` }] })
    await trx.updateTable('users').set({ name, email, updatedAt: now.toISOString() }).where('id', '=', userId).execute()
    if (row.personId && name !== row.name) await updatePerson(trx, row.personId, { name }, now)
    return ok(toStaffMember((await findUserRowById(trx, userId))!))
  })
}

/** Turns off one's own second factor, given the password (a borrowed session alone is not enough). */
export async function turnOffSecondFactor(db: Db, userId: string, password: string, now: Date): Promise<Result<void, StaffError>> {
  const row = await findUserRowById(db, userId)
  if (!row?.passwordHash) return err({ type: 'not-found' })
  if (!(await verifyPassword(password, row.passwordHash))) return err({ type: 'invalid', issues: [{ field: 'password', message: 'the password is not right' }] })
  await disableSecondFactor(db, userId, now)
  return ok(undefined)
}
