import path from 'node:path'
import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MASTHEAD_DATA_DIR: z.string().min(1).default('./data'),
  MASTHEAD_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MASTHEAD_DEMO: z.enum(['0', '1']).optional(),
  MASTHEAD_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  MASTHEAD_TRUST_PROXY: z.enum(['0', '1']).optional(),
  MASTHEAD_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(20),
  MASTHEAD_SOCKET_FAST_PATH: z.enum(['0', '1']).optional(),
  MASTHEAD_SQLITE_CACHE_MB: z.coerce.number().positive().max(4096).default(4),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/./i, 'must be a postgres:// URL (leave it unset for the embedded SQLite database)').optional(),
})

export interface Config {
  readonly port: number
  readonly host: string
  /** Absolute path of the data directory: the SQLite file and the media live here. */
  readonly dataDir: string
  /** Public origin without a trailing slash, e.g. `https://news.example.org`. */
  readonly siteUrl: string
  /** Whether an empty site is filled with demo articles on first start. */
  readonly demoContent: boolean
  /** How many processes serve the site (`serve` only); they share the port. */
  readonly workers: number
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  readonly trustProxy: boolean
  /** The largest picture the admin accepts, in bytes (MASTHEAD_UPLOAD_LIMIT_MB, default 20 MB). */
  readonly uploadLimitBytes: number
  /** Answer page-cache hits from the socket, before Node's HTTP parser (MASTHEAD_SOCKET_FAST_PATH=0 turns it off). */
  readonly socketFastPath: boolean
  /** SQLite's page cache for each serving process's connection, in MB (MASTHEAD_SQLITE_CACHE_MB, default 4). */
  readonly sqliteCacheMb: number
  /** PostgreSQL connection string (DATABASE_URL); unset means the SQLite file in the data directory. */
  readonly databaseUrl?: string | undefined
}

export class ConfigError extends Error {}

/**
 * Reads the configuration from environment variables; the only place that does.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = Env.safeParse({ ...env, DATABASE_URL: env.DATABASE_URL || undefined })
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`invalid environment: ${problems.join('; ')}`)
  }
  const e = parsed.data
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST
  const siteUrl = (e.MASTHEAD_SITE_URL ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${e.PORT}`).replace(/\/+$/, '')
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.MASTHEAD_DATA_DIR),
    siteUrl,
    demoContent: e.MASTHEAD_DEMO !== '0',
    workers: e.MASTHEAD_WORKERS,
    trustProxy: e.MASTHEAD_TRUST_PROXY === '1',
    uploadLimitBytes: Math.round(e.MASTHEAD_UPLOAD_LIMIT_MB * 1024 * 1024),
    socketFastPath: e.MASTHEAD_SOCKET_FAST_PATH !== '0',
    sqliteCacheMb: e.MASTHEAD_SQLITE_CACHE_MB,
    databaseUrl: e.DATABASE_URL,
  })
}
