import type { Child } from 'hono/jsx'
import { MIN_PASSWORD_LENGTH } from '../../staff/passwords.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'

interface FormPageProps {
  page: AdminPageContext
  problems?: FieldProblem[] | undefined
  /** A message for the whole form (wrong password, throttled, expired link). */
  message?: string | undefined
  notice?: string | undefined
}

function NarrowPage({ page, title, children }: { page: AdminPageContext; title: string; children: Child }) {
  return (
    <AdminLayout page={page} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {children}
      </div>
    </AdminLayout>
  )
}

const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.`

export function SignInPage({ page, problems, message, notice, email = '', next = '' }: FormPageProps & { email?: string; next?: string }) {
  return (
    <NarrowPage page={page} title="Sign in">
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemSummary problems={problems}>{message && <p>{message}</p>}</ProblemSummary>
      <form method="post" action="/admin/sign-in" class="panel">
        <CsrfField token={page.formToken} />
        <input type="hidden" name="next" value={next} />
        <TextField name="email" label="Email" type="email" value={email} autocomplete="username" required problems={problems} />
        <TextField name="password" label="Password" type="password" autocomplete="current-password" required problems={problems} />
        <div class="actions"><button type="submit" class="primary">Sign in</button></div>
      </form>
      <p class="muted">Forgotten your password? Ask an administrator for a reset link.</p>
    </NarrowPage>
  )
}

export function SecondFactorPage({ page, message }: FormPageProps) {
  return (
    <NarrowPage page={page} title="Enter your code">
      <ProblemSummary>{message && <p>{message}</p>}</ProblemSummary>
      <form method="post" action="/admin/second-factor" class="panel">
        <CsrfField token={page.formToken} />
        <TextField name="code" label="Code from your authenticator app" hint="Six digits; a new one every 30 seconds." autocomplete="one-time-code" inputmode="numeric" required />
        <div class="actions"><button type="submit" class="primary">Continue</button></div>
      </form>
    </NarrowPage>
  )
}

export function SetupPage({ page, problems, message, token, values = {} }: FormPageProps & { token: string; values?: { email?: string; name?: string } }) {
  return (
    <NarrowPage page={page} title="Set up your newsroom">
      <p>Create the first administrator. This link works once.</p>
      <ProblemSummary problems={problems}>{message && <p>{message}</p>}</ProblemSummary>
      <form method="post" action="/admin/setup" class="panel">
        <CsrfField token={page.formToken} />
        <input type="hidden" name="token" value={token} />
        <TextField name="name" label="Your name" hint="As it appears in bylines." value={values.name} autocomplete="name" required problems={problems} />
        <TextField name="email" label="Email" type="email" value={values.email} autocomplete="username" required problems={problems} />
        <TextField name="password" label="Password" type="password" hint={passwordHint} autocomplete="new-password" required problems={problems} />
        <div class="actions"><button type="submit" class="primary">Create administrator</button></div>
      </form>
    </NarrowPage>
  )
}

export function SetPasswordPage({ page, problems, message, action, name, email, purpose }: FormPageProps & { action: string; name: string; email: string; purpose: 'invite' | 'reset' }) {
  return (
    <NarrowPage page={page} title={purpose === 'invite' ? `Welcome, ${name}` : 'Choose a new password'}>
      <p>Choose a password for <strong>{email}</strong>.</p>
      <ProblemSummary problems={problems}>{message && <p>{message}</p>}</ProblemSummary>
      <form method="post" action={action} class="panel">
        <CsrfField token={page.formToken} />
        <input type="email" name="email" value={email} autocomplete="username" hidden />
        <TextField name="password" label="New password" type="password" hint={passwordHint} autocomplete="new-password" required problems={problems} />
        <div class="actions"><button type="submit" class="primary">Save password</button></div>
      </form>
    </NarrowPage>
  )
}

export function LinkInvalidPage({ page }: { page: AdminPageContext }) {
  return (
    <NarrowPage page={page} title="This link no longer works">
      <p>It has been used already, or it has expired. Ask an administrator for a new one.</p>
      <p><a href="/admin/sign-in">Sign in</a></p>
    </NarrowPage>
  )
}

export function ForbiddenPage({ page, message }: { page: AdminPageContext; message: string }) {
  return (
    <AdminLayout page={page} title="Not allowed">
      <h1>Not allowed</h1>
      <p>{message}</p>
      <p><a href="/admin/">Back to articles</a></p>
    </AdminLayout>
  )
}
