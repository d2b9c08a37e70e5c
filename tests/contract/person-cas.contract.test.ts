import { changePerson } from '../../functions/contexts/people/update-person'
import { persons } from '../../functions/store/collections'
import type { Store } from '../../functions/store/port'
import { aPersonRecord } from '../support/registry'
import { availableAdapters } from './adapters'

/**
 * Read-modify-write of a person record under concurrency, on every adapter: ten writers each
 * add their own entry to the same array at once, and all ten entries must be there after.
 * PGlite runs one transaction at a time, so only the PostgreSQL run can show a lost update.
 */
const { adapters } = availableAdapters()

describe.each(adapters)('person compare-and-set: $name', (adapter) => {
  let store: Store
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ store, dispose } = await adapter.open())
  })
  afterAll(() => dispose())

  it('loses none of ten concurrent additions', async () => {
    const p = aPersonRecord(1, { id: 'psn_cas_1', idHash: 'cas-1' })
    await store.insert(persons, p)
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        changePerson(store, p.id, (current) => ({
          enjoyments: [
            ...(current.enjoyments ?? []),
            {
              id: `enj_${i}`,
              policyId: `pol_${i}`,
              applicationType: null,
              label: `政策 ${i}`,
              from: '2026-01',
              to: null,
              source: 'test',
              at: '2026-11-30T00:00:00.000Z',
            },
          ],
        })),
      ),
    )
    const saved = await store.get(persons, p.id)
    expect(saved!.enjoyments!.map((e) => e.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `enj_${i}`).sort(),
    )
    expect(saved!.rev).toBe(10)
  })

  it('also inside transactions, as approvals run', async () => {
    const p = aPersonRecord(2, { id: 'psn_cas_2', idHash: 'cas-2' })
    await store.insert(persons, p)
    const groups = ['registered_unemployed', 'difficulty', 'graduate', 'veteran', 'relatively_poor'] as const
    await Promise.all(
      groups.map((group) =>
        store.transaction((tx) =>
          changePerson(tx, p.id, (current) => ({
            keyGroups: [...current.keyGroups, { group, since: '2026-11-30', source: 'test' }],
          })),
        ),
      ),
    )
    const saved = await store.get(persons, p.id)
    expect(saved!.keyGroups.map((g) => g.group).sort()).toEqual([...groups].sort())
  })
})
