import { loadSharp } from './load-sharp.js'

/**
 * Draws the site icon: a white "M" on the masthead red, as a square PNG. Drawn from shapes,
 * not text, so it needs no fonts on the server.
 * @example const png = await drawSiteIcon(512)
 */
export async function drawSiteIcon(size: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
<rect width="512" height="512" rx="96" fill="#a4161a"/>
<polyline points="120,380 120,140 256,300 392,140 392,380" fill="none" stroke="#fdfcf9" stroke-width="60" stroke-linejoin="miter" stroke-linecap="square"/>
</svg>`
  const sharp = await loadSharp()
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}
