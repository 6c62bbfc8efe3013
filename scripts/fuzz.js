#!/usr/bin/env node
// The long run of the property tests (`*.fuzz.test.ts`): the slug maker, the sanitiser and every
// importer's parser, each tried RUNS times instead of the short run in `npm test`.
//   node scripts/fuzz.js [RUNS] [--seed N]     (default 20000 runs per property)
// A failure prints the counterexample and the seed and path that replay it.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const seedAt = args.indexOf('--seed')
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && !(seedAt >= 0 && i === seedAt + 1)) ?? 20000)
const env = { ...process.env, MASTHEAD_FUZZ_RUNS: String(runs), ...(seedAt >= 0 && { MASTHEAD_FUZZ_SEED: args[seedAt + 1] }) }
console.log(`fuzz: ${runs} runs per property${seedAt >= 0 ? `, seed ${args[seedAt + 1]}` : ''}`)
const started = Date.now()
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--testTimeout=0', 'fuzz.test'], { cwd: root, env, stdio: 'inherit' })
console.log(`fuzz: finished in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(result.status ?? 1)
