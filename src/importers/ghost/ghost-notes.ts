/** What the summary says about a Ghost export after its records are read. */
export type GhostNoteKind = 'sent' | 'members-only' | 'hero-dropped' | 'empty-body' | 'slug-replaced' | 'unscheduled' | 'unresolved-uploads'

const LABEL: Record<GhostNoteKind, string> = {
  'sent': 'newsletter-only posts (status "sent") imported as drafts',
  'members-only': 'members-only posts, public here',
  'hero-dropped': 'feature images left out: no absolute address (the export does not state the site URL)',
  'empty-body': 'posts with neither HTML nor plain text (mobiledoc and lexical are not rendered), imported with an empty body',
  'slug-replaced': 'slugs this site reserves or cannot use, replaced by one from the headline (the old URL redirects)',
  'unscheduled': 'scheduled posts with no publication time, imported as drafts',
  'unresolved-uploads': 'bodies whose uploads under /content/ stay relative (the site URL is unknown)',
}
const LISTED = 5

/**
 * Collects the posts worth a word in the summary, by kind, and prints one line per kind.
 * @example const notes = new GhostNotes(); notes.add('sent', 'post 1 (slug a)'); notes.lines() // ['newsletter-only posts (status "sent") imported as drafts: 1 (post 1 (slug a))']
 */
export class GhostNotes {
  private readonly posts = new Map<GhostNoteKind, string[]>()

  add(kind: GhostNoteKind, post: string): void {
    const list = this.posts.get(kind)
    if (list) list.push(post)
    else this.posts.set(kind, [post])
  }

  lines(): string[] {
    return [...this.posts].map(([kind, posts]) => {
      const listed = posts.slice(0, LISTED).join('; ') + (posts.length > LISTED ? `; and ${posts.length - LISTED} more` : '')
      return `${LABEL[kind]}: ${posts.length} (${listed})`
    })
  }
}
