import type http from 'node:http'
import net from 'node:net'

/** Listens on a free local port; resolves with the port and a stop function. */
export async function listen(server: http.Server): Promise<{ port: number; stop(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    port,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

/**
 * Sends bytes exactly as given (no URL normalising, unlike fetch) and resolves with everything
 * the server sent back once it closes the connection, and how long that took.
 * @example await rawRequest(port, 'GET /media/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
 */
export function rawRequest(port: number, bytes: string | Buffer, { timeoutMs = 10_000 } = {}): Promise<{ response: string; ms: number; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes))
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ response: Buffer.concat(chunks).toString('latin1'), ms: performance.now() - started, closedByServer: false })
    }, timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => { clearTimeout(timer); reject(error) })
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ response: Buffer.concat(chunks).toString('latin1'), ms: performance.now() - started, closedByServer: true })
    })
  })
}

/** The status code and headers of a raw HTTP/1.1 response. */
export function parseHead(response: string): { status: number; headers: [string, string][] } {
  const [head = ''] = response.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  return {
    status: Number(statusLine.split(' ')[1]),
    headers: lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as [string, string]),
  }
}
