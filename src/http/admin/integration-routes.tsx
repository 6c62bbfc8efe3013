import { Hono, type Context } from 'hono'
import { API_KEY_KINDS, type ApiKeyKind } from '../../api/keys/api-key.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../../api/keys/manage-api-keys.js'
import { assertNever } from '../../core/result.js'
import { canOnSite } from '../../staff/permissions.js'
import { IntegrationsPage } from '../../views/admin/integrations-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden } from './forbidden.js'
import { formText } from './form-body.js'
import { pageContext } from './page-context.js'

const ONLY_ADMINS = 'Only administrators manage integrations and their API keys.'

const NOTICES: Record<string, string> = { revoked: 'The key was revoked: requests with it are refused from now on.' }

/**
 * `/admin/integrations/`: every API key (Content API, and read or write keys for /api/v1/),
 * for administrators (`integrations.manage`). A new key's secret is on the page that answers
 * its creation and nowhere else, so that page is not a redirect (and the admin is never cached).
 */
export function integrationRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps
  const allowed = (c: Context<AdminEnv>) => canOnSite(signedInStaff(c), 'integrations.manage')

  app.get('/admin/integrations/', async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const notice = NOTICES[c.req.query('notice') ?? '']
    return c.html(<IntegrationsPage page={await pageContext(c, deps)} keys={await listApiKeys(db)} notice={notice} />)
  })

  app.post('/admin/integrations/', async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const form = await formText(c)
    const kindText = form('kind')
    const kind: ApiKeyKind | undefined = (API_KEY_KINDS as readonly string[]).includes(kindText) ? kindText as ApiKeyKind : undefined
    const values = { name: form('name'), kind: kind ?? 'write' }
    if (!kind) {
      const problems = [{ field: 'kind', message: 'Kind: choose one of the kinds listed.' }]
      return c.html(<IntegrationsPage page={await pageContext(c, deps)} keys={await listApiKeys(db)} problems={problems} values={values} />, 422)
    }
    const created = await createApiKey(db, { name: values.name, kind }, clock.now())
    if (!created.ok) {
      const problems = [{ field: created.error.field, message: `Name: ${created.error.message}` }]
      return c.html(<IntegrationsPage page={await pageContext(c, deps)} keys={await listApiKeys(db)} problems={problems} values={values} />, 422)
    }
    return c.html(<IntegrationsPage page={await pageContext(c, deps)} keys={await listApiKeys(db)} created={created.value} />, 201)
  })

  app.post('/admin/integrations/:id/revoke', async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const revoked = await revokeApiKey(db, c.req.param('id'), clock.now())
    if (revoked.ok) return c.redirect('/admin/integrations/?notice=revoked', 303)
    switch (revoked.error.type) {
      case 'not-found':
        return c.html(<IntegrationsPage page={await pageContext(c, deps)} keys={await listApiKeys(db)} notice="There is no such key." />, 404)
      case 'already-revoked':
        return c.redirect('/admin/integrations/?notice=revoked', 303)
      default:
        return assertNever(revoked.error)
    }
  })
  return app
}
