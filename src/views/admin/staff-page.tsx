import { canOnSite } from '../../staff/permissions.js'
import { invitableRoles, ROLE_LABELS, ROLES, type Role } from '../../staff/roles.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, SelectField, TextField, type FieldProblem } from './form-fields.js'

export interface InviteValues {
  name?: string
  email?: string
  role?: string
}

interface StaffPageProps {
  page: AdminPageContext & { staff: StaffMember }
  members: StaffMember[]
  invite?: InviteValues
  problems?: FieldProblem[] | undefined
  notice?: string | undefined
}

/** Where an account stands, in a word. */
export function staffStatus(member: StaffMember): { label: string; className: string } {
  if (member.suspended) return { label: 'Suspended', className: 'returned' }
  if (!member.hasPassword) return { label: 'Invited', className: 'scheduled' }
  return { label: 'Active', className: 'published' }
}

const roleOptions = (roles: readonly Role[]) => roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

/**
 * Everyone on the staff with role, status and second factor; the invitation form for those who
 * may invite; role, suspension and password links for administrators (never on their own row).
 */
export function StaffPage({ page, members, invite = {}, problems, notice }: StaffPageProps) {
  const me = page.staff
  const manages = canOnSite(me, 'staff.manage')
  const roles = invitableRoles(me.role)
  return (
    <AdminLayout page={page} title="Staff">
      <h1>Staff</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemSummary problems={problems} />
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Two-factor</th>{manages && <th scope="col">Manage</th>}</tr></thead>
        <tbody>
          {members.map((m) => {
            const status = staffStatus(m)
            return (
              <tr>
                <td>{m.name}{m.id === me.id && ' (you)'}<span class="hint">{m.email}</span></td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td><span class={`status ${status.className}`}>{status.label}</span></td>
                <td>{m.hasSecondFactor ? 'On' : 'Off'}</td>
                {manages && <td>{m.id === me.id ? <span class="muted">Change your own details under <a href="/admin/profile/">Profile</a>.</span> : <ManageForms page={page} member={m} />}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
      {roles.length > 0 && (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite someone</h2>
          <form method="post" action="/admin/staff/invite" class="panel narrow">
            <CsrfField token={page.formToken} />
            <TextField name="name" label="Name" hint="As it will appear in bylines." value={invite.name} required problems={problems} />
            <TextField name="email" label="Email" type="email" value={invite.email} required problems={problems} />
            <SelectField name="role" label="Role" value={invite.role ?? roles[0]} options={roleOptions(roles)} problems={problems} />
            <p class="hint">Masthead sends no email: the next page shows a one-time invitation link for you to send them yourself.</p>
            <div class="actions"><button type="submit" class="primary">Invite</button></div>
          </form>
        </section>
      )}
    </AdminLayout>
  )
}

/** An administrator's controls for someone else's account. */
function ManageForms({ page, member }: { page: AdminPageContext; member: StaffMember }) {
  const base = `/admin/staff/${member.id}`
  return (
    <div class="manage">
      <form method="post" action={`${base}/role`} class="actions">
        <CsrfField token={page.formToken} />
        <label class="visually-hidden" for={`role-${member.id}`}>Role of {member.name}</label>
        <select id={`role-${member.id}`} name="role">
          {roleOptions(ROLES).map((o) => <option value={o.value} selected={o.value === member.role}>{o.label}</option>)}
        </select>
        <button type="submit">Change role</button>
      </form>
      <form method="post" action={`${base}/suspend`} class="actions">
        <CsrfField token={page.formToken} />
        <input type="hidden" name="suspended" value={member.suspended ? '0' : '1'} />
        <button type="submit" class={member.suspended ? undefined : 'danger'}>{member.suspended ? 'Unsuspend' : 'Suspend'}</button>
      </form>
      <form method="post" action={`${base}/reset`} class="actions">
        <CsrfField token={page.formToken} />
        <button type="submit">{member.hasPassword ? 'Password reset link' : 'New invitation link'}</button>
      </form>
    </div>
  )
}

interface StaffLinkPageProps {
  page: AdminPageContext
  link?: { url: string; purpose: 'invite' | 'reset'; name: string; email: string; hours: number } | undefined
}

/** The one-time link, shown once to the person who asked for it (no email is sent). */
export function StaffLinkPage({ page, link }: StaffLinkPageProps) {
  if (!link) {
    return (
      <AdminLayout page={page} title="Link no longer shown">
        <h1>This link is no longer shown</h1>
        <p>A one-time link is shown only once. If it was lost, an administrator can issue a new one from <a href="/admin/staff/">Staff</a>.</p>
      </AdminLayout>
    )
  }
  const what = link.purpose === 'invite' ? 'Invitation link' : 'Password reset link'
  const lifetime = link.hours >= 48 ? `${Math.round(link.hours / 24)} days` : `${link.hours} hours`
  return (
    <AdminLayout page={page} title={what}>
      <div class="narrow">
        <h1>{what} for {link.name}</h1>
        <p class="notice warning" role="status">This page shows the link only once. Masthead does not send email: copy the link now and send it to {link.name} ({link.email}) yourself.</p>
        <label for="staff-link">The link</label>
        <input id="staff-link" type="text" value={link.url} readonly aria-describedby="staff-link-hint" class="secret" />
        <p class="hint" id="staff-link-hint">It works once, for {lifetime}. With it {link.name} chooses a password and can then sign in.</p>
        <p><a href="/admin/staff/">Back to staff</a></p>
      </div>
    </AdminLayout>
  )
}
