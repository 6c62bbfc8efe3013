import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../storage/connect.js'
import type { ApiKeyTable } from '../../storage/schema.js'
import type { ApiKey, ApiKeyKind } from './api-key.js'

const COLUMNS = ['id', 'name', 'kind', 'keyPrefix', 'createdAt', 'revokedAt', 'lastUsedAt'] as const
type ApiKeyRow = Pick<Selectable<ApiKeyTable>, (typeof COLUMNS)[number]>

export async function insertApiKey(db: Db, row: Insertable<ApiKeyTable>): Promise<void> {
  await db.insertInto('apiKeys').values(row).execute()
}

/** Every key, revoked ones included, newest first. */
export async function listApiKeyRows(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('apiKeys').select(COLUMNS).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toApiKey)
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('apiKeys').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && toApiKey(row)
}

/** The key whose secret hashes to `hash`, revoked or not. */
export async function findApiKeyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('apiKeys').select(COLUMNS).where('keyHash', '=', hash).executeTakeFirst()
  return row && toApiKey(row)
}

/** Marks a key revoked; a key already revoked keeps its first revocation time. */
export async function setRevoked(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('apiKeys').set({ revokedAt: at.toISOString() }).where('id', '=', id).where('revokedAt', 'is', null).execute()
}

export async function setLastUsed(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('apiKeys').set({ lastUsedAt: at.toISOString() }).where('id', '=', id).execute()
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ApiKeyKind,
    prefix: row.keyPrefix,
    createdAt: new Date(row.createdAt),
    revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt) : null,
  }
}
