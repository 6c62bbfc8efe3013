/** What an import of a WXR file counted but did not turn into articles, for the summary. */
export interface WxrTally {
  comments: number
  attachments: number
  /** Items of other post types (nav_menu_item, wp_block, custom types), by type. */
  otherTypes: Map<string, number>
  trashed: number
  privateAsDraft: number
  protectedAsDraft: number
  undatedScheduledAsDraft: number
  unknownStatusAsDraft: Map<string, number>
  sticky: number
  missingPictures: number
}

/** A tally with nothing counted yet. */
export function newTally(): WxrTally {
  return {
    comments: 0, attachments: 0, otherTypes: new Map(), trashed: 0, privateAsDraft: 0, protectedAsDraft: 0,
    undatedScheduledAsDraft: 0, unknownStatusAsDraft: new Map(), sticky: 0, missingPictures: 0,
  }
}

/**
 * The tally as summary lines; counts of zero say nothing.
 * @example tallyNotes({ ...newTally(), comments: 32 }) // ['32 comments counted and skipped']
 */
export function tallyNotes(tally: WxrTally): string[] {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
  const asDrafts = (count: number) => (count === 1 ? 'as a draft' : 'as drafts')
  const listed = (counts: Map<string, number>) => [...counts].map(([name, count]) => `${count} ${name}`).join(', ')
  const otherTotal = [...tally.otherTypes.values()].reduce((a, b) => a + b, 0)
  const unknownTotal = [...tally.unknownStatusAsDraft.values()].reduce((a, b) => a + b, 0)
  return [
    tally.comments && `${n(tally.comments, 'comment')} counted and skipped`,
    tally.attachments && `${n(tally.attachments, 'attachment')} not imported as articles (used for featured pictures)`,
    otherTotal && `${n(otherTotal, 'item')} of other post types skipped (${listed(tally.otherTypes)})`,
    tally.trashed && `${n(tally.trashed, 'trashed item')} skipped`,
    tally.privateAsDraft && `${n(tally.privateAsDraft, 'private post')} imported ${asDrafts(tally.privateAsDraft)}`,
    tally.protectedAsDraft && `${n(tally.protectedAsDraft, 'password-protected post')} imported ${asDrafts(tally.protectedAsDraft)} (protected content is not published)`,
    tally.undatedScheduledAsDraft && `${n(tally.undatedScheduledAsDraft, 'scheduled post')} without a date imported ${asDrafts(tally.undatedScheduledAsDraft)}`,
    unknownTotal && `${n(unknownTotal, 'post')} with an unknown status imported ${asDrafts(unknownTotal)} (${listed(tally.unknownStatusAsDraft)})`,
    tally.sticky && `${n(tally.sticky, 'sticky post')} imported ${tally.sticky === 1 ? 'as an ordinary post' : 'as ordinary posts'}`,
    tally.missingPictures && `${n(tally.missingPictures, 'featured picture')} not found among the attachments, left out`,
  ].filter((note): note is string => typeof note === 'string')
}
