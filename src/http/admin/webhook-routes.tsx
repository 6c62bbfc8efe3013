import { Hono, type Context } from 'hono'
import {
  createWebhook, deleteWebhook, findWebhook, listDeliveries, listWebhooks, sendTestPing, setWebhookEnabled,
} from '../../content/webhooks/manage-webhooks.js'
import { WEBHOOK_EVENTS, type WebhookEventName } from '../../content/webhooks/webhook-event.js'
import { canOnSite } from '../../staff/permissions.js'
import { WebhookPage, WebhooksPage, type WebhookFormValues } from '../../views/admin/webhooks-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden } from './forbidden.js'
import { pageContext } from './page-context.js'

const BASE = '/admin/integrations/webhooks/'
const ONLY_ADMINS = 'Only administrators manage webhooks.'
const NOTICES: Record<string, string> = {
  created: 'Webhook added. Copy its secret into the receiver (below), to check signatures with.',
  enabled: 'Webhook turned on: it hears of events from now on.',
  disabled: 'Webhook turned off; deliveries still waiting were set aside.',
  ping: 'Test ping queued: it shows in the log below once sent.',
  deleted: 'Webhook deleted, with its delivery log.',
}

/** `/admin/integrations/webhooks/`: webhooks and their delivery logs, for administrators. */
export function webhookRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps
  const allowed = (c: Context<AdminEnv>) => canOnSite(signedInStaff(c), 'integrations.manage')
  const notice = (c: Context<AdminEnv>) => NOTICES[c.req.query('notice') ?? '']

  app.get(BASE, async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    return c.html(<WebhooksPage page={await pageContext(c, deps)} webhooks={await listWebhooks(db)} notice={notice(c)} />)
  })

  app.post(BASE, async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const body = await c.req.parseBody({ all: true })
    const ticked = [body['events'] ?? []].flat().filter((e): e is WebhookEventName => typeof e === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(e))
    const values: WebhookFormValues = { url: typeof body['url'] === 'string' ? body['url'].trim() : '', events: body['scope'] === 'chosen' ? ticked : 'all' }
    const created = await createWebhook(db, { url: values.url, events: values.events === 'all' ? '*' : ticked }, clock.now())
    if (created.ok) return c.redirect(`${BASE}${created.value.id}/?notice=created`, 303)
    const problems = created.error.type === 'invalid' ? created.error.issues : []
    return c.html(<WebhooksPage page={await pageContext(c, deps)} webhooks={await listWebhooks(db)} values={values} problems={problems} />, 422)
  })

  app.get(`${BASE}:id{[0-9a-f]{24}}/`, async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const webhook = await findWebhook(db, c.req.param('id'))
    if (!webhook) return c.notFound()
    const deliveries = await listDeliveries(db, webhook.id)
    return c.html(<WebhookPage page={await pageContext(c, deps)} webhook={webhook} deliveries={deliveries} notice={notice(c)} />)
  })

  app.post(`${BASE}:id{[0-9a-f]{24}}/:action{enable|disable|ping|delete}`, async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const id = c.req.param('id')
    const action = c.req.param('action') as 'enable' | 'disable' | 'ping' | 'delete'
    const staff = signedInStaff(c)
    switch (action) {
      case 'enable':
      case 'disable': {
        const reason = `Turned off by ${staff.name} on ${clock.now().toISOString()}.`
        if (!(await setWebhookEnabled(db, id, action === 'enable', reason))) return c.notFound()
        return c.redirect(`${BASE}${id}/?notice=${action}d`, 303)
      }
      case 'ping': {
        const queued = await sendTestPing(db, id, clock.now())
        if (!queued.ok) return c.notFound()
        return c.redirect(`${BASE}${id}/?notice=ping`, 303)
      }
      case 'delete':
        if (!(await deleteWebhook(db, id))) return c.notFound()
        return c.redirect(`${BASE}?notice=deleted`, 303)
    }
  })
  return app
}
