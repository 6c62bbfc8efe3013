import { API_KEY_KIND_LABELS, API_KEY_KINDS, type ApiKey, type ApiKeyKind } from '../../api/keys/api-key.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'

export interface IntegrationsPageProps {
  page: AdminPageContext
  keys: ApiKey[]
  /** A key just created: its secret, shown this once. */
  created?: { key: ApiKey; secret: string } | undefined
  notice?: string | undefined
  problems?: FieldProblem[] | undefined
  values?: { name: string; kind: ApiKeyKind }
}

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—')

/** `/admin/integrations/`: API keys (Content API and write API), created and revoked here. */
export function IntegrationsPage({ page, keys, created, notice, problems, values = { name: '', kind: 'write' } }: IntegrationsPageProps) {
  return (
    <AdminLayout page={page} title="Integrations">
      <h1>Integrations</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      {created && (
        <div class="notice" role="status">
          <p>The key for “{created.key.name}” ({API_KEY_KIND_LABELS[created.key.kind]}). Copy it now: it is shown only this once.</p>
          <p><code id="new-key">{created.secret}</code></p>
          {created.key.kind === 'content'
            ? <p>Send it as <code>?key=…</code> to <code>/ghost/api/content/</code>.</p>
            : <p>Send it as <code>Authorization: Bearer …</code> to <code>/api/v1/</code>.</p>}
        </div>
      )}
      <ProblemSummary problems={problems} />
      <h2>Keys</h2>
      {keys.length === 0 ? <p>No keys yet.</p> : (
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Key starts</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
          <tbody>
            {keys.map((key) => (
              <tr>
                <td>{key.name}</td>
                <td>{API_KEY_KIND_LABELS[key.kind]}</td>
                <td><code>{key.prefix}…</code></td>
                <td>{when(key.createdAt)}</td>
                <td>{when(key.lastUsedAt)}</td>
                <td>
                  {key.revokedAt ? `Revoked ${when(key.revokedAt)}` : (
                    <form method="post" action={`/admin/integrations/${key.id}/revoke`} class="inline">
                      <CsrfField token={page.formToken} />
                      <button type="submit">Revoke “{key.name}”</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New key</h2>
      <form method="post" action="/admin/integrations/">
        <CsrfField token={page.formToken} />
        <TextField name="name" label="Name" hint="Who uses it: the mobile app, the wire desk's importer…" value={values.name} problems={problems} required />
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          {API_KEY_KINDS.map((kind) => <option value={kind} selected={kind === values.kind}>{API_KEY_KIND_LABELS[kind]}</option>)}
        </select>
        <p><button type="submit">Create key</button></p>
      </form>
    </AdminLayout>
  )
}
