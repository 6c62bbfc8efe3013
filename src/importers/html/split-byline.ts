/** Job titles that follow a name in a byline (`Jane Doe, Staff Writer`): not people. */
const ROLE = /^(?:(?:the\s+)?(?:staff|senior|chief|special|contributing|political|foreign|science|business|sports)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|photographer)s?$/i
const LONGEST_NAME = 100

/**
 * Splits a page's byline into author names: a leading "By" goes, names are separated by commas,
 * semicolons, "and", "&" or " | ", and parts that are not names are dropped: anything with a
 * digit (bylines often carry the date and time instead of a name), job titles, and long text.
 * @example splitByline('By Ana Ruiz and Tom Ek') // ['Ana Ruiz', 'Tom Ek']
 * @example splitByline('April 28, 2019 at 6:01 am') // []
 */
export function splitByline(byline: string | null | undefined): string[] {
  if (!byline) return []
  const names = byline
    .replace(/\s+/g, ' ')
    .split(/\s*(?:[,;]|\s\|\s|\s&\s|\band\b)\s*/i)
    .map((part) => trimEnd(part.replace(/^by\b:?\s*/i, '').replace(/^[\s\-–—:]+/, ''), /[\s\-–—:.]/).trim())
    .filter((part) => part !== '' && !/\d/.test(part) && !ROLE.test(part) && part.length <= LONGEST_NAME)
  return [...new Set(names)]
}

/**
 * `text` without the characters matching `char` at its end: /[…]+$/ would retry a long run of
 * them from each of its characters.
 * @example trimEnd('Ana --.', /[\s\-.]/) // 'Ana'
 */
function trimEnd(text: string, char: RegExp): string {
  let end = text.length
  while (end > 0 && char.test(text[end - 1]!)) end--
  return text.slice(0, end)
}
