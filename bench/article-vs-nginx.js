#!/usr/bin/env node
// Article page: Masthead against nginx serving the very same bytes as a static file, side by side
// in one run (these machines are noisy: only the ratio means much). HTTP/1.1 keep-alive on
// 127.0.0.1, 32 connections, wrk when installed (it takes less CPU than autocannon).
// --baselines also loads bare Node servers answering the same bytes (bench/bare-node-server.js),
// in the same run, to show how much of the gap is Node's own.
// --rounds N alternates the two N times (nginx first every other round) and reports each round's
// ratio and their median: on a shared machine the load changes between two runs of 10 s.
// Usage: node bench/article-vs-nginx.js [--duration 15] [--connections 32] [--workers N] [--gzip] [--baselines] [--rounds N]
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: {
  duration: { type: 'string', default: '15' },
  connections: { type: 'string', default: '32' },
  workers: { type: 'string', default: '1' },
  gzip: { type: 'boolean', default: false },
  baselines: { type: 'boolean', default: false },
  rounds: { type: 'string', default: '1' },
  capture: { type: 'string', default: path.join(root, '../shared/fixtures/seed-article.txt') },
} })
const hasWrk = spawnSync('wrk', ['--version']).error === undefined
const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p))
if (!nginxBin) throw new Error('nginx is not installed (apt-get install nginx-light)')

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-vs-nginx-'))
const dataDir = path.join(work, 'data')
const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0', MASTHEAD_WORKERS: values.workers }
const bin = path.join(root, 'bin/masthead.js')
const imported = execFileSync(process.execPath, [bin, 'import', values.capture], { env, encoding: 'utf8' })
const articlePath = new URL(imported.match(/https?:\/\/\S+/)[0]).pathname
const port = 31000 + Math.floor(Math.random() * 10000)
const server = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((resolve) => server.stdout.on('data', (d) => { if (String(d).includes('ready at')) resolve() }))

const headers = values.gzip ? { 'Accept-Encoding': 'gzip' } : {}
const page = await fetch(`http://127.0.0.1:${port}${articlePath}`, { headers })
const bytes = Buffer.from(await page.arrayBuffer())
// The very same bytes, as nginx would serve them from disk.
const docroot = path.join(work, 'www')
fs.mkdirSync(path.join(docroot, articlePath), { recursive: true })
fs.writeFileSync(path.join(docroot, articlePath, 'index.html'), bytes)
// mkdtemp makes a private folder; nginx's workers run as an unprivileged user and must read it.
for (let d = path.join(docroot, articlePath); d.startsWith(work); d = path.dirname(d)) fs.chmodSync(d, 0o755)
fs.chmodSync(work, 0o755)
const nginxPort = port + 1
fs.writeFileSync(path.join(work, 'nginx.conf'), `
worker_processes auto;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types { text/html html; }
  client_body_temp_path ${work}/tmp; proxy_temp_path ${work}/tmp; fastcgi_temp_path ${work}/tmp; uwsgi_temp_path ${work}/tmp; scgi_temp_path ${work}/tmp;
  server { listen 127.0.0.1:${nginxPort}; root ${docroot}; location / { index index.html; } }
}`)
fs.mkdirSync(path.join(work, 'tmp'))
const nginx = spawn(nginxBin, ['-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: 'inherit' })
await new Promise((r) => setTimeout(r, 500))

async function load(url) {
  if (hasWrk) {
    const args = ['-t', '2', '-c', values.connections, '-d', `${values.duration}s`, '--latency', url]
    if (values.gzip) args.push('-H', 'Accept-Encoding: gzip')
    const out = execFileSync('wrk', args, { encoding: 'utf8' })
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1])
    const p50 = /50%\s+([\d.]+\w+)/.exec(out)?.[1]
    const p99 = /99%\s+([\d.]+\w+)/.exec(out)?.[1]
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
    return { rps: Math.round(rps), p50, p99, non2xx }
  }
  const { default: autocannon } = await import('autocannon')
  const r = await autocannon({ url, connections: Number(values.connections), duration: Number(values.duration), headers })
  return { rps: Math.round(r.requests.average), p50: `${r.latency.p50}ms`, p99: `${r.latency.p99}ms`, non2xx: r.non2xx }
}

try {
  const mastheadUrl = `http://127.0.0.1:${port}${articlePath}`
  const nginxUrl = `http://127.0.0.1:${nginxPort}${articlePath}`
  const check = await fetch(nginxUrl, { headers })
  if (Buffer.compare(Buffer.from(await check.arrayBuffer()), bytes) !== 0 && !values.gzip) throw new Error('nginx does not serve the same bytes')
  await load(mastheadUrl) // warm-up
  const rounds = []
  for (let round = 0; round < Number(values.rounds); round++) {
    const nginxFirst = round % 2 === 1
    const first = await load(nginxFirst ? nginxUrl : mastheadUrl)
    const second = await load(nginxFirst ? mastheadUrl : nginxUrl)
    const [m, n] = nginxFirst ? [second, first] : [first, second]
    rounds.push({ masthead: m, nginx: n, ratio: Number((m.rps / n.rps).toFixed(3)), loadAverage1m: Number(os.loadavg()[0].toFixed(2)) })
  }
  // The round with the median ratio stands for the run.
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((rounds.length - 1) / 2)]
  const { masthead, nginx: nginxResult } = median
  const baselines = {}
  if (values.baselines && !values.gzip) {
    for (const [i, mode] of ['http', 'net'].entries()) {
      const barePort = nginxPort + 1 + i
      const bare = spawn(process.execPath, [path.join(root, 'bench/bare-node-server.js'), mode, String(barePort), path.join(docroot, articlePath, 'index.html')], { stdio: 'inherit' })
      await new Promise((r) => setTimeout(r, 500))
      try {
        const result = await load(`http://127.0.0.1:${barePort}/`)
        baselines[`bareNode_${mode}`] = { ...result, ratio: Number((result.rps / nginxResult.rps).toFixed(3)) }
      } finally {
        bare.kill('SIGTERM')
      }
    }
  }
  console.log(JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    tool: hasWrk ? 'wrk -t2' : 'autocannon',
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    workers: Number(values.workers),
    socketFastPath: process.env.MASTHEAD_SOCKET_FAST_PATH !== '0',
    encoding: values.gzip ? 'gzip' : 'identity',
    pageBytes: bytes.length,
    masthead,
    nginx: nginxResult,
    ratio: median.ratio,
    ...(rounds.length > 1 ? { rounds: rounds.map((r) => `${r.masthead.rps} / ${r.nginx.rps} = ${r.ratio} (load ${r.loadAverage1m})`) } : {}),
    ...baselines,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    node: process.version,
  }, null, 2))
} finally {
  server.kill('SIGTERM')
  nginx.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 300))
  fs.rmSync(work, { recursive: true, force: true })
}
