import { describe, expect, it } from 'vitest'
import { toLanguageTag } from './language-tag.js'

describe('toLanguageTag', () => {
  it.each([
    ['en', 'en'], ['en_US', 'en-US'], ['en-us', 'en-US'], [' EN-gb ', 'en-GB'], ['pt_br', 'pt-BR'], ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('reads %j as %j', (input, tag) => expect(toLanguageTag(input)).toBe(tag))

  it.each([['English'], [''], ['e'], ['en US'], [null], [42]])('refuses %j', (input) => expect(toLanguageTag(input)).toBeUndefined())
})
