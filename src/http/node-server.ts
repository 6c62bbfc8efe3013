import http from 'node:http'
import { getRequestListener } from '@hono/node-server'
import type { Hono } from 'hono'
import { answerHitsOnSocket } from './fast-path/socket-fast-path.js'
import type { PageCache } from './page-cache.js'

/** How long a client may take over each part of a request, in milliseconds. */
export interface ServerTimeouts {
  /** To send the whole request head; a slow-loris client sending it a byte at a time is cut off here. */
  headersTimeout: number
  /** To send the whole request, body included: room for a 20 MB picture upload at 1.5 Mbit/s. */
  requestTimeout: number
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeout: number
  /** How often Node checks connections against the two timeouts above. */
  connectionsCheckingInterval: number
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeout: 20_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 2_000,
}

/**
 * The Node HTTP server for the app: cache hits are answered from the socket before Node's HTTP
 * parser while a connection sends only simple requests (see `answerHitsOnSocket`), or else
 * written straight to the Node response; everything else goes through the router, and clients that hold a connection with a partial request are
 * cut off (408) instead of tying up the server.
 * @example createNodeServer(app, cache).listen(3000)
 */
export function createNodeServer(app: Hono, cache: PageCache | undefined, timeouts: ServerTimeouts = SERVER_TIMEOUTS, { socketFastPath = true } = {}): http.Server {
  const routed = getRequestListener(app.fetch)
  const server = http.createServer({ connectionsCheckingInterval: timeouts.connectionsCheckingInterval }, (req, res) => {
    if (!cache?.serveNode(req, res)) void routed(req, res)
  })
  server.headersTimeout = timeouts.headersTimeout
  server.requestTimeout = timeouts.requestTimeout
  server.keepAliveTimeout = timeouts.keepAliveTimeout
  return cache && socketFastPath ? answerHitsOnSocket(server, cache) : server
}
