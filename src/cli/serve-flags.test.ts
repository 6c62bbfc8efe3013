import { describe, expect, it } from 'vitest'
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
