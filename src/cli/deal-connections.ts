import type { Worker } from 'node:cluster'
import type http from 'node:http'
import net from 'node:net'

/**
 * With several workers the primary listens, and hands each connection it accepts to the worker
 * that holds the fewest open connections. Neither of Node's cluster policies balances a burst:
 * with SCHED_NONE the worker that wakes first accepts all it can (8 connections opened at once
 * went 8/0, 7/1 and 1/7), and SCHED_RR hands the next one to whichever worker acknowledged the
 * last one first (6/2, 5/3). A keep-alive connection then stays where it landed, and one worker
 * answers most requests while the other idles. Dealing costs one message each way per connection,
 * not per request (see BENCHMARKS.md, "connections dealt by the primary").
 */

/** Messages between the primary and a worker; Node's own cluster messages are never these. */
type DealerMessage = { masthead: 'ready' } | { masthead: 'connection' } | { masthead: 'closed' }

const isDealerMessage = (message: unknown, kind: DealerMessage['masthead']): boolean =>
  typeof message === 'object' && message !== null && (message as { masthead?: unknown }).masthead === kind

export interface ConnectionDealer {
  /** Starts accepting on `port` and `host`; rejects when the address cannot be taken. */
  listen(port: number, host: string): Promise<void>
  /** Deals connections to `worker` once it says it is ready, until it exits. */
  add(worker: Worker): void
  /** Open connections each ready worker holds, in the order they were added. */
  load(): number[]
  /** Stops accepting; open connections stay with their workers. */
  close(): Promise<void>
  /** Called with each worker that says it is ready. */
  onReady(listener: (worker: Worker) => void): void
}

/** The primary's side: see the module comment. */
export function connectionDealer(): ConnectionDealer {
  const open = new Map<Worker, number>()
  const readyListeners: ((worker: Worker) => void)[] = []
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    const worker = leastLoaded()
    if (!worker) {
      socket.destroy()
      return
    }
    open.set(worker, (open.get(worker) ?? 0) + 1)
    worker.send({ masthead: 'connection' } satisfies DealerMessage, socket, (error) => {
      if (!error) return
      // The worker went away meanwhile: the client reconnects, as after any dropped connection.
      socket.destroy()
      if (open.has(worker)) open.set(worker, open.get(worker)! - 1)
    })
  })

  /** The ready worker with the fewest open connections; on a tie, the one that has gone longest without one. */
  function leastLoaded(): Worker | undefined {
    let best: Worker | undefined
    for (const [worker, count] of open) {
      if (best === undefined || count < open.get(best)!) best = worker
    }
    if (best) {
      // Moved to the end: among equals, the next connection goes to another worker.
      const count = open.get(best)!
      open.delete(best)
      open.set(best, count)
    }
    return best
  }

  return {
    listen: (port, host) => new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    }),
    add(worker) {
      worker.on('message', (message: unknown) => {
        if (isDealerMessage(message, 'ready')) {
          open.set(worker, 0)
          for (const listener of readyListeners) listener(worker)
        } else if (isDealerMessage(message, 'closed') && open.has(worker)) {
          open.set(worker, Math.max(0, open.get(worker)! - 1))
        }
      })
      worker.once('exit', () => open.delete(worker))
    },
    load: () => [...open.values()],
    close: () => new Promise((resolve) => server.close(() => resolve())),
    onReady: (listener) => readyListeners.push(listener),
  }
}

/**
 * A worker's side: `server` answers the connections the primary hands it instead of listening
 * itself. It emits 'listening' as a listening server would, which also starts Node's checks of
 * request and header timeouts, and its tracking of connections for closeIdleConnections().
 */
export function takeDealtConnections(server: http.Server): void {
  const send = (message: DealerMessage) => {
    if (process.connected) process.send?.(message)
  }
  process.on('message', (message: unknown, socket: unknown) => {
    if (!isDealerMessage(message, 'connection') || !(socket instanceof net.Socket)) return
    socket.once('close', () => send({ masthead: 'closed' }))
    server.emit('connection', socket)
    socket.resume()
  })
  server.emit('listening')
  send({ masthead: 'ready' })
}
