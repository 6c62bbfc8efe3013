import { z } from 'zod'
import { ensurePerson } from '../content/people/person.repo.js'
import { newId } from '../core/ids.js'
import { err, ok, type Result } from '../core/result.js'
import { inTransaction, type Db } from '../storage/connect.js'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js'
import type { Actor } from './permissions.js'
import { canOnSite } from './permissions.js'
import { invitableRoles, ROLES, type Role } from './roles.js'
import { newTotpSecret, checkTotp } from './second-factor.js'
import { endAllSessions, endOtherSessions } from './sessions.js'
import type { StaffMember } from './staff-member.js'
import { consumeStaffToken, findValidStaffToken, issueStaffToken } from './staff-tokens.js'
import { countUsers, findUserRowByEmail, findUserRowById, normaliseEmail, toStaffMember } from './users.repo.js'

export interface FieldProblem {
  field: string
  message: string
}

export type StaffError =
  | { type: 'invalid'; issues: FieldProblem[] }
  | { type: 'forbidden'; message: string }
  | { type: 'not-found' }
  | { type: 'link-invalid' }

const NewStaff = z.object({
  email: z.email('must be an email address').max(254).transform(normaliseEmail),
  name: z.string().trim().min(1, 'a name is required').max(120),
  role: z.enum(ROLES, 'must be contributor, author, editor or administrator'),
})
export type NewStaffInput = z.input<typeof NewStaff>
/** The name and email of an account, as checked when it is created or changed. */
export const StaffDetails = NewStaff.pick({ email: true, name: true })

function invalid(issues: FieldProblem[]): { ok: false; error: StaffError } {
  return err({ type: 'invalid', issues })
}

function parseNewStaff(input: NewStaffInput): Result<z.output<typeof NewStaff>, StaffError> {
  const parsed = NewStaff.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  return invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'staff', message: i.message })))
}

async function insertUser(db: Db, input: z.output<typeof NewStaff>, passwordHash: string | null, now: Date): Promise<Result<StaffMember, StaffError>> {
  if (await findUserRowByEmail(db, input.email)) return invalid([{ field: 'email', message: `${input.email} already has an account` }])
  const person = await ensurePerson(db, { name: input.name }, now)
  const row = {
    id: newId(now), email: input.email, name: input.name, role: input.role, passwordHash, personId: person.id,
    totpSecret: null, suspended: 0, createdAt: now.toISOString(), updatedAt: now.toISOString(),
  }
  await db.insertInto('users').values(row).execute()
  return ok(toStaffMember(row))
}

/**
 * The link that creates the first administrator, or undefined once anyone has an account.
 * Issued at each start of an empty site; each link works once.
 */
export async function issueSetupToken(db: Db, now: Date): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined
  return issueStaffToken(db, 'setup', null, now)
}

/** Creates the first administrator through the set-up link. */
export async function setUpFirstAdministrator(
  db: Db, token: string, input: { email: string; name: string; password: string }, now: Date,
): Promise<Result<StaffMember, StaffError>> {
  const parsed = parseNewStaff({ ...input, role: 'administrator' })
  if (!parsed.ok) return parsed
  const problem = passwordProblem(input.password)
  if (problem) return invalid([{ field: 'password', message: problem }])
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (trx) => {
    const valid = await findValidStaffToken(trx, token, 'setup', now)
    if (!valid || (await countUsers(trx)) > 0 || !(await consumeStaffToken(trx, valid.tokenHash, now))) return err({ type: 'link-invalid' as const })
    return insertUser(trx, parsed.value, passwordHash, now)
  })
}

/**
 * Adds a staff member who sets their own password through the returned one-time link token.
 * `actor` null is the command line (the machine's operator, who may add anyone).
 * @example const { staff, token } = (await inviteStaff(db, editor, { email, name, role: 'author' }, now)).value
 */
export async function inviteStaff(
  db: Db, actor: Actor | null, input: NewStaffInput, now: Date,
): Promise<Result<{ staff: StaffMember; token: string }, StaffError>> {
  const parsed = parseNewStaff(input)
  if (!parsed.ok) return parsed
  if (actor && !invitableRoles(actor.role).includes(parsed.value.role)) {
    return err({ type: 'forbidden', message: `a ${actor.role} cannot invite a ${parsed.value.role}` })
  }
  return inTransaction(db, async (trx) => {
    const added = await insertUser(trx, parsed.value, null, now)
    if (!added.ok) return added
    return ok({ staff: added.value, token: await issueStaffToken(trx, 'invite', added.value.id, now) })
  })
}

