/**
 * The monthly follow-up run over a county-sized registry (BENCH_PERSONS, default 100,000),
 * against a floor measured in the same run: a bare insert of the same number of task rows in
 * one loop. Reports persons per second, the ratio to the floor, and peak memory — which should
 * not grow with the registry (pages are streamed, nothing holds the whole registry).
 */
import { performance } from 'node:perf_hooks'
import { runFollowupMonthly } from '../../functions/contexts/followups/monthly-run'
import { regionsAtLevel } from '../../functions/contexts/regions/region-directory'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { fixedClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import { createLogger, setLogLevel } from '../../functions/platform/logger'
import { followupTasks, persons } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import { followupDue } from '../../shared/followups/followup'
import { aPersonRecord, REGISTERED } from '../support/registry'

const N = Number(process.env.BENCH_PERSONS ?? 100_000)
const at = new Date('2026-12-01T01:00:00.000Z')
const STATUSES = ['unemployed', 'flexible', 'stable', 'no_wish'] as const

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

export const benchFollowups = async () => {
  setLogLevel('warn')
  const communities = regionsAtLevel('community').map((c) => c.code)
  const store = await openPgliteStore()
  await migrate(store.sql)

  let t = performance.now()
  for (let start = 0; start < N; start += 5_000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(N, start + 5_000); i++) {
        await tx.insert(
          persons,
          aPersonRecord(i, {
            community: communities[i % communities.length]!,
            employmentStatus: STATUSES[i % 4]!,
            lastFollowupAt: i % 3 === 0 ? '2026-11-10T02:00:00.000Z' : null,
            keyGroups: REGISTERED,
          }),
        )
      }
    })
  }
  await store.sql.exec('ANALYZE')
  console.log(
    `seeded ${N} persons across ${communities.length} communities in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  )

  // Floor: the same number of task rows the run will create, inserted bare in one loop.
  const due = Array.from({ length: N }, (_, i) => i).filter((i) =>
    followupDue(STATUSES[i % 4]!, i % 3 === 0 ? '2026-11' : null, '2026-12'),
  )
  t = performance.now()
  await store.transaction(async (tx) => {
    for (const i of due) {
      await tx.insert(followupTasks, {
        id: `floor_${i}`,
        personId: `p${i}`,
        personName: 'x',
        community: communities[i % communities.length]!,
        period: '1999-01',
        due: '1999-01-31',
        status: 'done',
        priority: 0,
        reason: 'floor',
        createdAt: at.toISOString(),
        doneAt: null,
        recordId: null,
      })
    }
  })
  const floorMs = performance.now() - t
  await store.sql.exec(`DELETE FROM followup_tasks WHERE period = '1999-01'`)

  const env = parseEnv({ STORE: 'pglite', DATA_DIR: '/tmp/pes-bench', SESSION_SECRET: 'x'.repeat(32) })
  const deps = { env, store, clock: fixedClock(at), files: localFileStore('/tmp/pes-bench') }
  global.gc?.()
  const base = process.memoryUsage()
  let peakHeap = base.heapUsed
  let peakRss = base.rss
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  }, 20)
  t = performance.now()
  const result = await runFollowupMonthly(deps, at, createLogger(), 'manual', { budgetMs: 3_600_000 })
  const runMs = performance.now() - t
  clearInterval(sampler)

  console.log(`\nfollowup-monthly over ${N} persons (embedded Postgres, in memory)\n`)
  console.log(`| figure | value |`)
  console.log(`| tasks created | ${result.created} |`)
  console.log(`| run time | ${(runMs / 1000).toFixed(1)} s |`)
  console.log(`| persons per second | ${Math.round(N / (runMs / 1000))} |`)
  console.log(`| floor: bare insert of ${due.length} task rows | ${(floorMs / 1000).toFixed(1)} s |`)
  console.log(`| ratio to floor | ${(runMs / floorMs).toFixed(1)} × |`)
  console.log(`| heap growth during the run (peak − start) | ${mb(peakHeap - base.heapUsed)} |`)
  console.log(`| peak RSS | ${mb(peakRss)} |`)
  await store.close()
}
