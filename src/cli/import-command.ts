import type { Config } from '../config.js'
import { paths } from '../http/paths.js'
import { describeProblem } from '../importers/import-problem.js'
import { importFiles } from '../importers/import-files.js'
import { openSite } from '../site.js'

export async function importCommand(config: Config, files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('masthead import: name at least one file to import\n')
    return 2
  }
  const site = await openSite(config)
  try {
    const result = await importFiles({ db: site.db, files: site.files, now: new Date() }, files)
    if (!result.ok) {
      process.stderr.write(`masthead import: ${describeProblem(result.error)}\nNothing was imported.\n`)
      return 1
    }
    for (const a of result.value.articles) {
      console.log(`${a.action} "${a.headline}" from ${a.file}: ${config.siteUrl}${paths.article(a.slug)}`)
    }
    console.log(`Imported ${files.length} file(s): ${result.value.created} created, ${result.value.updated} updated, 0 skipped.`)
    return 0
  } finally {
    await site.close()
  }
}
