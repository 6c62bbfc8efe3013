import { keptUntilChange } from '../../content/kept-until-change.js'
import { findPicture } from '../../content/media/find-picture.js'
import { listSections } from '../../content/sections/section.repo.js'
import { readSettings } from '../../content/settings/settings.repo.js'
import type { SiteView } from '../../views/site-view.js'
import type { AppDeps } from '../app.js'

/**
 * The settings, sections and logo every public page is framed with: read once per change of
 * the site (see `keptUntilChange`), not on every page.
 * @example const site = await loadSiteView(deps)
 */
export async function loadSiteView({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>): Promise<SiteView> {
  return { ...(await siteFrame(db)), siteUrl }
}

const siteFrame = keptUntilChange(async (db) => {
  const [settings, sections] = await Promise.all([readSettings(db), listSections(db)])
  const logo = settings.logoId ? await findPicture(db, settings.logoId) : undefined
  return { settings, sections, logo }
})
