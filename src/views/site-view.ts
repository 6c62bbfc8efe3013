import type { Picture } from '../content/media/picture.js'
import type { SiteSettings } from '../content/settings/settings.repo.js'
import type { SectionRef } from '../content/taxonomy.js'

/** What every public page needs to know about the site around it. */
export interface SiteView {
  settings: SiteSettings
  siteUrl: string
  sections: SectionRef[]
  /** The logo picture, when one is set and still in the media library. */
  logo?: Picture | undefined
}
