import { createHash } from 'node:crypto'
import { loadSharp } from './load-sharp.js'

/**
 * Draws an abstract picture (sky, sun and layered hills or waves) whose colours and shapes
 * follow from `seed`, so each article gets its own picture and the same seed the same one.
 * @example const jpeg = await placeholderPicture('tide-tables', { width: 1600, height: 900 })
 */
export async function placeholderPicture(seed: string, { width = 1600, height = 900 } = {}): Promise<Buffer> {
  const sharp = await loadSharp()
  return sharp(Buffer.from(placeholderSvg(seed, width, height))).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}

export function placeholderSvg(seed: string, width: number, height: number): string {
  const bytes = createHash('sha256').update(seed).digest()
  const byte = (i: number) => bytes[i % bytes.length]!
  const hue = Math.round((byte(0) / 255) * 360)
  const sky = `hsl(${hue} 55% 78%)`
  const skyLow = `hsl(${(hue + 30) % 360} 60% 88%)`
  const sunX = Math.round(width * (0.15 + (byte(1) / 255) * 0.7))
  const sunY = Math.round(height * (0.18 + (byte(2) / 255) * 0.25))
  const sunR = Math.round(height * (0.07 + (byte(3) / 255) * 0.08))
  const layers = [0, 1, 2, 3].map((layer) => {
    const base = height * (0.45 + layer * 0.14)
    const amplitude = height * (0.04 + (byte(4 + layer) / 255) * 0.08)
    const waves = 1 + (byte(8 + layer) % 3)
    const phase = (byte(12 + layer) / 255) * Math.PI * 2
    const points: string[] = []
    for (let x = 0; x <= width; x += width / 40) {
      const y = base + Math.sin((x / width) * Math.PI * 2 * waves + phase) * amplitude
      points.push(`${x.toFixed(0)},${y.toFixed(0)}`)
    }
    const lightness = 58 - layer * 12
    const fill = `hsl(${(hue + 180 + layer * 12) % 360} 38% ${lightness}%)`
    return `<polygon points="0,${height} ${points.join(' ')} ${width},${height}" fill="${fill}"/>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${skyLow}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${sunY}" r="${sunR}" fill="hsl(${(hue + 60) % 360} 90% 92%)" opacity="0.9"/>
${layers.join('\n')}
</svg>`
}
