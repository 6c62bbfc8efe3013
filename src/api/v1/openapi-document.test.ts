import { Validator } from '@seriousme/openapi-schema-validator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { fixedClock } from '../../core/clock.js'
import { silentLog } from '../../core/log.js'
import { honoPath } from './api-route.js'
import { writeApi, writeApiRoutes } from './write-api.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const deps = () => ({ db: site.db, files: site.files, clock: fixedClock('2026-06-01T12:00:00Z'), log: silentLog, siteUrl: TEST_SITE_URL })

async function fetchDocument() {
  const res = await site.app.request(`${TEST_SITE_URL}/api/v1/openapi.json`)
  expect(res.status).toBe(200)
  return res.json() as Promise<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> }>
}

describe('the OpenAPI document', () => {
  it('is served without a key and validates as OpenAPI 3.1', async () => {
    const document = await fetchDocument()
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    // The validator does refuse: the same document with a parameter in no valid place.
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> }
    broken.paths['/articles']!.get!.parameters = [{ name: 'limit', in: 'body', schema: { type: 'integer' } }]
    expect((await new Validator().validate(broken as never)).valid).toBe(false)
  })

  it('lists exactly the routes the server mounts', async () => {
    const document = await fetchDocument()
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${honoPath(path)}`)).sort()
    const mounted = writeApi(deps()).routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`).sort()
    expect(documented).toEqual(mounted)
    expect(documented).toEqual([...new Set(writeApiRoutes(deps()).map((r) => `${r.method.toUpperCase()} ${honoPath(r.path)}`))].sort())
    expect(documented.length).toBeGreaterThanOrEqual(17)
  })

  it('describes request bodies with the schemas the server validates with', async () => {
    const document = await fetchDocument()
    const create = document.paths['/articles']!.post!.requestBody!.content['application/json']!.schema
    expect(Object.keys(create.properties ?? {})).toEqual(expect.arrayContaining(['headline', 'body', 'tagIds']))
    const schedule = document.paths['/articles/{id}/schedule']!.post!.requestBody!.content['application/json']!.schema
    expect(Object.keys(schedule.properties ?? {})).toContain('publishAt')
  })
})