/** Whose link this is, if it is still good: for the page that asks for the new password. */
export async function staffForLink(db: Db, token: string, purpose: 'invite' | 'reset', now: Date): Promise<StaffMember | undefined> {
  const valid = await findValidStaffToken(db, token, purpose, now)
  const row = valid?.userId ? await findUserRowById(db, valid.userId) : undefined
  return row && toStaffMember(row)
}

/**
 * Sets a password through an invitation or reset link; ends every existing session of the
 * account (a reset means someone else may have had it).
 */
export async function setPasswordWithLink(
  db: Db, token: string, purpose: 'invite' | 'reset', password: string, now: Date,
): Promise<Result<StaffMember, StaffError>> {
  const problem = passwordProblem(password)
  if (problem) return invalid([{ field: 'password', message: problem }])
  const passwordHash = await hashPassword(password)
  return inTransaction(db, async (trx) => {
    const valid = await findValidStaffToken(trx, token, purpose, now)
    if (!valid?.userId || !(await consumeStaffToken(trx, valid.tokenHash, now))) return err({ type: 'link-invalid' as const })
    await trx.updateTable('users').set({ passwordHash, updatedAt: now.toISOString() }).where('id', '=', valid.userId).execute()
    await endAllSessions(trx, valid.userId)
    return ok(toStaffMember((await findUserRowById(trx, valid.userId))!))
  })
}

/** A password reset link for an account (from the command line, or an administrator). */
export async function issuePasswordReset(db: Db, email: string, now: Date): Promise<Result<{ staff: StaffMember; token: string }, StaffError>> {
  const row = await findUserRowByEmail(db, email)
  if (!row) return err({ type: 'not-found' })
  return ok({ staff: toStaffMember(row), token: await issueStaffToken(db, 'reset', row.id, now) })
}

/** Changes one's own password, given the current one; other sessions end. */
export async function changeOwnPassword(
  db: Db, userId: string, current: string, next: string, keepSessionHash: string, now: Date,
): Promise<Result<void, StaffError>> {
  const row = await findUserRowById(db, userId)
  if (!row?.passwordHash) return err({ type: 'not-found' })
  if (!(await verifyPassword(current, row.passwordHash))) return invalid([{ field: 'currentPassword', message: 'the current password is not right' }])
  const problem = passwordProblem(next)
  if (problem) return invalid([{ field: 'newPassword', message: problem }])
  const passwordHash = await hashPassword(next)
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ passwordHash, updatedAt: now.toISOString() }).where('id', '=', userId).execute()
    await endOtherSessions(trx, userId, keepSessionHash)
  })
  return ok(undefined)
}

/**
 * Changes a staff member's role or suspends them. Administrators only; nobody changes their
 * own role or suspends themselves (the site must keep an administrator).
 */
export async function updateStaff(
  db: Db, actor: Actor, userId: string, changes: { role?: Role; suspended?: boolean }, now: Date,
): Promise<Result<StaffMember, StaffError>> {
  if (!canOnSite(actor, 'staff.manage')) return err({ type: 'forbidden', message: 'only administrators manage staff' })
  if (actor.id === userId) return err({ type: 'forbidden', message: 'you cannot change your own role or suspend yourself' })
  const row = await findUserRowById(db, userId)
  if (!row) return err({ type: 'not-found' })
  return inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({
      ...(changes.role && { role: changes.role }),
      ...(changes.suspended !== undefined && { suspended: changes.suspended ? 1 : 0 }),
      updatedAt: now.toISOString(),
    }).where('id', '=', userId).execute()
    if (changes.suspended) await endAllSessions(trx, userId)
    return ok(toStaffMember((await findUserRowById(trx, userId))!))
  })
}

/** Step one of turning on a second factor: a secret to show, confirmed by `enableSecondFactor`. */
export const proposeSecondFactor = (): string => newTotpSecret()

/** Turns on the second factor once the person shows a current code from their app. */
export async function enableSecondFactor(db: Db, userId: string, secret: string, code: string, now: Date): Promise<Result<void, StaffError>> {
  if (!/^[A-Z2-7]{16,64}$/.test(secret)) return invalid([{ field: 'secret', message: 'the secret is not valid base32' }])
  if (!checkTotp(secret, code, now)) return invalid([{ field: 'code', message: 'that code does not match: check the time on your device and try the current code' }])
  await db.updateTable('users').set({ totpSecret: secret, updatedAt: now.toISOString() }).where('id', '=', userId).execute()
  return ok(undefined)
}

export async function disableSecondFactor(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ totpSecret: null, updatedAt: now.toISOString() }).where('id', '=', userId).execute()
}
