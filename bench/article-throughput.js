#!/usr/bin/env node
// Article-page throughput baseline: imports the reference capture into a fresh data dir,
// starts `masthead serve`, and loads the article page with autocannon over HTTP/1.1
// keep-alive on 127.0.0.1. Usage: npm run bench:article [-- --connections 32 --duration 15]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: {
  connections: { type: 'string', default: '32' },
  duration: { type: 'string', default: '15' },
  capture: { type: 'string', default: path.join(root, '../shared/fixtures/seed-article.txt') },
} })

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-bench-'))
const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' }
const bin = path.join(root, 'bin/masthead.js')

function run(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => { out += d })
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`masthead ${args.join(' ')} exited ${code}`))))
  })
}

const imported = await run(['import', values.capture])
const articlePath = new URL(imported.match(/https?:\/\/\S+/)[0]).pathname
const port = 30000 + Math.floor(Math.random() * 20000)
const server = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((resolve) => server.stdout.on('data', (d) => { if (String(d).includes('ready at')) resolve() }))
const url = `http://127.0.0.1:${port}${articlePath}`

try {
  const probe = await fetch(url)
  const bytes = (await probe.arrayBuffer()).byteLength
  if (probe.status !== 200) throw new Error(`article page answered ${probe.status}`)
  // A short warm-up, then the measured run.
  await autocannon({ url, connections: Number(values.connections), duration: 3 })
  const result = await autocannon({ url, connections: Number(values.connections), duration: Number(values.duration) })
  const line = {
    date: new Date().toISOString().slice(0, 10),
    url: articlePath,
    pageBytes: bytes,
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    node: process.version,
  }
  console.log(JSON.stringify(line, null, 2))
} finally {
  server.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
}
