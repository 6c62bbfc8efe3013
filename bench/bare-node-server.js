#!/usr/bin/env node
// Headroom baselines for bench/article-vs-nginx.js: the same bytes from a bare Node server, no
// application at all. `http`: Node's HTTP server writing one fixed buffer (what any Node app
// answering through `http` can at best do). `net`: a socket server that only looks for the end of
// each request head and writes the prepared answer (what any Node answer from the socket can at
// best do; it parses nothing and is not a usable server).
// Usage: node bench/bare-node-server.js http|net PORT FILE
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'

const [mode, port, file] = process.argv.slice(2)
const body = fs.readFileSync(file)
const headers = ['Content-Type', 'text/html; charset=UTF-8', 'Content-Length', String(body.length)]
if (mode === 'http') {
  http.createServer((req, res) => { res.writeHead(200, headers); res.end(body) }).listen(Number(port), '127.0.0.1')
} else {
  const head = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n`
  net.createServer({ noDelay: true }, (socket) => {
    let pending = ''
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1')
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        pending = pending.slice(end + 4)
        socket.write(Buffer.concat([Buffer.from(`${head}Date: ${new Date().toUTCString()}\r\n\r\n`), body]))
      }
    })
    socket.on('error', () => socket.destroy())
  }).listen(Number(port), '127.0.0.1')
}
process.on('SIGTERM', () => process.exit(0))
