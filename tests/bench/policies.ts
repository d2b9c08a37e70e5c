/**
 * policy-match over a county-sized registry (BENCH_PERSONS, default 100,000) and every seeded
 * policy, against a floor measured in the same run: reading the same person records once, a
 * page at a time, as the job does. Two runs:
 *
 *  - first: everything published at once (a new deployment's catalogue) — every resident
 *    evaluated against every policy, reach records and messages written for the eligible;
 *  - one policy changed (a county edits a rule): its residents re-evaluated, nothing new sent;
 *  - every policy changed at once: the worst case of re-evaluation.
 */
import { performance } from 'node:perf_hooks'
import { runPolicyMatch } from '../../functions/contexts/policies/policy-match'
import { seedPolicyCatalogue } from '../../functions/contexts/policies/seed-catalogue'
import { regionsAtLevel } from '../../functions/contexts/regions/region-directory'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { fixedClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import { createLogger, setLogLevel } from '../../functions/platform/logger'
import { cards, type PersonRecord, persons, policies } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { KeyGroup } from '../../shared/people/person'
import { aPersonRecord } from '../support/registry'

const N = Number(process.env.BENCH_PERSONS ?? 100_000)
const at = new Date('2026-11-30T02:00:00.000Z')
const STATUSES = ['unemployed', 'flexible', 'stable', 'no_wish'] as const
const GROUPS: KeyGroup[][] = [
  [],
  [],
  [],
  ['registered_unemployed'],
  ['difficulty', 'registered_unemployed'],
  ['graduate'],
  ['returning_migrant'],
  ['veteran'],
  [],
  [],
]

/** A plausible registry: statuses, ages from 18 to 64, a tenth in key groups of each kind, some households and cards. */
const personAt = (i: number, communities: string[]): PersonRecord => {
  const groups = GROUPS[i % GROUPS.length]!
  return aPersonRecord(i, {
    community: communities[i % communities.length]!,
    employmentStatus: STATUSES[i % 4]!,
    employmentSince: `202${i % 6}-0${(i % 9) + 1}-15`,
    birthDate: `${1962 + (i % 46)}-0${(i % 9) + 1}-1${i % 10}`,
    keyGroups: groups.map((group) => ({ group, since: '2025-01-01', source: 'bench' })),
    registration: groups.includes('registered_unemployed')
      ? { certificateNo: `C${i}`, registeredAt: '2025-01-01' }
      : null,
    householdId: i % 20 < 2 ? `hh_bench_${Math.floor(i / 20)}` : null,
    hukou: i % 3 === 0 ? 'local_urban' : i % 3 === 1 ? 'local_rural' : null,
  })
}

export const benchPolicies = async () => {
  setLogLevel('warn')
  const communities = regionsAtLevel('community').map((c) => c.code)
  const store = await openPgliteStore()
  await migrate(store.sql)
  let t = performance.now()
  for (let start = 0; start < N; start += 5_000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(N, start + 5_000); i++) {
        await tx.insert(persons, personAt(i, communities))
        if (i % 10 === 4) {
          await tx.insert(cards, {
            id: `card_b${i}`,
            number: `B${i}`,
            personId: aPersonRecord(i).id,
            community: communities[i % communities.length]!,
            status: 'active',
            issuedAt: '2025-01-01T00:00:00.000Z',
            applicationId: 'bench',
            history: [],
            lastInspectedYear: 2025,
            inspections: [],
          })
        }
      }
    })
  }
  const log = createLogger({ bench: 'policies' })
  const count = await seedPolicyCatalogue(store, at, log)
  await store.sql.exec('ANALYZE')
  console.log(`seeded ${N} persons and ${count} policies in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  // Floor: every person record read once, a page of 100 at a time, as the job reads them.
  t = performance.now()
  let read = 0
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof store.find<typeof persons>>> = await store.find(persons, {
      where: [{ field: 'community', op: 'prefix', value: '320621' }],
      orderBy: [{ field: 'community', dir: 'asc' }],
      limit: 100,
      cursor,
    })
    read += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  const floorMs = performance.now() - t

  const env = parseEnv({ STORE: 'pglite', DATA_DIR: '/tmp/pes-bench', SESSION_SECRET: 'x'.repeat(32) })
  const deps = { env, store, clock: fixedClock(at), files: localFileStore('/tmp/pes-bench') }
  t = performance.now()
  const first = await runPolicyMatch(deps, at, log, 'manual', { budgetMs: 3_600_000 })
  const firstMs = performance.now() - t

  // The county changes one policy's rules: a new version, so all its residents are re-evaluated.
  await store.sql.exec(
    `UPDATE policies SET doc = doc || jsonb_build_object('needsMatch', true, 'version', (doc->>'version')::int + 1) WHERE id = 'pol_si_subsidy_difficulty'`,
  )
  t = performance.now()
  const one = await runPolicyMatch(deps, at, log, 'manual', { budgetMs: 3_600_000 })
  const oneMs = performance.now() - t

  // Every policy changes its rules at once: the worst case of re-evaluation.
  await store.sql.exec(
    `UPDATE policies SET doc = doc || jsonb_build_object('needsMatch', true, 'version', (doc->>'version')::int + 1)`,
  )
  t = performance.now()
  const again = await runPolicyMatch(deps, at, log, 'manual', { budgetMs: 3_600_000 })
  const againMs = performance.now() - t
  const policyCount = await store.count(policies)

  const perSecond = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US')
  console.log(`\npolicy-match: ${policyCount} policies × ${N} residents (embedded Postgres, in memory)\n`)
  const row = (label: string, f: (r: typeof first, ms: number) => string) =>
    console.log(`| ${label} | ${f(first, firstMs)} | ${f(one, oneMs)} | ${f(again, againMs)} |`)
  console.log('| figure | first run (all published) | one policy changed | every policy changed |')
  console.log('|---|---|---|---|')
  row('run time', (_, ms) => `${(ms / 1000).toFixed(1)} s`)
  row('residents per second', (_, ms) => perSecond(ms))
  row('residents evaluated', (r) => String(r.evaluated))
  row('residents notified', (r) => String(r.notified))
  row(`floor: read ${read} person records once`, () => `${(floorMs / 1000).toFixed(1)} s`)
  row('ratio to floor', (_, ms) => `${(ms / floorMs).toFixed(1)} ×`)
  await store.close()
}
