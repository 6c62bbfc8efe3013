import { encode } from 'uqr'

/**
 * A QR code as an inline SVG: one path of dark squares on a white ground (with the four-module
 * quiet zone scanners need), drawn with presentation attributes only, so the admin's CSP (no
 * inline styles) lets it through.
 * @example <QrCode text={totpUri(secret, email, siteTitle)} label="QR code for your authenticator app" />
 */
export function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const qr = encode(text, { ecc: 'M', border: 4 })
  // One rectangle per horizontal run of dark modules keeps the path short.
  let d = ''
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue
      const start = x
      while (row[x + 1]) x++
      const run = x - start + 1
      d += `M${start} ${y}h${run}v1h-${run}z`
    }
  })
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${qr.size} ${qr.size}`} width={size} height={size} role="img" aria-label={label} shape-rendering="crispEdges" class="qr">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
