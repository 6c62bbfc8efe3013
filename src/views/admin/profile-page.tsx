import { MIN_PASSWORD_LENGTH } from '../../staff/passwords.js'
import { ROLE_LABELS } from '../../staff/roles.js'
import type { SessionSummary } from '../../staff/sessions.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'
import { QrCode } from './qr-code.js'

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const when = (date: Date) => <time datetime={date.toISOString()}>{dateTime.format(date)} UTC</time>

interface ProfilePageProps {
  page: AdminPageContext
  me: StaffMember
  /** What the details form shows: as saved, or as last typed. */
  values: { name: string; email: string }
  sessions: SessionSummary[]
  currentSessionHash: string
  problems?: FieldProblem[] | undefined
  notice?: string | undefined
}

/** One's own account: name and email, password, second factor, and where one is signed in. */
export function ProfilePage({ page, me, values, sessions, currentSessionHash, problems, notice }: ProfilePageProps) {
  return (
    <AdminLayout page={page} title="Your profile">
      <h1>Your profile</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemSummary problems={problems} />
      <p class="muted">You are {/^[aeiou]/i.test(me.role) ? 'an' : 'a'} {ROLE_LABELS[me.role].toLowerCase()}.</p>

      <h2 id="details">Name and email</h2>
      <form method="post" action="/admin/profile/" class="panel narrow">
        <CsrfField token={page.formToken} />
        <TextField name="name" label="Name" hint="Your byline on articles changes with it." value={values.name} autocomplete="name" required problems={problems} />
        <TextField name="email" label="Email" type="email" hint="You sign in with it." value={values.email} autocomplete="username" required problems={problems} />
        <div class="actions"><button type="submit" class="primary">Save</button></div>
      </form>

      <h2 id="password-heading">Password</h2>
      <form method="post" action="/admin/profile/password" class="panel narrow">
        <CsrfField token={page.formToken} />
        <input type="email" name="username" value={me.email} autocomplete="username" hidden />
        <TextField name="currentPassword" label="Current password" type="password" autocomplete="current-password" required problems={problems} />
        <TextField name="newPassword" label="New password" type="password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions end.`} autocomplete="new-password" required problems={problems} />
        <div class="actions"><button type="submit" class="primary">Change password</button></div>
      </form>

      <h2 id="second-factor">Two-factor sign-in</h2>
      <div class="panel narrow">
        {me.hasSecondFactor ? (
          <form method="post" action="/admin/profile/second-factor/off">
            <p>On: signing in asks for a code from your authenticator app.</p>
            <CsrfField token={page.formToken} />
            <TextField name="password" label="Your password, to turn it off" type="password" autocomplete="current-password" required problems={problems} />
            <div class="actions"><button type="submit" class="danger">Turn off two-factor sign-in</button></div>
          </form>
        ) : (
          <>
            <p>Off. With it on, signing in also asks for a code from an authenticator app on your phone, so a stolen password is not enough.</p>
            <p><a class="button" href="/admin/profile/second-factor">Set up two-factor sign-in</a></p>
          </>
        )}
      </div>

      <h2 id="sessions">Where you are signed in</h2>
      <table>
        <thead><tr><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col">Address</th><th scope="col">Browser</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>{when(s.createdAt)}{s.tokenHash === currentSessionHash && <> <span class="status published">This one</span></>}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>{s.address || 'unknown'}</td>
              <td><span class="hint">{s.userAgent || 'unknown'}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <form method="post" action="/admin/profile/sessions/end-others" class="inline">
          <CsrfField token={page.formToken} />
          <button type="submit">Sign out everywhere else</button>
        </form>
        <form method="post" action="/admin/profile/sessions/end-all" class="inline">
          <CsrfField token={page.formToken} />
          <button type="submit" class="danger">Sign out everywhere</button>
        </form>
      </div>
    </AdminLayout>
  )
}

interface SecondFactorSetupProps {
  page: AdminPageContext
  secret: string
  uri: string
  problems?: FieldProblem[] | undefined
}

/**
 * A key in groups of four, easier to type.
 * @example groupSecret('JBSWY3DPEHPK3PXP') // 'JBSW Y3DP EHPK 3PXP'
 */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ')

/**
 * Setting up an authenticator: the secret as a QR code, as text in groups of four, and as its
 * otpauth URI; confirmed with the code the app then shows.
 */
export function SecondFactorSetupPage({ page, secret, uri, problems }: SecondFactorSetupProps) {
  return (
    <AdminLayout page={page} title="Set up two-factor sign-in">
      <div class="narrow">
        <h1>Set up two-factor sign-in</h1>
        <ProblemSummary problems={problems} />
        <ol>
          <li>Open an authenticator app on your phone (such as Aegis, Google Authenticator, 1Password or Microsoft Authenticator) and add an account.</li>
          <li>Scan this code, or type the key below.</li>
        </ol>
        <QrCode text={uri} label="QR code with your authenticator key" />
        <p>Key: <code class="secret">{groupSecret(secret)}</code></p>
        <details>
          <summary>The key as an otpauth address</summary>
          <p><code>{uri}</code></p>
        </details>
        <form method="post" action="/admin/profile/second-factor" class="panel">
          <CsrfField token={page.formToken} />
          <input type="hidden" name="secret" value={secret} />
          <TextField name="code" label="The six-digit code the app now shows" autocomplete="one-time-code" inputmode="numeric" required problems={problems} />
          <div class="actions">
            <button type="submit" class="primary">Turn on</button>
            <a class="button" href="/admin/profile/">Cancel</a>
          </div>
        </form>
      </div>
    </AdminLayout>
  )
}
