import { describe, expect, it } from 'vitest'
import { inBatches } from './batches.js'

describe('inBatches', () => {
  it('loads consecutive slices and keeps their order', async () => {
    const slices: number[][] = []
    const doubled = await inBatches([1, 2, 3, 4, 5], async (slice) => { slices.push(slice); return slice.map((n) => n * 2) }, 2)
    expect(slices).toEqual([[1, 2], [3, 4], [5]])
    expect(doubled).toEqual([2, 4, 6, 8, 10])
    expect(await inBatches([], async () => [1])).toEqual([])
  })
})
