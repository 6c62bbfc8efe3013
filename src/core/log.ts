/** The narrow logger the app needs; console satisfies it, tests pass a silent one. */
export interface Log {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

export const silentLog: Log = { info() {}, warn() {}, error() {} }

export const consoleLog: Log = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m, e) => console.error(m, e ?? ''),
}
