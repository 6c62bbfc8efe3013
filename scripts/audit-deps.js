#!/usr/bin/env node
// Dependency hygiene for the production dependencies, as CI runs it (node scripts/audit-deps.js).
//
// 1. `npm audit --omit=dev`: fails on any high or critical advisory. The registry reached here
//    answers npm's bulk advisory endpoint with 405 Method Not Allowed; then this step says so
//    plainly and is skipped, and CI does not fail on an endpoint it cannot reach.
// 2. What works without that endpoint:
//    - `npm ls --omit=dev --all`: the installed tree is exactly the lockfile's (nothing missing,
//      invalid or extraneous);
//    - every direct production dependency's pinned version is looked up in the registry (a GET
//      of its metadata): a version deprecated for a security reason fails, any other deprecation
//      is reported.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = (args) => spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
let failed = false

const audit = npm(['audit', '--omit=dev', '--json'])
let report
try { report = JSON.parse(audit.stdout) } catch { report = undefined }
const counts = report?.metadata?.vulnerabilities
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0)
  console.log(`audit: npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`)
  if (serious > 0) failed = true
} else {
  const reason = report?.message ?? report?.error?.summary ?? (audit.stderr.trim().split('\n').find((l) => l.includes('audit')) || 'no answer')
  console.log(`audit: npm audit --omit=dev could not run here, so advisories are NOT checked: ${reason}`)
}

const tree = npm(['ls', '--omit=dev', '--all', '--json'])
const problems = (() => { try { return JSON.parse(tree.stdout).problems ?? [] } catch { return [`npm ls gave no JSON (exit ${tree.status})`] } })()
if (tree.status !== 0 || problems.length) {
  failed = true
  console.log(`audit: the installed production tree does not match the lockfile:\n  ${problems.join('\n  ') || tree.stderr.trim()}`)
} else {
  console.log('audit: npm ls --omit=dev: the installed production tree matches the lockfile')
}

const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
let deprecated = 0
for (const [name, version] of Object.entries(dependencies)) {
  let message = ''
  try {
    message = execFileSync('npm', ['view', `${name}@${version}`, 'deprecated'], { cwd: root, encoding: 'utf8' }).trim()
  } catch (error) {
    console.log(`audit: could not look up ${name}@${version}: ${String(error.message).split('\n')[0]}`)
    continue
  }
  if (!message) continue
  deprecated++
  const security = /secur|vulnerab|CVE-|GHSA-|exploit/i.test(message)
  if (security) failed = true
  console.log(`audit: ${name}@${version} is deprecated${security ? ' for a security reason' : ''}: ${message}`)
}
console.log(`audit: ${Object.keys(dependencies).length} direct production dependencies looked up, ${deprecated} deprecated`)
process.exit(failed ? 1 : 0)
