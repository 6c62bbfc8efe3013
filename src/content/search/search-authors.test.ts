import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { ensurePerson, updatePerson } from '../people/person.repo.js'
import { authorsForSearch } from './search-authors.js'

const now = new Date(TEST_NOW)

describe('the authors offered by the search form', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeEach(async () => { site = await createTestSite() })
  afterEach(async () => { await site.close() })
  const names = async () => (await authorsForSearch(site.db)).map((p) => p.name)

  it('lists everyone by name, and follows every addition and rename at once', async () => {
    await ensurePerson(site.db, { name: 'Ola Berg' }, now)
    expect(await names()).toEqual(['Ola Berg'])
    expect(await names()).toEqual(['Ola Berg'])
    const mara = await ensurePerson(site.db, { name: 'Mara Lind' }, now)
    expect(await names()).toEqual(['Mara Lind', 'Ola Berg'])
    await updatePerson(site.db, mara.id, { name: 'Petra Lind' }, now)
    expect(await names()).toEqual(['Ola Berg', 'Petra Lind'])
  })

  it('gives slugs and names, not biographies', async () => {
    await ensurePerson(site.db, { name: 'Ola Berg', bio: 'Harbour reporter.' }, now)
    expect(await authorsForSearch(site.db)).toEqual([{ id: expect.any(String), slug: 'ola-berg', name: 'Ola Berg' }])
  })
})
