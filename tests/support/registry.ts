import { type PersonRecord, persons } from '../../functions/store/collections'
import type { Store } from '../../functions/store/port'
import type { EmploymentStatus } from '../../shared/people/person'

/**
 * Registry rows written straight to the store, for tests and benchmarks that need many people
 * fast. The sealed fields are placeholders: nothing here reads them.
 */
export const aPersonRecord = (i: number, over: Partial<PersonRecord> = {}): PersonRecord => ({
  id: `psn_t${String(i).padStart(7, '0')}`,
  accountId: null,
  name: `居民${i}`,
  idNumberSealed: 'v1.sealed',
  idHash: `hash-${i}`,
  idNumberMasked: '320***********0000',
  phoneSealed: 'v1.sealed',
  phoneMasked: '139****0000',
  gender: i % 2 ? 'male' : 'female',
  birthDate: '1980-01-01',
  community: '320621100001',
  householdId: null,
  employmentStatus: 'unemployed',
  employmentSince: null,
  skills: [],
  jobWishes: { occupations: [], places: [], expectedPay: null },
  family: { householdSize: null, situation: null },
  policiesEnjoyed: [],
  keyGroups: [],
  registration: null,
  lastFollowupAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'test',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

/** Registered unemployed since January: a key group, so the monthly run follows them. */
export const REGISTERED: PersonRecord['keyGroups'] = [
  { group: 'registered_unemployed', since: '2026-01-01', source: 'test' },
]

const STATUSES: EmploymentStatus[] = ['unemployed', 'flexible', 'stable', 'no_wish']

/**
 * `n` people spread over two communities, statuses cycling, some followed up recently; most in a
 * key group (every 7th from 3 in none), every 11th from 5 past working age (born 1950).
 */
export const seedRegistry = async (store: Store, n: number, recent: (i: number) => string | null) => {
  const made: PersonRecord[] = []
  for (let i = 0; i < n; i++) {
    const p = aPersonRecord(i, {
      community: i % 3 === 0 ? '320621100002' : '320621100001',
      employmentStatus: STATUSES[i % 4]!,
      lastFollowupAt: recent(i),
      keyGroups:
        i % 10 === 0
          ? [{ group: 'difficulty', since: '2026-01-01', source: 'test' }]
          : i % 7 === 3
            ? []
            : [{ group: 'veteran', since: '2026-01-01', source: 'test' }],
      ...(i % 11 === 5 ? { birthDate: '1950-06-01' } : {}),
    })
    await store.insert(persons, p)
    made.push(p)
  }
  return made
}
