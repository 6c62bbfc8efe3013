import type { Delivery, Webhook } from '../../content/webhooks/manage-webhooks.js'
import { WEBHOOK_EVENTS, type WebhookSubscription } from '../../content/webhooks/webhook-event.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, problemFor, TextField, type FieldProblem } from './form-fields.js'

const BASE = '/admin/integrations/webhooks/'
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })
const When = ({ at }: { at: Date | null }) => (at ? <time datetime={at.toISOString()}>{dateTime.format(at)} UTC</time> : <>–</>)
const eventsText = (events: WebhookSubscription) => (events === '*' ? 'All events' : events.join(', '))

export interface WebhookFormValues {
  url: string
  /** 'all', or the events ticked. */
  events: 'all' | string[]
}

interface WebhooksPageProps {
  page: AdminPageContext
  webhooks: Webhook[]
  values?: WebhookFormValues
  problems?: FieldProblem[] | undefined
  notice?: string | undefined
}

/** Every webhook, and the form to add one. */
export function WebhooksPage({ page, webhooks, values = { url: '', events: 'all' }, problems, notice }: WebhooksPageProps) {
  const ticked = (e: string) => values.events !== 'all' && values.events.includes(e)
  const eventsProblem = problemFor(problems, 'events')
  return (
    <AdminLayout page={page} title="Webhooks">
      <h1>Webhooks</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <p class="hint">Each webhook is told of the events it chose by a signed JSON POST, retried until the receiver answers 2xx. How receivers check the signature: docs/webhooks.md in Masthead’s source.</p>
      {webhooks.length === 0 ? <p>No webhooks yet.</p> : (
        <table>
          <thead><tr><th scope="col">Address</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Added</th></tr></thead>
          <tbody>
            {webhooks.map((w) => (
              <tr>
                <td><a href={`${BASE}${w.id}/`}>{w.url}</a></td>
                <td>{eventsText(w.events)}</td>
                <td>{w.enabled ? 'On' : <>Off <span class="hint">{w.disabledReason}</span></>}</td>
                <td><When at={w.createdAt} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a webhook</h2>
      <ProblemSummary problems={problems} />
      <form method="post" action={BASE} class="panel">
        <CsrfField token={page.formToken} />
        <TextField name="url" label="Address" type="url" value={values.url} required problems={problems}
          hint="Where to POST events: an http:// or https:// address." />
        <fieldset id="events" aria-describedby={eventsProblem ? 'events-error' : undefined}>
          <legend>Events</legend>
          <label><input type="radio" name="scope" value="all" checked={values.events === 'all'} /> All events, including ones added later</label>
          <label><input type="radio" name="scope" value="chosen" checked={values.events !== 'all'} /> Only these:</label>
          {WEBHOOK_EVENTS.map((e) => <label><input type="checkbox" name="events" value={e} checked={ticked(e)} /> {e}</label>)}
          {eventsProblem && <p class="field-error" id="events-error">{eventsProblem}</p>}
        </fieldset>
        <div class="actions"><button type="submit" class="primary">Add webhook</button></div>
      </form>
    </AdminLayout>
  )
}

interface WebhookPageProps {
  page: AdminPageContext
  webhook: Webhook
  deliveries: Delivery[]
  notice?: string | undefined
}

/** One webhook: its secret, on and off, a test ping, deletion, and its delivery log. */
export function WebhookPage({ page, webhook, deliveries, notice }: WebhookPageProps) {
  const action = (name: string, label: string, cls = '') => (
    <form method="post" action={`${BASE}${webhook.id}/${name}`} class="inline">
      <CsrfField token={page.formToken} />
      <button type="submit" class={cls || undefined}>{label}</button>
    </form>
  )
  return (
    <AdminLayout page={page} title="Webhook">
      <p><a href={BASE}>All webhooks</a></p>
      <h1>Webhook to {webhook.url}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <dl>
        <dt>Events</dt><dd>{eventsText(webhook.events)}</dd>
        <dt>State</dt><dd>{webhook.enabled ? 'On' : `Off. ${webhook.disabledReason}`}</dd>
        <dt>Added</dt><dd><When at={webhook.createdAt} /></dd>
      </dl>
      <details class="panel">
        <summary>Show the signing secret</summary>
        <p>Give it to the receiver, and to no one else: it checks <code>X-Masthead-Signature</code> with it.</p>
        <p><code>{webhook.secret}</code></p>
      </details>
      <div class="actions">
        {webhook.enabled ? action('disable', 'Turn off') : action('enable', 'Turn on')}
        {action('ping', 'Send a test ping')}
        {action('delete', 'Delete webhook', 'danger')}
      </div>
      <h2>Deliveries</h2>
      {deliveries.length === 0 ? <p>Nothing sent yet.</p> : (
        <table>
          <thead><tr>
            <th scope="col">Event</th><th scope="col">Delivery id</th><th scope="col">Status</th><th scope="col">Attempts</th>
            <th scope="col">Last answer</th><th scope="col">Queued</th><th scope="col">Last tried</th><th scope="col">Next try</th>
          </tr></thead>
          <tbody>
            {deliveries.map((d) => (
              <tr>
                <td>{d.event}</td>
                <td><code>{d.id}</code></td>
                <td>{d.status}{d.deliveredAt && <> <When at={d.deliveredAt} /></>}</td>
                <td>{d.attempts}</td>
                <td>{d.lastStatusCode ?? '–'}{d.lastError && <span class="hint"> {d.lastError}</span>}</td>
                <td><When at={d.createdAt} /></td>
                <td><When at={d.lastAttemptAt} /></td>
                <td>{d.status === 'pending' ? <When at={d.nextAttemptAt} /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}
