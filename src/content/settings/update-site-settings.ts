import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import { writeSettings } from './settings.repo.js'
import { canonicalLanguage, isTimeZone, parseNavigation, SOCIAL_LABELS, SOCIAL_NETWORKS, type SiteSettings, type SocialAccounts, type SocialNetwork } from './site-settings.js'
import { socialProfileUrl } from './social-accounts.js'

/** The settings as a form sends them: text, with the menu one link a line. */
export interface SettingsForm {
  title: string
  description: string
  language: string
  timeZone: string
  /** A picture's id from the media library, or empty for none. */
  logoId: string
  navigation: string
  social: Partial<Record<SocialNetwork, string>>
}

export interface SettingsProblem {
  /** The form field: `title`, `navigation`, `social_x`, … */
  field: string
  message: string
}

export type SettingsError = { type: 'invalid'; issues: SettingsProblem[] }

export const MAX_TITLE = 120
export const MAX_DESCRIPTION = 300

/**
 * Checks the whole settings form and saves it, or changes nothing and says what is wrong with
 * each field (the menu's problems name their line). Saving records a site change, so cached
 * public pages show the new settings at once.
 * @example await updateSiteSettings(db, { title: 'The Ledger', language: 'en-GB', … }, now)
 */
export async function updateSiteSettings(db: Db, form: SettingsForm, now: Date): Promise<Result<SiteSettings, SettingsError>> {
  const issues: SettingsProblem[] = []
  const problem = (field: string, message: string) => issues.push({ field, message })

  const title = form.title.trim()
  if (!title) problem('title', 'Site name: a name is required')
  else if (title.length > MAX_TITLE) problem('title', `Site name: at most ${MAX_TITLE} characters`)
  const description = form.description.trim()
  if (description.length > MAX_DESCRIPTION) problem('description', `Description: at most ${MAX_DESCRIPTION} characters`)
  const language = canonicalLanguage(form.language)
  if (!language) problem('language', `Language: “${form.language.trim().slice(0, 40)}” is not a language tag such as en, en-GB or pt-BR`)
  const timeZone = form.timeZone.trim()
  if (!isTimeZone(timeZone)) problem('timeZone', `Time zone: “${timeZone.slice(0, 60)}” is not a time zone such as Europe/Oslo or UTC`)
  const logoId = form.logoId.trim()
  if (logoId && !(await pictureExists(db, logoId))) problem('logoId', `Logo: there is no picture with the id “${logoId.slice(0, 40)}” in the media library`)
  const navigation = parseNavigation(form.navigation)
  for (const message of navigation.problems) problem('navigation', message)
  const social: SocialAccounts = {}
  for (const network of SOCIAL_NETWORKS) {
    const url = socialProfileUrl(network, form.social[network] ?? '')
    if ('problem' in url) problem(`social_${network}`, `${SOCIAL_LABELS[network]}: ${url.problem}`)
    else if (url.url) social[network] = url.url
  }
  if (issues.length > 0 || !language) return err({ type: 'invalid', issues })

  const settings: SiteSettings = { title, description, language, timeZone, logoId: logoId || null, navigation: navigation.links, social }
  await inTransaction(db, (trx) => writeSettings(trx, settings, now))
  return ok(settings)
}

async function pictureExists(db: Db, id: string): Promise<boolean> {
  if (id.length > 64) return false
  return (await db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
