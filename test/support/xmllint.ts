import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { projectRoot } from './requirements.js'

/**
 * Validates XML against one of the schemas in test/schemas with xmllint; returns its complaints
 * (empty when valid).
 */
export function validateXml(xml: string, schema: 'sitemap.xsd' | 'siteindex.xsd'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-xml-'))
  try {
    const file = path.join(dir, 'doc.xml')
    fs.writeFileSync(file, xml)
    const result = spawnSync('xmllint', ['--noout', '--schema', path.join(projectRoot, 'test/schemas', schema), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    return result.status === 0 ? '' : result.stderr || `xmllint exited ${result.status}`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
