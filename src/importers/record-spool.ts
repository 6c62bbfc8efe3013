import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'

/**
 * Values set aside in a temporary file, to be read back later in the order they came: memory
 * holds one at a time however many there are. The file is made on the first `push` and removed
 * by `dispose`. Values go through the structured clone format (`v8.serialize`), so dates, maps
 * and nested objects come back as they went in.
 * @example const spool = new RecordSpool<Rec>(); spool.push(a); for (const rec of spool.drain()) …; spool.dispose()
 */
export class RecordSpool<T> {
  private dir: string | undefined
  private fd: number | undefined
  private written = 0
  /** Values pushed and not yet read back. */
  count = 0
  /** Bytes pushed so far and bytes read back so far, for progress. */
  bytes = 0
  bytesRead = 0

  push(value: T): void {
    if (this.fd === undefined) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-spool-'))
      this.fd = fs.openSync(path.join(this.dir, 'records'), 'w+')
    }
    const body = v8.serialize(value)
    const length = Buffer.alloc(4)
    length.writeUInt32LE(body.length)
    this.written += writeAll(this.fd, length, this.written)
    this.written += writeAll(this.fd, body, this.written)
    this.bytes += 4 + body.length
    this.count++
  }

  /** Reads back every value pushed, in order (once). */
  *drain(): Generator<T> {
    if (this.fd === undefined) return
    let at = 0
    const length = Buffer.alloc(4)
    while (this.count > 0) {
      at += readAll(this.fd, length, at)
      const body = Buffer.alloc(length.readUInt32LE())
      at += readAll(this.fd, body, at)
      this.count--
      this.bytesRead = at
      yield v8.deserialize(body) as T
    }
  }

  /** Removes the file; the spool is empty afterwards. */
  dispose(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd)
    if (this.dir !== undefined) fs.rmSync(this.dir, { recursive: true, force: true })
    this.fd = undefined
    this.dir = undefined
    this.count = 0
  }
}

function writeAll(fd: number, buffer: Buffer, position: number): number {
  let done = 0
  while (done < buffer.length) done += fs.writeSync(fd, buffer, done, buffer.length - done, position + done)
  return done
}

function readAll(fd: number, buffer: Buffer, position: number): number {
  let done = 0
  while (done < buffer.length) {
    const n = fs.readSync(fd, buffer, done, buffer.length - done, position + done)
    if (n === 0) throw new Error('the spool file ended early')
    done += n
  }
  return done
}
