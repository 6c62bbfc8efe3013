import { z } from 'zod'
import { PROBLEM_STATUS, ProblemJson } from './api-problem.js'
import type { ApiRoute } from './api-route.js'

type JsonSchema = Record<string, unknown>

/**
 * The OpenAPI 3.1 document for the write API, written from the same route list and zod schemas
 * the server mounts and validates with. Request schemas describe what is accepted (zod's input
 * side: fields with defaults are optional), response schemas what is sent (the output side).
 * @example app.get('/openapi.json', (c) => c.json(openApiDocument(routes, { serverUrl })))
 */
export function openApiDocument(routes: readonly ApiRoute[], { serverUrl }: { serverUrl: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    paths[route.path] ??= {}
    paths[route.path]![route.method] = operation(route)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Masthead write API',
      version: '1',
      description: 'Create, edit, publish and schedule articles, upload pictures and manage sections and tags. ' +
        'Authenticate with an integration key (`Authorization: Bearer mh_…`), or a staff session cookie with its CSRF token in `X-CSRF-Token`. ' +
        'Every refusal is `{ "error": { "type", "message", "issues"? } }`; `issues` names each invalid field.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: ['articles', 'pictures', 'sections', 'tags', 'webhooks', 'meta'].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: schemaOf(ProblemJson, 'output') },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: "An integration's key ('read' or 'write'), created in the admin under Integrations." },
        session: { type: 'apiKey', in: 'cookie', name: 'masthead_session', description: 'A staff session; writes also need the X-CSRF-Token header.' },
      },
    },
  }
}

function operation(route: ApiRoute): JsonSchema {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query'),
  ]
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = response.schema
      ? { description: response.description, content: { 'application/json': { schema: schemaOf(response.schema, 'output') } } }
      : { description: response.description }
  }
  for (const status of errorStatuses(route)) {
    responses[String(status)] ??= { description: 'Refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
  }
  const op: JsonSchema = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ apiKey: [] }, { session: [] }],
    responses,
  }
  if (parameters.length) op.parameters = parameters
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } }
  if (route.multipart) op.requestBody = { required: true, content: { 'multipart/form-data': { schema: schemaOf(route.multipart.schema, 'input') } } }
  return op
}

function errorStatuses(route: ApiRoute): number[] {
  if (route.access === 'public') return []
  const statuses: number[] = [PROBLEM_STATUS.unauthorized, PROBLEM_STATUS.forbidden]
  if (route.params || route.query) statuses.push(PROBLEM_STATUS['bad-request'])
  if (route.body) statuses.push(PROBLEM_STATUS['bad-request'], PROBLEM_STATUS.invalid)
  return statuses
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return []
  const json = schemaOf(schema, 'input')
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) }
  })
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without `$schema`: it sits inside
 * the document. Schemas registered with an id (`.meta({ id })`) point into components.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema
  return json
}
