import { describe, expect, it } from 'vitest'
import { MAX_SIMPLE_REQUEST_BYTES, parseSimpleRequest } from './simple-request.js'

const parse = (text: string) => parseSimpleRequest(Buffer.from(text, 'latin1'))
const page = (headers = 'Host: news.test\r\n', line = 'GET /harbour-report/ HTTP/1.1') => `${line}\r\n${headers}\r\n`

describe('simple requests the fast path may answer', () => {
  it('reads a GET and a HEAD with the headers a cached answer depends on', () => {
    expect(parse(page())).toEqual({ method: 'GET', target: '/harbour-report/' })
    expect(parse(page('Host: news.test\r\n', 'HEAD / HTTP/1.1'))).toEqual({ method: 'HEAD', target: '/' })
    const request = parse(page('Host: news.test\r\nAccept-Encoding:  gzip, br \t\r\nIF-NONE-MATCH: "abc-br"\r\nif-modified-since:Thu, 01 Jan 1970 00:00:00 GMT\r\nUser-Agent: test/1.0\r\nX-Empty:\r\n'))
    expect(request).toEqual({ method: 'GET', target: '/harbour-report/', acceptEncoding: 'gzip, br', ifNoneMatch: '"abc-br"', ifModifiedSince: 'Thu, 01 Jan 1970 00:00:00 GMT' })
  })

  it('keeps percent-encoded paths exactly as sent', () => {
    expect(parse(page('Host: x\r\n', 'GET /caf%C3%A9/ HTTP/1.1'))?.target).toBe('/caf%C3%A9/')
    expect(parse(page('Host: x\r\n', "GET /a-b_c.d~e!$&'()*+,;=:@/ HTTP/1.1"))?.target).toBe("/a-b_c.d~e!$&'()*+,;=:@/")
  })
})

describe('everything else is left to Node', () => {
  it.each([
    ['another method', page('Host: x\r\n', 'POST / HTTP/1.1')],
    ['a lower-case method', page('Host: x\r\n', 'get / HTTP/1.1')],
    ['OPTIONS', page('Host: x\r\n', 'OPTIONS * HTTP/1.1')],
    ['CONNECT', page('Host: x\r\n', 'CONNECT news.test:443 HTTP/1.1')],
    ['HTTP/1.0', page('Host: x\r\n', 'GET / HTTP/1.0')],
    ['HTTP/2.0', page('Host: x\r\n', 'GET / HTTP/2.0')],
    ['no version', page('Host: x\r\n', 'GET /')],
    ['two spaces', page('Host: x\r\n', 'GET  / HTTP/1.1')],
    ['a tab for a space', page('Host: x\r\n', 'GET\t/ HTTP/1.1')],
    ['a space after the version', page('Host: x\r\n', 'GET / HTTP/1.1 ')],
    ['absolute-form', page('Host: x\r\n', 'GET http://x/ HTTP/1.1')],
    ['a query', page('Host: x\r\n', 'GET /?a=1 HTTP/1.1')],
    ['a fragment', page('Host: x\r\n', 'GET /#a HTTP/1.1')],
    ['a backslash', page('Host: x\r\n', 'GET /a\\b HTTP/1.1')],
    ['a bad percent escape', page('Host: x\r\n', 'GET /a%zz/ HTTP/1.1')],
    ['a cut percent escape', page('Host: x\r\n', 'GET /a%2 HTTP/1.1')],
    ['a non-ASCII byte in the path', page('Host: x\r\n', 'GET /caf\xe9/ HTTP/1.1')],
    ['no Host', page('User-Agent: x\r\n')],
    ['two Hosts', page('Host: a\r\nHost: b\r\n')],
    ['Content-Length', page('Host: x\r\nContent-Length: 0\r\n')],
    ['Transfer-Encoding', page('Host: x\r\nTransfer-Encoding: chunked\r\n')],
    ['Transfer-Encoding in lower case', page('Host: x\r\ntransfer-encoding: chunked\r\n')],
    ['a space before the colon', page('Host: x\r\nTransfer-Encoding : chunked\r\n')],
    ['a space before the colon of a harmless header', page('Host: x\r\nAccept : */*\r\n')],
    ['Content-Length and Transfer-Encoding', page('Host: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n')],
    ['Connection', page('Host: x\r\nConnection: close\r\n')],
    ['Upgrade', page('Host: x\r\nUpgrade: websocket\r\n')],
    ['Expect', page('Host: x\r\nExpect: 100-continue\r\n')],
    ['TE', page('Host: x\r\nTE: trailers\r\n')],
    ['obs-fold', page('Host: x\r\nUser-Agent: a\r\n b\r\n')],
    ['obs-fold with a tab', page('Host: x\r\nUser-Agent: a\r\n\tb\r\n')],
    ['a header line without a colon', page('Host: x\r\nUser-Agent\r\n')],
    ['an empty header name', page('Host: x\r\n: x\r\n')],
    ['a separator in a header name', page('Host: x\r\nX(y): z\r\n')],
    ['a bare LF inside a line', page('Host: x\r\nX-A: a\nTransfer-Encoding: chunked\r\n')],
    ['a bare CR inside a value', page('Host: x\r\nX-A: a\rb\r\n')],
    ['a NUL byte', page('Host: x\r\nX-A: a\x00b\r\n')],
    ['a DEL byte', page('Host: x\r\nX-A: a\x7fb\r\n')],
    ['obs-text', page('Host: x\r\nUser-Agent: caf\xe9\r\n')],
    ['two Accept-Encodings', page('Host: x\r\nAccept-Encoding: br\r\nAccept-Encoding: gzip\r\n')],
    ['two If-None-Matches', page('Host: x\r\nIf-None-Match: "a"\r\nIf-None-Match: "b"\r\n')],
    ['two If-Modified-Sinces', page('Host: x\r\nIf-Modified-Since: a\r\nIf-Modified-Since: b\r\n')],
  ])('%s', (_what, text) => {
    expect(parse(text)).toBeNull()
  })

  it('an unfinished head, or one ended with bare LFs', () => {
    expect(parse('GET / HTTP/1.1\r\nHost: x\r\n')).toBeNull()
    expect(parse('GET / HTTP/1.1\r\nHost: x')).toBeNull()
    expect(parse('GET / HTTP/1.1\nHost: x\n\n')).toBeNull()
    expect(parse('GET / HTTP/1.1\r\nHost: x\n\r\n')).toBeNull()
    expect(parse('')).toBeNull()
  })

  it('anything after the head: a pipelined request, or a body smuggled behind a GET', () => {
    expect(parse(`${page()}${page()}`)).toBeNull()
    expect(parse(`${page()}GET /admin/ HTTP/1.1\r\n`)).toBeNull()
    expect(parse(`${page()}x`)).toBeNull()
  })

  it('empty lines before the request line', () => {
    expect(parse(`\r\n${page()}`)).toBeNull()
  })

  it('heads over the size limit, and too many header lines', () => {
    const long = page(`Host: x\r\nX-Long: ${'a'.repeat(MAX_SIMPLE_REQUEST_BYTES)}\r\n`)
    expect(parse(long)).toBeNull()
    expect(parse(page(`Host: x\r\n${'X-A: 1\r\n'.repeat(100)}`))).toBeNull()
    expect(parse(page(`Host: x\r\n${'X-A: 1\r\n'.repeat(20)}`))).not.toBeNull()
  })

  it('reads a view into a larger buffer only within the view', () => {
    const whole = Buffer.from(`junk${page()}junk`, 'latin1')
    expect(parseSimpleRequest(whole.subarray(4, whole.length - 4))?.target).toBe('/harbour-report/')
  })
})
