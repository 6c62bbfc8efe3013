/**
 * The default name of an export made at `now`: sortable, UTC, safe on every file system.
 * @example exportName(new Date('2026-06-01T12:00:00.000Z')) // 'masthead-export-20260601T120000Z'
 */
export function exportName(now: Date): string {
  return `masthead-export-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`
}
