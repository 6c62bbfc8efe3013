import { Hono, type Context } from 'hono'
import { findPicture } from '../../content/media/find-picture.js'
import { readSettings } from '../../content/settings/settings.repo.js'
import { navigationText, SOCIAL_NETWORKS, type SiteSettings } from '../../content/settings/site-settings.js'
import { updateSiteSettings, type SettingsForm } from '../../content/settings/update-site-settings.js'
import { canOnSite } from '../../staff/permissions.js'
import { SettingsPage } from '../../views/admin/settings-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden } from './forbidden.js'
import { formText, type FormText } from './form-body.js'
import { pageContext } from './page-context.js'

const ONLY_ADMINS = 'Only administrators change the site settings.'

/** The saved settings as the form shows them. */
const toForm = (s: SiteSettings): SettingsForm => ({
  title: s.title, description: s.description, language: s.language, timeZone: s.timeZone, logoId: s.logoId ?? '',
  navigation: navigationText(s.navigation), social: { ...s.social },
})

const fromBody = (form: FormText): SettingsForm => ({
  title: form('title'), description: form('description'), language: form('language'), timeZone: form('timeZone'),
  logoId: form('logoId'), navigation: form('navigation'),
  social: Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, form(`social_${n}`)])),
})

/** `/admin/settings/`: the site's settings, for administrators. */
export function settingsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps
  const allowed = (c: Context<AdminEnv>) => canOnSite(signedInStaff(c), 'settings.manage')

  app.get('/admin/settings/', async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const settings = await readSettings(db)
    const logo = settings.logoId ? await findPicture(db, settings.logoId) : undefined
    const notice = c.req.query('notice') === 'saved' ? 'Settings saved. The public site shows them now.' : undefined
    return c.html(<SettingsPage page={await pageContext(c, deps)} values={toForm(settings)} logo={logo} notice={notice} />)
  })

  app.post('/admin/settings/', async (c) => {
    if (!allowed(c)) return forbidden(c, deps, ONLY_ADMINS)
    const values = fromBody(await formText(c))
    const result = await updateSiteSettings(db, values, clock.now())
    if (result.ok) return c.redirect('/admin/settings/?notice=saved', 303)
    return c.html(<SettingsPage page={await pageContext(c, deps)} values={values} problems={result.error.issues} />, 422)
  })
  return app
}
