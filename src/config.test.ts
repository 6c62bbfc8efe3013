import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('limits uploads to 20 MB unless MASTHEAD_UPLOAD_LIMIT_MB says otherwise', () => {
    expect(loadConfig({}).uploadLimitBytes).toBe(20 * 1024 * 1024)
    expect(loadConfig({ MASTHEAD_UPLOAD_LIMIT_MB: '50' }).uploadLimitBytes).toBe(50 * 1024 * 1024)
    expect(loadConfig({ MASTHEAD_UPLOAD_LIMIT_MB: '0.5' }).uploadLimitBytes).toBe(512 * 1024)
    expect(() => loadConfig({ MASTHEAD_UPLOAD_LIMIT_MB: '0' })).toThrow(ConfigError)
    expect(() => loadConfig({ MASTHEAD_UPLOAD_LIMIT_MB: 'lots' })).toThrow(/MASTHEAD_UPLOAD_LIMIT_MB/)
  })

  it('answers cached pages from the socket unless MASTHEAD_SOCKET_FAST_PATH=0', () => {
    expect(loadConfig({}).socketFastPath).toBe(true)
    expect(loadConfig({ MASTHEAD_SOCKET_FAST_PATH: '0' }).socketFastPath).toBe(false)
    expect(() => loadConfig({ MASTHEAD_SOCKET_FAST_PATH: 'no' })).toThrow(/MASTHEAD_SOCKET_FAST_PATH/)
  })

  it('gives each serving connection a 4 MB SQLite page cache unless MASTHEAD_SQLITE_CACHE_MB says otherwise', () => {
    expect(loadConfig({}).sqliteCacheMb).toBe(4)
    expect(loadConfig({ MASTHEAD_SQLITE_CACHE_MB: '16' }).sqliteCacheMb).toBe(16)
    expect(() => loadConfig({ MASTHEAD_SQLITE_CACHE_MB: '0' })).toThrow(/MASTHEAD_SQLITE_CACHE_MB/)
  })
})
