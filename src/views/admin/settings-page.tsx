import type { Picture } from '../../content/media/picture.js'
import { MAX_NAV_LINKS, SOCIAL_LABELS, SOCIAL_NETWORKS, supportedTimeZones } from '../../content/settings/site-settings.js'
import type { SettingsForm } from '../../content/settings/update-site-settings.js'
import { paths } from '../../http/paths.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import { CsrfField, ProblemSummary, SelectField, TextArea, TextField, type FieldProblem } from './form-fields.js'

interface SettingsPageProps {
  page: AdminPageContext
  values: SettingsForm
  /** The logo as saved, for a preview. */
  logo?: Picture | undefined
  problems?: FieldProblem[] | undefined
  notice?: string | undefined
}

const SOCIAL_HINTS: Record<string, string> = {
  x: '@handle or https://x.com/handle', facebook: 'Page name or https://www.facebook.com/page',
  instagram: '@handle or its address', mastodon: '@name@instance.social or https://instance.social/@name',
  bluesky: '@name.bsky.social or its address', linkedin: 'https://www.linkedin.com/company/name',
  youtube: '@channel or its address', tiktok: '@handle or its address',
}

/** Site settings: name, description, logo, language, time zone, the menu and social accounts. */
export function SettingsPage({ page, values, logo, problems, notice }: SettingsPageProps) {
  const zones = [...supportedTimeZones()].map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))
  return (
    <AdminLayout page={page} title="Settings">
      <h1>Settings</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemSummary problems={problems} />
      <form method="post" action="/admin/settings/">
        <CsrfField token={page.formToken} />
        <fieldset class="panel">
          <legend>The site</legend>
          <TextField name="title" label="Site name" value={values.title} required problems={problems} />
          <TextArea name="description" label="Description" hint="A sentence under the name, and for search engines." value={values.description} rows={2} problems={problems} />
          <TextField name="logoId" label="Logo (picture id)" value={values.logoId} problems={problems}
            hint="The id of a picture in the media library; leave empty to show the site name in the masthead." />
          {logo && <p class="logo-preview"><img src={paths.media(logo.key)} alt="The current logo" width={logo.width} height={logo.height} /></p>}
          <TextField name="language" label="Language" value={values.language} required problems={problems}
            hint="A language tag, such as en, en-GB, de or pt-BR: for browsers, screen readers and how dates are written." />
          <SelectField name="timeZone" label="Time zone" value={values.timeZone} options={zones} problems={problems}
            hint="Dates on the site are the dates there." />
        </fieldset>
        <fieldset class="panel">
          <legend>Navigation menu</legend>
          <TextArea name="navigation" label="Menu links" value={values.navigation} rows={8} problems={problems}
            hint={`One link a line, in order: “Label | /path/” or “Label | https://…”; at most ${MAX_NAV_LINKS}. Leave empty to list the sections.`} />
          <p class="hint">Standing pages such as About and Contact are edited under <a href="/admin/pages/">Pages</a>; add them here by their address, e.g. “About | /about/”.</p>
        </fieldset>
        <fieldset class="panel">
          <legend>Social accounts</legend>
          <p class="hint">Shown in the footer and told to search engines. Leave a network empty if the site is not there.</p>
          {SOCIAL_NETWORKS.map((n) => (
            <TextField name={`social_${n}`} label={SOCIAL_LABELS[n]} value={values.social[n] ?? ''} hint={SOCIAL_HINTS[n]} problems={problems} />
          ))}
        </fieldset>
        <div class="actions"><button type="submit" class="primary">Save settings</button></div>
      </form>
    </AdminLayout>
  )
}
