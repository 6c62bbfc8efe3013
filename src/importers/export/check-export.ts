import type { ExportFile } from '../../export/export-format.js'
import type { ImportProblem } from '../import-problem.js'

/**
 * Checks what a schema cannot: unique ids, slugs and keys, and that every reference points at a
 * record in the same export. The database would refuse these too, but without naming the record.
 * @example checkExport(data, 'site.json') // undefined, or { file, record: 'article 2 (id …)', field: 'tag_ids.0', message: 'no tag with id …' }
 */
export function checkExport(data: ExportFile, file: string): ImportProblem | undefined {
  const problem = (noun: string, i: number, key: string, field: string, message: string): ImportProblem =>
    ({ file, record: `${noun} ${i + 1} (${key})`, field, message })

  const unique = <T>(noun: string, items: T[], keyOf: (t: T) => string, fields: [string, (t: T) => string | null][]) => {
    for (const [field, valueOf] of fields) {
      const seen = new Map<string, number>()
      for (const [i, item] of items.entries()) {
        const value = valueOf(item)
        if (value === null) continue
        const first = seen.get(value)
        if (first !== undefined) return problem(noun, i, keyOf(item), field, `"${value}" is also used by ${noun} ${first + 1}`)
        seen.set(value, i)
      }
    }
    return undefined
  }
  const byId = (t: { id: string }) => `id ${t.id}`
  const duplicate = unique('section', data.sections, byId, [['id', (s) => s.id], ['slug', (s) => s.slug]])
    ?? unique('tag', data.tags, byId, [['id', (t) => t.id], ['slug', (t) => t.slug]])
    ?? unique('person', data.people, byId, [['id', (p) => p.id], ['slug', (p) => p.slug]])
    ?? unique('picture', data.media, byId, [['id', (m) => m.id], ['storage_key', (m) => m.storage_key]])
    ?? unique('article', data.articles, byId, [['id', (a) => a.id], ['slug', (a) => a.slug], ['source_key', (a) => a.source_key]])
    ?? unique('redirect', data.redirects, (r) => r.from_path, [['from_path', (r) => r.from_path]])
    ?? unique('correction', data.corrections, byId, [['id', (c) => c.id]])
    ?? unique('revision', data.revisions, byId, [['id', (r) => r.id], ['version', (r) => `${r.article_id} ${r.version}`]])
  if (duplicate) return duplicate

  const ids = (items: { id: string }[]) => new Set(items.map((x) => x.id))
  const [sections, tags, people, media, articles] = [ids(data.sections), ids(data.tags), ids(data.people), ids(data.media), ids(data.articles)]
  for (const [i, a] of data.articles.entries()) {
    const missing = (field: string, noun: string, id: string) => problem('article', i, `id ${a.id}`, field, `no ${noun} with id ${id} in the export`)
    if (a.section_id !== null && !sections.has(a.section_id)) return missing('section_id', 'section', a.section_id)
    if (a.hero_media_id !== null && !media.has(a.hero_media_id)) return missing('hero_media_id', 'picture', a.hero_media_id)
    for (const [j, id] of a.tag_ids.entries()) {
      if (!tags.has(id)) return missing(`tag_ids.${j}`, 'tag', id)
      if (a.tag_ids.indexOf(id) !== j) return problem('article', i, `id ${a.id}`, `tag_ids.${j}`, `tag ${id} is listed twice`)
    }
    for (const [j, id] of a.author_ids.entries()) {
      if (!people.has(id)) return missing(`author_ids.${j}`, 'person', id)
      if (a.author_ids.indexOf(id) !== j) return problem('article', i, `id ${a.id}`, `author_ids.${j}`, `person ${id} is listed twice`)
    }
  }
  for (const [i, r] of data.redirects.entries()) {
    if (!articles.has(r.article_id)) return problem('redirect', i, r.from_path, 'article_id', `no article with id ${r.article_id} in the export`)
  }
  // A revision's other references are history: they may name records deleted since, and are not checked.
  for (const [noun, items] of [['correction', data.corrections], ['revision', data.revisions]] as const) {
    for (const [i, x] of items.entries()) {
      if (!articles.has(x.article_id)) return problem(noun, i, `id ${x.id}`, 'article_id', `no article with id ${x.article_id} in the export`)
    }
  }
  return undefined
}
