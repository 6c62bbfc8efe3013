import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * A webhook receiver on 127.0.0.1 (a real port): records every request, answers with `answer`
 * (a status, or a function of the request's number from 1; `'hang'` never answers), and counts
 * events once per delivery id, as a receiver should.
 */
export async function startReceiver(answer: (n: number) => number | 'hang' = () => 200) {
  const received: ReceivedDelivery[] = []
  const counted = new Set<string>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const status = answer(received.length)
      if (status === 'hang') return
      if (status >= 200 && status < 300) counted.add(String(req.headers['x-masthead-delivery']))
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Distinct delivery ids answered with success. */
    counted,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}
