import fs from 'node:fs'
import { once } from 'node:events'

/** Writes one JSON document to a file piece by piece, waiting whenever the stream is full. */
export interface JsonFileWriter {
  /** Opens `"name": [`; items follow with `item`, and `endArray` closes it. */
  startArray(name: string): Promise<void>
  item(value: unknown): Promise<void>
  endArray(): Promise<void>
  /** Writes `"name": value` whole: for small values. */
  field(name: string, value: unknown): Promise<void>
  /** Closes the document and the file; resolves once every byte is on disk. */
  close(): Promise<void>
}

/**
 * Opens `file` for a top-level JSON object written in order, so the first field written is the
 * first in the file. Arrays get one item a line: readable, and diffs of two exports stay small.
 * @example
 * const out = await openJsonFileWriter('site.json')
 * await out.field('masthead_export', { version: 1 })
 * await out.startArray('articles'); await out.item({ id: '1' }); await out.endArray()
 * await out.close()
 */
export async function openJsonFileWriter(file: string): Promise<JsonFileWriter> {
  const stream = fs.createWriteStream(file, { flags: 'wx' })
  await once(stream, 'open')
  let fields = 0
  let items = 0
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain')
  }
  const key = (name: string) => `${fields++ === 0 ? '{\n' : ',\n'}${JSON.stringify(name)}: `
  return {
    startArray: async (name) => { items = 0; await write(`${key(name)}[`) },
    item: async (value) => { await write(`${items++ === 0 ? '\n' : ',\n'}${JSON.stringify(value)}`) },
    endArray: async () => { await write(items ? '\n]' : ']') },
    field: async (name, value) => { await write(key(name) + JSON.stringify(value, null, 2)) },
    close: async () => {
      stream.end(fields ? '\n}\n' : '{}\n')
      await once(stream, 'finish')
    },
  }
}
