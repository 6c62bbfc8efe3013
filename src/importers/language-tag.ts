const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/**
 * Turns the language names that exports and pages carry (`en_US`, `EN-gb`, `pt-br`) into a
 * language tag an article accepts (`en-US`, `en-GB`, `pt-BR`); undefined when it is not one.
 * @example toLanguageTag('en_us') // 'en-US'
 * @example toLanguageTag('English') // undefined
 */
export function toLanguageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const [language = '', ...rest] = value.trim().replace(/_/g, '-').split('-')
  const subtags = rest.map((s) => (/^[a-z]{2}$/i.test(s) ? s.toUpperCase() : s))
  const tag = [language.toLowerCase(), ...subtags].join('-')
  return LANGUAGE_TAG.test(tag) ? tag : undefined
}
