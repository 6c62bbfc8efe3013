import path from 'node:path'
import type { Config } from './config.js'
import { openDatabase, type Db } from './storage/connect.js'
import type { FileStore } from './storage/files/file-store.js'
import { localFileStore } from './storage/files/local-file-store.js'
import { migrateToLatest } from './storage/migrate.js'

/** An opened site: its database, migrated to the latest schema, and its media store. */
export interface Site {
  db: Db
  files: FileStore
  close(): Promise<void>
}

/**
 * Opens the site in the configured data directory, creating and migrating it on first use.
 * @example const site = await openSite(loadConfig(process.env))
 */
export async function openSite(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Site & { migrated: string[] }> {
  const db = openDatabase(config)
  try {
    const migrated = await migrateToLatest(db)
    return { db, files: localFileStore(path.join(config.dataDir, 'media')), migrated, close: () => db.destroy() }
  } catch (error) {
    await db.destroy()
    throw error
  }
}
