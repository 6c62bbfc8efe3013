import pg from 'pg'

export interface Listener {
  /** Whether notifications are arriving now (connected and listening). */
  live(): boolean
  close(): Promise<void>
}

export interface ListenOptions {
  /** Called once listening begins, and again after each reconnection (notifications may have been missed). */
  onListening(): void
  onNotification(payload: string): void
  /** Wait before reconnecting after a lost connection (doubles up to 10 s). */
  retryMs?: number
}

/**
 * Keeps one connection to PostgreSQL listening on `channel`, reconnecting when it is lost. While
 * it is down `live()` is false, so callers fall back to asking the database.
 * @example const listener = listen(url, 'masthead_content', { onListening: reload, onNotification: (v) => marker = v })
 */
export function listen(url: string, channel: string, { onListening, onNotification, retryMs = 250 }: ListenOptions): Listener {
  let client: pg.Client | undefined
  let isLive = false
  let closed = false
  let retry = retryMs
  let timer: NodeJS.Timeout | undefined

  const connect = async () => {
    if (closed) return
    const next = new pg.Client({ connectionString: url })
    client = next
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onNotification(message.payload)
    })
    try {
      await next.connect()
      // The channel is a fixed name chosen by the caller, never input; identifiers cannot be bound.
      await next.query(`listen ${pg.escapeIdentifier(channel)}`)
      if (closed || client !== next) return
      isLive = true
      retry = retryMs
      onListening()
    } catch {
      lost(next)
    }
  }

  const lost = (which: pg.Client) => {
    if (client !== which) return
    isLive = false
    client = undefined
    which.end().catch(() => {})
    if (closed) return
    timer = setTimeout(() => void connect(), retry)
    timer.unref()
    retry = Math.min(retry * 2, 10_000)
  }

  void connect()
  return {
    live: () => isLive,
    close: async () => {
      closed = true
      isLive = false
      if (timer) clearTimeout(timer)
      const current = client
      client = undefined
      await current?.end().catch(() => {})
    },
  }
}
