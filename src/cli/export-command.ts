import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config.js'
import { exportName } from '../export/export-name.js'
import { packExport } from '../export/pack-export.js'
import { writeExport, type ExportCounts } from '../export/write-export.js'
import { openSite } from '../site.js'
import { sqliteFileIn } from '../storage/connect.js'

export interface ExportOptions {
  /** The folder (or, with `tar`, the tar file) to write; by default `masthead-export-<UTC time>` here. */
  out?: string
  tar?: boolean
}

/**
 * `masthead export [--out PATH] [--tar]`: writes the site to a new folder or tar file. The export
 * is built in a hidden folder beside the target and moved into place at the end, so an
 * interrupted export never leaves something that looks complete.
 */
export async function exportCommand(config: Config, { out, tar = false }: ExportOptions): Promise<number> {
  if (!config.databaseUrl && !fs.existsSync(sqliteFileIn(config.dataDir))) {
    process.stderr.write(`masthead export: there is no site in ${config.dataDir} (no masthead.db)\n`)
    return 1
  }
  const now = new Date()
  const name = exportName(now)
  const target = path.resolve(out ?? (tar ? `${name}.tar` : name))
  if (fs.existsSync(target)) {
    process.stderr.write(`masthead export: ${target} already exists; name another with --out\n`)
    return 1
  }
  await fsp.mkdir(path.dirname(target), { recursive: true })
  const work = await fsp.mkdtemp(path.join(path.dirname(target), '.masthead-export-'))
  const site = await openSite(config)
  try {
    const folder = path.join(work, tar ? name : path.basename(target))
    const counts = await writeExport({ db: site.db, files: site.files, now }, folder)
    if (tar) {
      await packExport(folder, path.join(work, 'export.tar'))
      await fsp.rename(path.join(work, 'export.tar'), target)
    } else {
      await fsp.rename(folder, target)
    }
    console.log(`Exported the site to ${target}${tar ? '' : '/'}`)
    console.log(describeCounts(counts))
    if (counts.missingFiles.length) {
      process.stderr.write(`masthead export: ${counts.missingFiles.length} picture file(s) listed in the database are missing from the media store and were left out: ${counts.missingFiles.slice(0, 5).join(', ')}${counts.missingFiles.length > 5 ? ', …' : ''}\n`)
    }
    return 0
  } finally {
    await site.close()
    await fsp.rm(work, { recursive: true, force: true })
  }
}

function describeCounts(c: ExportCounts): string {
  return `${c.articles} articles, ${c.sections} sections, ${c.tags} tags, ${c.people} people, ${c.media} pictures (${c.mediaFiles} files), ${c.redirects} redirects, ${c.corrections} corrections and updates, ${c.revisions} revisions, ${c.settings} settings.`
}
