/** Staff roles, from the least trusted up. */
export const ROLES = ['contributor', 'author', 'editor', 'administrator'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  administrator: 'Administrator',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/**
 * The roles a staff member may hand out: editors invite below administrator, administrators anyone.
 * @example invitableRoles('editor') // ['contributor', 'author', 'editor']
 */
export function invitableRoles(role: Role): Role[] {
  if (role === 'administrator') return [...ROLES]
  if (role === 'editor') return ['contributor', 'author', 'editor']
  return []
}
