import type { Config } from '../config.js'
import { paths } from '../http/paths.js'
import { describeProblem } from '../importers/import-problem.js'
import { importFiles, type ImportProgress } from '../importers/import-files.js'
import { openSite } from '../site.js'
import { progressReporter } from './progress.js'

/** Per-article lines are printed for small imports; large ones get the summary only. */
const LIST_UP_TO = 20

export async function importCommand(config: Config, files: string[], { skipInvalid = false } = {}): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('masthead import: name at least one file to import\n')
    return 2
  }
  const site = await openSite(config)
  const progress = progressReporter(process.stderr)
  let last: ImportProgress | undefined
  try {
    const result = await importFiles({ db: site.db, files: site.files, now: new Date(), siteUrl: config.siteUrl }, files, {
      skipInvalid,
      onProgress: (p) => {
        if (last && last.file !== p.file) progress.done(last)
        last = { ...p }
        progress.update(p)
      },
    })
    progress.done(last)
    if (!result.ok) {
      process.stderr.write(`masthead import: ${describeProblem(result.error)}\nNothing was imported.\n`)
      return 1
    }
    const report = result.value
    if (report.created + report.updated <= LIST_UP_TO) {
      for (const a of report.articles) console.log(`${a.action} "${a.headline}" from ${a.file}: ${config.siteUrl}${paths.article(a.slug)}`)
    }
    for (const note of report.notes) console.log(note)
    for (const skipped of report.skipped) console.log(`skipped ${describeProblem(skipped)}`)
    console.log(`Imported ${files.length} file(s): ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped.`)
    return 0
  } finally {
    await site.close()
  }
}
