/** The small references an article carries to its section, tags and authors. */
export interface SectionRef {
  id: string
  slug: string
  name: string
}

export interface TagRef {
  id: string
  slug: string
  name: string
}

export interface PersonRef {
  id: string
  slug: string
  name: string
}

export interface Section extends SectionRef {
  description: string
}

export interface Tag extends TagRef {
  description: string
}

export interface Person extends PersonRef {
  bio: string
}
