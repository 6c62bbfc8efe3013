import type { Config } from '../config.js'
import { systemClock } from '../core/clock.js'
import { openSite } from '../site.js'
import { ROLES, isRole } from '../staff/roles.js'
import { inviteStaff, issuePasswordReset } from '../staff/staff-accounts.js'
import { listStaff } from '../staff/users.repo.js'

export const USER_USAGE = `masthead user add EMAIL --role ROLE [--name NAME]
masthead user reset-password EMAIL
masthead user list`

/**
 * `masthead user …`: staff accounts from the command line. New accounts and resets get a
 * one-time link to set a password in the browser, so no password ever passes through argv,
 * the shell history or the logs.
 */
export async function userCommand(config: Config, args: string[], options: { role?: string | undefined; name?: string | undefined }): Promise<number> {
  const [action, email, ...extra] = args
  if (extra.length) return fail(`unexpected arguments: ${extra.join(' ')}`)
  const site = await openSite(config)
  const now = systemClock.now()
  try {
    switch (action) {
      case 'add': {
        if (!email) return fail('user add needs an EMAIL')
        if (!isRole(options.role)) return fail(`--role must be one of ${ROLES.join(', ')}${options.role ? ` (got "${options.role}")` : ''}`)
        const name = options.name ?? email.split('@')[0] ?? email
        const result = await inviteStaff(site.db, null, { email, name, role: options.role }, now)
        if (!result.ok) {
          const reason = result.error.type === 'invalid' ? result.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : result.error.type
          return fail(`could not add ${email}: ${reason}`)
        }
        console.log(`Added ${result.value.staff.email} as ${result.value.staff.role}.`)
        console.log(`They set their password at this one-time link (valid 7 days):\n${config.siteUrl}/admin/invite/${result.value.token}`)
        return 0
      }
      case 'reset-password': {
        if (!email) return fail('user reset-password needs an EMAIL')
        const result = await issuePasswordReset(site.db, email, now)
        if (!result.ok) return fail(`no staff account has the email ${email}`)
        console.log(`A one-time link for ${result.value.staff.email} to choose a new password (valid 2 hours):\n${config.siteUrl}/admin/reset/${result.value.token}`)
        return 0
      }
      case 'list': {
        for (const staff of await listStaff(site.db)) {
          console.log(`${staff.email}\t${staff.role}\t${staff.name}${staff.suspended ? '\t(suspended)' : ''}${staff.hasPassword ? '' : '\t(invited)'}`)
        }
        return 0
      }
      default:
        return fail(action ? `unknown user action "${action}"` : 'user needs an action')
    }
  } finally {
    await site.close()
  }
}

function fail(message: string): number {
  process.stderr.write(`masthead: ${message}\n\nUsage:\n${USER_USAGE}\n`)
  return 2
}
