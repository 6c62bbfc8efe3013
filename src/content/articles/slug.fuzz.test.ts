import fc from 'fast-check'
import { describe, it } from 'vitest'
import { anyText, fuzzParams } from '../../../test/support/fuzz.js'
import { RESERVED_SLUGS, SLUG_RE, slugify, uniqueSlug } from './slug.js'

describe('slugify and uniqueSlug, on arbitrary text', () => {
  it('always make a valid slug of at most 96 characters', () => {
    fc.assert(fc.property(anyText, (text) => {
      const slug = slugify(text)
      return SLUG_RE.test(slug) && [...slug].length <= 96
    }), fuzzParams())
  })

  it('are idempotent: a slug is its own slug', () => {
    fc.assert(fc.property(anyText, (text) => slugify(slugify(text)) === slugify(text)), fuzzParams())
  })

  it('never hand out a reserved or taken slug', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(anyText.map(slugify), fc.constantFrom(...RESERVED_SLUGS)), fc.array(fc.nat({ max: 5 })), async (base, takenSuffixes) => {
      const taken = new Set(takenSuffixes.map((n) => (n < 2 ? base : `${base}-${n}`)))
      const slug = await uniqueSlug(base, async (candidate) => taken.has(candidate))
      return !RESERVED_SLUGS.has(slug) && !taken.has(slug) && SLUG_RE.test(slug)
    }), fuzzParams())
  })
})
