import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { limitSqlitePageCache, openSqlite } from './connect.js'

describe('limitSqlitePageCache', () => {
  it('sets the connection\'s SQLite page cache to the given size, in KiB', async () => {
    const db = openSqlite(':memory:')
    try {
      const cacheSize = async () => Number((await sql<{ cacheSize: number }>`pragma cache_size`.execute(db)).rows[0]!.cacheSize)
      expect(await cacheSize()).toBe(-16000)
      limitSqlitePageCache(db, 4)
      expect(await cacheSize()).toBe(-4096)
    } finally {
      await db.destroy()
    }
  })
})
