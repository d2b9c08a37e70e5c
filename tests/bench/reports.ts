/**
 * The quarter's tables for a county (BENCH_PERSONS, default 100,000 persons, and BENCH_RECORDS,
 * default 1,000,000 follow-up records over the year): seconds to compute the 一览表 and 明细表
 * live, and to write the .xlsx with the streaming writer; the JavaScript heap before and after.
 * The floor, in the same run, is reading every person record once, a page of 100 at a time.
 */
import { performance } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { regionsAtLevel } from '../../functions/contexts/regions/region-directory'
import { quarterlyReport } from '../../functions/contexts/reports/quarterly'
import { writeQuarterlyWorkbook } from '../../functions/contexts/reports/workbook'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { fixedClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import { setLogLevel } from '../../functions/platform/logger'
import {
  type FollowupRecord,
  type FollowupTaskRecord,
  followupRecords,
  followupTasks,
  persons,
  type ServiceRecord,
  services,
} from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { KeyGroup } from '../../shared/people/person'
import { aPersonRecord } from '../support/registry'

const N = Number(process.env.BENCH_PERSONS ?? 100_000)
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const at = new Date('2026-12-09T02:00:00.000Z')
const GROUPS: KeyGroup[] = [
  'registered_unemployed',
  'difficulty',
  'graduate',
  'relatively_poor',
  'veteran',
  'returning_migrant',
]
const QUARTER_MONTHS = ['2026-07', '2026-08', '2026-09']
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

export const benchReports = async () => {
  setLogLevel('warn')
  const communities = regionsAtLevel('community').map((c) => c.code)
  const store = await openPgliteStore()
  await migrate(store.sql)
  const t0 = performance.now()
  const communityOf = (i: number) => communities[i % communities.length]!
  const BATCH = 1_000
  for (let start = 0; start < N; start += BATCH) {
    const docs = []
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      // Seven in ten in a key group (one in five of them in two); the rest registered only.
      const groups = i % 10 < 7 ? [GROUPS[i % 6]!, ...(i % 5 === 0 ? [GROUPS[(i + 1) % 6]!] : [])] : []
      docs.push(
        aPersonRecord(i, {
          community: communityOf(i),
          idHash: `b-${i}`,
          keyGroups: groups.map((group) => ({ group, since: '2026-01-01', source: 'bench' })),
          employmentStatus: i % 4 === 0 ? 'flexible' : 'unemployed',
          employmentSince: i % 4 === 0 ? `2026-0${7 + (i % 3)}-15` : null,
        }),
      )
    }
    await store.insertMany(persons, docs)
  }
  // The quarter's monthly tasks of the unemployed in a key group.
  for (let start = 0; start < N; start += BATCH) {
    const docs: FollowupTaskRecord[] = []
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      if (i % 10 >= 7 || i % 4 === 0) continue
      for (const [m, period] of QUARTER_MONTHS.entries())
        docs.push({
          id: `fu_${period.replace('-', '')}_${aPersonRecord(i).id}`,
          personId: aPersonRecord(i).id,
          personName: `居民${i}`,
          community: communityOf(i),
          period,
          due: `${period}-20`,
          status: (i + m) % 9 === 0 ? 'missed' : 'done',
          priority: 0,
          reason: 'bench',
          createdAt: `${period}-01T01:00:00.000Z`,
          doneAt: null,
          recordId: null,
        })
    }
    await store.insertMany(followupTasks, docs)
  }
  // A year of follow-up records (phone calls, visits), spread over the persons and the days.
  for (let start = 0; start < RECORDS; start += BATCH) {
    const docs: FollowupRecord[] = []
    for (let r = start; r < Math.min(RECORDS, start + BATCH); r++) {
      const i = (r * 7919) % N
      const day = r % 334 // 1 January to 30 November
      docs.push({
        id: `fr_b${r}`,
        personId: aPersonRecord(i).id,
        community: communityOf(i),
        taskId: null,
        at: new Date(Date.UTC(2026, 0, 1 + day, 2)).toISOString(),
        actor: '协理员',
        actorAccount: 'wx:bench',
        channel: 'phone',
        outcome: '电话联系',
        employmentStatus: 'unemployed',
        employmentSince: null,
        nextStep: null,
        note: null,
      })
    }
    await store.insertMany(followupRecords, docs)
  }
  for (let start = 0; start < N; start += BATCH) {
    const docs: ServiceRecord[] = []
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      if (i % 3) continue
      docs.push({
        id: `svc_b${i}`,
        personId: aPersonRecord(i).id,
        community: communityOf(i),
        year: 2026,
        kind: (['guidance', 'referral', 'training'] as const)[i % 3 === 0 ? (i / 3) % 3 : 0]!,
        at: new Date(Date.UTC(2026, 6 + (i % 3), 10, 2)).toISOString(),
        actor: '协理员',
        note: '',
        jobId: null,
      })
    }
    await store.insertMany(services, docs)
  }
  await store.sql.exec('ANALYZE')
  console.log(
    `seeded ${N} persons, ${RECORDS} follow-up records in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )

  // Floor: every person record read once, a page of 100 at a time.
  let t = performance.now()
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof store.find<typeof persons>>> = await store.find(persons, {
      orderBy: [],
      limit: 100,
      cursor,
    })
    cursor = page.nextCursor
  } while (cursor)
  const floorMs = performance.now() - t

  const env = parseEnv({ STORE: 'pglite', DATA_DIR: '/tmp/pes-bench', SESSION_SECRET: 'x'.repeat(32) })
  const deps = { env, store, clock: fixedClock(at), files: localFileStore('/tmp/pes-bench') }
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  t = performance.now()
  const report = await quarterlyReport(deps, '320621', '2026Q3')
  const computeMs = performance.now() - t
  const rows = report.details
  const heapWithRows = process.memoryUsage().heapUsed
  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      done()
    },
  })
  t = performance.now()
  await writeQuarterlyWorkbook(report, sink)
  const writeMs = performance.now() - t
  const heapAfter = process.memoryUsage().heapUsed
  const total = report.summary.find((s) => s.group === 'total')!

  console.log(
    `\nquarterly tables: ${N} persons, ${RECORDS} follow-up records (embedded Postgres, in memory)\n`,
  )
  console.log('| figure | value |')
  console.log('|---|---|')
  console.log(`| persons in the 明细表 | ${rows.length.toLocaleString('en-US')} |`)
  console.log(
    `| follow-up records in the quarter | ${total.followupRecords.toLocaleString('en-US')} (人次 over groups) |`,
  )
  console.log(`| compute the tables (live, whole county) | ${(computeMs / 1000).toFixed(1)} s |`)
  console.log(`| write the .xlsx (streamed) | ${(writeMs / 1000).toFixed(1)} s, ${mb(bytes)} |`)
  console.log(`| compute + write | ${((computeMs + writeMs) / 1000).toFixed(1)} s (goal ≤ 10 s) |`)
  console.log(`| floor: read ${N} person records once | ${(floorMs / 1000).toFixed(1)} s |`)
  console.log(`| ratio to the floor | ${((computeMs + writeMs) / floorMs).toFixed(1)} × |`)
  console.log(
    `| JS heap: before / with the rows / after writing | ${mb(heapBefore)} / ${mb(heapWithRows)} / ${mb(heapAfter)} |`,
  )
  await store.close()
}
