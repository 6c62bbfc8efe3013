import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { readChangeMarker } from '../site-changes.js'
import { addCorrection } from './add-correction.js'
import { listCorrections } from './correction.repo.js'
import { deleteCorrection } from './delete-correction.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

describe('corrections and update notes', () => {
  it('adds trimmed notes to a public article, listed oldest first, and marks the site changed', async () => {
    const article = await addArticle(site.db, { headline: 'Quay reopens' })
    const marker = await readChangeMarker(site.db)
    const update = await addCorrection(site.db, article.id, { kind: 'update', text: '  The ferry runs again too.  ' }, later(20), 'alice')
    const correction = await addCorrection(site.db, article.id, { kind: 'correction', text: 'An earlier version gave the wrong date.' }, later(10), 'bob')
    expect(update.ok && update.value).toMatchObject({ kind: 'update', text: 'The ferry runs again too.', notedAt: later(20), createdBy: 'alice' })
    expect(correction.ok).toBe(true)
    expect(await readChangeMarker(site.db)).not.toBe(marker)
    expect((await listCorrections(site.db, article.id)).map((n) => [n.kind, n.notedAt])).toEqual([['correction', later(10)], ['update', later(20)]])
  })

  it('takes a scheduled article once its time has come, but no draft or article still waiting', async () => {
    const due = await addArticle(site.db, { headline: 'Due', status: 'scheduled', publishedAt: later(5) })
    const draft = await addArticle(site.db, { headline: 'Draft', status: 'draft' })
    const note = { kind: 'correction' as const, text: 'Fixed a name.' }
    expect(await addCorrection(site.db, due.id, note, later(1), null)).toEqual({ ok: false, error: { type: 'not-public', status: 'scheduled', publishedAt: later(5) } })
    expect((await addCorrection(site.db, due.id, note, later(6), null)).ok).toBe(true)
    expect(await addCorrection(site.db, draft.id, note, now, null)).toEqual({ ok: false, error: { type: 'not-public', status: 'draft', publishedAt: null } })
    expect(await addCorrection(site.db, 'missing', note, now, null)).toEqual({ ok: false, error: { type: 'not-found' } })
  })

  it('refuses an empty or overlong text and an unknown kind, naming the fields', async () => {
    const article = await addArticle(site.db, { headline: 'Quay reopens' })
    const fields = async (input: { kind: 'correction'; text: string }) => {
      const result = await addCorrection(site.db, article.id, input, now, null)
      return !result.ok && result.error.type === 'invalid' ? result.error.issues.map((i) => i.field) : []
    }
    expect(await fields({ kind: 'correction', text: '   ' })).toEqual(['text'])
    expect(await fields({ kind: 'correction', text: 'x'.repeat(2001) })).toEqual(['text'])
    expect(await fields({ kind: 'retraction' as 'correction', text: 'ok' })).toEqual(['kind'])
    expect((await addCorrection(site.db, article.id, { kind: 'correction', text: 'x'.repeat(2000) }, now, null)).ok).toBe(true)
  })

  it('deletes a note, and says when there was none', async () => {
    const article = await addArticle(site.db, { headline: 'Quay reopens' })
    const added = await addCorrection(site.db, article.id, { kind: 'update', text: 'More boats.' }, now, null)
    const id = added.ok ? added.value.id : ''
    expect(await deleteCorrection(site.db, id, later(1))).toBe(true)
    expect(await deleteCorrection(site.db, id, later(2))).toBe(false)
    expect(await listCorrections(site.db, article.id)).toEqual([])
  })

  it('shows the notes under the article body with kind, date and escaped text', async () => {
    const article = await addArticle(site.db, { headline: 'Quay reopens', body: { format: 'markdown', source: 'The quay is open.' } })
    expect(await (await site.app.request(`/${article.slug}/`)).text()).not.toContain('Corrections and updates')
    await addCorrection(site.db, article.id, { kind: 'correction', text: 'The quay is <b>not</b> in "Alder" & never was.' }, later(60), null)
    await addCorrection(site.db, article.id, { kind: 'update', text: 'Boats are back.' }, later(120), null)
    const html = await (await site.app.request(`/${article.slug}/`)).text()
    const section = html.slice(html.indexOf('<section class="notes"'), html.indexOf('</section>') + 10)
    expect(html.indexOf('The quay is open.')).toBeLessThan(html.indexOf('<section class="notes"'))
    expect(section).toContain('<h2 id="notes-title">Corrections and updates</h2>')
    expect(section).toContain(`<strong>Correction</strong> <time datetime="${later(60).toISOString()}">1 June 2026</time>`)
    expect(section).toContain('The quay is &lt;b&gt;not&lt;/b&gt; in &quot;Alder&quot; &amp; never was.')
    expect(section).toContain('<strong>Update</strong>')
    expect(section.indexOf('Correction')).toBeLessThan(section.indexOf('Update'))
  })
})
