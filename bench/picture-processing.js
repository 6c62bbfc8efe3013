#!/usr/bin/env node
// Picture processing time: runs the built processPicture (dist/) on a photo-like 2000×1500 JPEG
// (the demo drawing with film-grain noise, so encoders meet detail as in a photograph) and prints
// the time per run, the variants and their bytes. Run `npm run build` first.
// Usage: node bench/picture-processing.js [--runs 3] [--width 2000] [--height 1500] [--grain 18] [--effort N]
// (--grain 0: the smooth drawing alone; --effort: AVIF encoder effort instead of AVIF_EFFORT)
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { placeholderSvg } from '../dist/images/placeholder-picture.js'
import { processPicture } from '../dist/images/process-picture.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, width: { type: 'string', default: '2000' }, height: { type: 'string', default: '1500' }, grain: { type: 'string', default: '18' }, effort: { type: 'string' } } })
const [runs, width, height] = [Number(values.runs), Number(values.width), Number(values.height)]

const drawing = await sharp(Buffer.from(placeholderSvg('bench', width, height))).removeAlpha().raw().toBuffer()
const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: Math.max(0.01, Number(values.grain)) } } }).raw().toBuffer()
const photo = Buffer.alloc(width * height * 3)
for (let i = 0; i < photo.length; i++) photo[i] = Math.max(0, Math.min(255, drawing[i] + grain[i] - 128))
const jpeg = await sharp(photo, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer()

console.log(`input: ${width}×${height} JPEG, ${(jpeg.length / 1024).toFixed(0)} KB; libvips threads ${sharp.concurrency()}`)
const times = []
const cpuTimes = [] // CPU time (all threads): steadier than wall time on a busy machine
for (let run = 1; run <= runs; run++) {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const picture = await processPicture(jpeg, values.effort === undefined ? {} : { avifEffort: Number(values.effort) })
  times.push(performance.now() - started)
  const used = process.cpuUsage(cpu)
  cpuTimes.push((used.user + used.system) / 1000)
  if (run === 1) {
    const byFormat = {}
    for (const v of picture.variants) byFormat[v.format] = (byFormat[v.format] ?? 0) + v.data.length
    console.log(`variants: ${picture.variants.map((v) => `${v.width}.${v.format} ${(v.data.length / 1024).toFixed(0)} KB`).join(', ')}`)
    console.log(`bytes by format: ${Object.entries(byFormat).map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KB`).join(', ')}; original ${(picture.original.length / 1024).toFixed(0)} KB`)
  }
  console.log(`run ${run}: ${times.at(-1).toFixed(0)} ms wall, ${cpuTimes.at(-1).toFixed(0)} ms CPU`)
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)].toFixed(0)
console.log(`median ${median(times)} ms wall, ${median(cpuTimes)} ms CPU`)
