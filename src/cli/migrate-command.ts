import type { Config } from '../config.js'
import { openSite } from '../site.js'
import { sqliteFileIn } from '../storage/connect.js'
import { redactUrl } from '../storage/postgres.js'

export async function migrateCommand(config: Config): Promise<number> {
  const site = await openSite(config)
  await site.close()
  const file = config.databaseUrl ? redactUrl(config.databaseUrl) : sqliteFileIn(config.dataDir)
  console.log(site.migrated.length
    ? `Applied ${site.migrated.length} migration(s) to ${file}: ${site.migrated.join(', ')}`
    : `${file} is up to date.`)
  return 0
}
