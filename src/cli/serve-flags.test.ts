import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../test/support/requirements.js'
import { serveExecArgv, SERVE_SEMI_SPACE_MB } from './serve-flags.js'

describe('serveExecArgv', () => {
  it('adds the bounded young generation to the options the parent ran with', () => {
    expect(serveExecArgv(['--enable-source-maps'], undefined)).toEqual(['--enable-source-maps', `--max-semi-space-size=${SERVE_SEMI_SPACE_MB}`])
  })

  it('leaves a size the operator chose, in the options or in NODE_OPTIONS', () => {
    expect(serveExecArgv(['--max-semi-space-size=16'], undefined)).toEqual(['--max-semi-space-size=16'])
    expect(serveExecArgv(['--max_semi_space_size', '8'], '')).toEqual(['--max_semi_space_size', '8'])
    expect(serveExecArgv([], '--require x.cjs --max-semi-space-size=2')).toEqual([])
  })
})

describe('boundYoungGeneration', () => {
  /** The young generation's size in MB after a run of allocations, in a new process, bounded or not. */
  const youngGenerationAfterWork = (bound: boolean): number => {
    const flags = pathToFileURL(path.join(projectRoot, 'dist/cli/serve-flags.js')).href
    const script = `
      import v8 from 'node:v8'
      import { boundYoungGeneration } from '${flags}'
      if (${bound}) boundYoungGeneration(2, [], '')
      let kept = []
      for (let round = 0; round < 200; round++) {
        for (let i = 0; i < 10000; i++) { kept.push({ i, text: 'x' + i }); if (kept.length > 20000) kept = [] }
        await new Promise((resolve) => setImmediate(resolve))
      }
      console.log(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size)`
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
    expect(result.stderr).toBe('')
    return Number(result.stdout) / 1024 / 1024
  }

  it('keeps the young generation of a running process at the bound, where it would otherwise grow past it', () => {
    expect(youngGenerationAfterWork(false)).toBeGreaterThan(4)
    expect(youngGenerationAfterWork(true)).toBeLessThanOrEqual(4)
  })
})
