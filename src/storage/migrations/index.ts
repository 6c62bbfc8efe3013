import type { Migration } from 'kysely'
import * as initial from './0001-initial.js'
import * as search from './0002-search.js'
import * as archive from './0003-archive.js'
import * as trigramCjkOnly from './0004-trigram-cjk-only.js'
import * as publicListingIndex from './0005-public-listing-index.js'
import * as staff from './0006-staff.js'
import * as revisionsAndCorrections from './0007-revisions-and-corrections.js'
import * as mediaLibrary from './0011-media-library.js'
import * as featuredAndApiKeys from './0009-featured-and-api-keys.js'
import * as termRedirects from './0010-term-redirects.js'
import * as webhooks from './0013-webhooks.js'
import * as articleListings from './0014-article-listings.js'
import * as searchPublicOnly from './0015-search-public-only.js'

/** Every migration, in order. Names are fixed once released: add, never rename. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-search': search,
  '0003-archive': archive,
  '0004-trigram-cjk-only': trigramCjkOnly,
  '0005-public-listing-index': publicListingIndex,
  '0006-staff': staff,
  '0007-revisions-and-corrections': revisionsAndCorrections,
  '0009-featured-and-api-keys': featuredAndApiKeys,
  '0010-term-redirects': termRedirects,
  '0011-media-library': mediaLibrary,
  '0013-webhooks': webhooks,
  '0014-article-listings': articleListings,
  '0015-search-public-only': searchPublicOnly,
}
