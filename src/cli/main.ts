import cluster from 'node:cluster'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { boundOldGeneration, boundYoungGeneration, SERVE_HEAP_GROWING_PERCENT, SERVE_SEMI_SPACE_MB, WORKER_HEAP_GROWING_PERCENT } from './serve-flags.js'

// Each command is loaded when it runs: `serve` then holds none of the importers, exporters and
// the rest in memory (about 20 MB of a server's resident memory).
const serveCommand = async (...args: Parameters<typeof import('./serve-command.js').serveCommand>) => {
  // Before loading the server, whose loading alone would grow the young generation to its largest.
  boundYoungGeneration(SERVE_SEMI_SPACE_MB)
  boundOldGeneration(cluster.isWorker ? WORKER_HEAP_GROWING_PERCENT : SERVE_HEAP_GROWING_PERCENT)
  return (await import('./serve-command.js')).serveCommand(...args)
}
const migrateCommand = async (...args: Parameters<typeof import('./migrate-command.js').migrateCommand>) => (await import('./migrate-command.js')).migrateCommand(...args)
const importCommand = async (...args: Parameters<typeof import('./import-command.js').importCommand>) => (await import('./import-command.js')).importCommand(...args)
const exportCommand = async (...args: Parameters<typeof import('./export-command.js').exportCommand>) => (await import('./export-command.js')).exportCommand(...args)
const backupCommand = async (...args: Parameters<typeof import('./backup-command.js').backupCommand>) => (await import('./backup-command.js')).backupCommand(...args)
const userCommand = async (...args: Parameters<typeof import('./user-command.js').userCommand>) => (await import('./user-command.js')).userCommand(...args)
const copySiteCommand = async (...args: Parameters<typeof import('./copy-site-command.js').copySiteCommand>) => (await import('./copy-site-command.js')).copySiteCommand(...args)
const apiKeyCommand = async (...args: Parameters<typeof import('./api-key-command.js').apiKeyCommand>) => (await import('./api-key-command.js')).apiKeyCommand(...args)

const USAGE = `Usage: masthead <command> [options]

Commands:
  serve              start the site (creates and migrates the database; an empty site gets demo articles)
  migrate            bring the database schema up to date
  import FILE...     import articles: text captures, Ghost JSON, WordPress WXR, saved HTML pages,
                     Masthead exports (the format of each file is detected from its content).
                     All or nothing, unless --skip-invalid imports the valid records and lists the rest.
                     A Masthead export (its folder, site.json or .tar) is restored exactly, ids and times
                     included, and only into an empty site.
  export             write the whole site (site.json and the picture files) to a new folder
                     masthead-export-<UTC time>/, or with --tar to one .tar file
  backup FILE        copy the database to FILE while the site keeps serving (pictures not included;
                     SQLite only: back up PostgreSQL with pg_dump)
  copy-site --from A --to B
                     copy the whole site between databases, A and B each sqlite:PATH or postgres://…
                     (either way); the target must be new or empty; all or nothing, checked by counts
                     and a checksum
  user add EMAIL --role ROLE [--name NAME]
                     add a staff member (contributor, author, editor or administrator); prints a
                     one-time link where they choose their password
  user reset-password EMAIL
                     print a one-time link to choose a new password (ends their sessions when used)
  user list          list the staff
  api-key add --name NAME [--kind content|read|write]
                     create an API key and print it, once: a Content API key (/ghost/api/content/,
                     the default) or an integration's read or read-and-write key for /api/v1/
  api-key list       list API keys (id, first characters, state, name), revoked ones included
  api-key revoke ID  revoke an API key: requests with it are refused from then on

Options:
  --no-demo          (serve) do not fill an empty site with demo articles
  --skip-invalid     (import) skip invalid records instead of stopping at the first
  --out PATH         (export) the folder, or with --tar the file, to write
  --tar              (export) write one .tar file instead of a folder
  --force            (backup) replace FILE if it exists
  --from, --to       (copy-site) the source and target databases
  --role ROLE        (user add) the new staff member's role
  --name NAME        (user add) their name as bylines show it (default: the part of the email before @);
                     (api-key add) what the key is for, e.g. "Mobile app"
  -h, --help         show this help

Environment:
  PORT (3000), HOST (127.0.0.1), MASTHEAD_DATA_DIR (./data), MASTHEAD_SITE_URL (http://HOST:PORT),
  MASTHEAD_DEMO=0 (same as --no-demo), MASTHEAD_WORKERS (1: processes serving the site, sharing the port),
  MASTHEAD_TRUST_PROXY=1 (behind a reverse proxy: the client's address is the last in X-Forwarded-For),
  MASTHEAD_UPLOAD_LIMIT_MB (20: the largest picture the admin accepts, in megabytes),
  MASTHEAD_SOCKET_FAST_PATH=0 (cached pages go through Node's HTTP server like everything else),
  DATABASE_URL (unset: the SQLite file in the data directory; postgres://user:password@host:port/db to
  run on PostgreSQL, where several nodes may serve one site)
`

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'no-demo': { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        out: { type: 'string' },
        tar: { type: 'boolean' },
        force: { type: 'boolean' },
        role: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    })
  } catch (error) {
    process.stderr.write(`masthead: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const [command, ...rest] = parsed.positionals
  if (parsed.values.help || !command) {
    process.stdout.write(USAGE)
    return command || parsed.values.help ? 0 : 2
  }
  try {
    const config = loadConfig(env)
    switch (command) {
      case 'serve': return await serveCommand({ ...config, demoContent: config.demoContent && !parsed.values['no-demo'] })
      case 'migrate': return await migrateCommand(config)
      case 'import': return await importCommand(config, rest, { skipInvalid: parsed.values['skip-invalid'] === true })
      case 'export':
        if (rest.length) return usageError(`export takes no file names (use --out PATH): ${rest.join(' ')}`)
        return await exportCommand(config, { ...(parsed.values.out !== undefined && { out: parsed.values.out }), tar: parsed.values.tar === true })
      case 'backup': return await backupCommand(config, rest, { force: parsed.values.force === true })
      case 'copy-site':
        if (rest.length) return usageError(`copy-site takes --from and --to, no file names: ${rest.join(' ')}`)
        return await copySiteCommand({ from: parsed.values.from, to: parsed.values.to })
      case 'user': return await userCommand(config, rest, { role: parsed.values.role, name: parsed.values.name })
      case 'api-key': return await apiKeyCommand(config, rest, {
        ...(parsed.values.name !== undefined && { name: parsed.values.name }),
        ...(parsed.values.kind !== undefined && { kind: parsed.values.kind }),
      })
      default: return usageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`masthead: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

function usageError(message: string): number {
  process.stderr.write(`masthead: ${message}\n\n${USAGE}`)
  return 2
}
