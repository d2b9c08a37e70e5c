/**
 * job-push over a county-sized registry (BENCH_PERSONS, default 100,000 seekers) and open
 * vacancies (BENCH_VACANCIES, default 10,000), against a floor measured in the same run: reading
 * the same person records once, a page at a time, as the job reads them. Three runs:
 *
 *  - day 1: every seeker gets their best matches (up to the daily cap), pushes and messages written;
 *  - day 1 again: the run is done, nothing is read or sent;
 *  - day 2: the same seekers, the vacancies pushed yesterday skipped, the weekly cap counted.
 */
import { performance } from 'node:perf_hooks'
import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { regionsAtLevel } from '../../functions/contexts/regions/region-directory'
import { runJobPush } from '../../functions/contexts/seekers/job-push'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { fixedClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import { createLogger, setLogLevel } from '../../functions/platform/logger'
import { jobs, notifications, type PersonRecord, persons } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import { JOB_CATEGORIES, type JobCategory } from '../../shared/jobs/job'
import { aJob } from '../support/job-fixtures'
import { aPersonRecord } from '../support/registry'

const N = Number(process.env.BENCH_PERSONS ?? 100_000)
const V = Number(process.env.BENCH_VACANCIES ?? 10_000)
const day1 = new Date('2026-12-01T02:00:00.000Z')
const day2 = new Date('2026-12-02T02:00:00.000Z')

const categories = Object.keys(JOB_CATEGORIES) as JobCategory[]
const WISHES = ['挡车工', '叉车司机', '电工', '保洁', '仓管', '厨师', '普工', '家政', '销售', '']
const SKILLS = [['叉车'], ['电焊'], ['缝纫'], [], ['驾驶'], ['烹饪'], [], ['护理'], [], ['电工']]

/** Seekers as the registry has them: most unemployed, a tenth returnees, a few who switched pushes off. */
const seekerAt = (i: number, communities: string[]): PersonRecord =>
  aPersonRecord(i, {
    community: communities[i % communities.length]!,
    employmentStatus: i % 10 === 9 ? 'flexible' : 'unemployed',
    skills: SKILLS[i % SKILLS.length]!,
    jobWishes: {
      occupations: WISHES[i % WISHES.length] ? [WISHES[i % WISHES.length]!] : [],
      places: i % 4 === 0 ? ['海安镇'] : [],
      expectedPay: i % 3 === 0 ? 4000 + (i % 30) * 100 : null,
    },
    returnee:
      i % 10 === 9
        ? {
            returnedAt: '2026-11-20',
            lastWorkplace: '苏州',
            lastJob: '',
            wantsLocalWork: true,
            skills: [],
            wishes: '',
            registeredAt: '2026-11-21T00:00:00.000Z',
            registeredBy: '本人',
          }
        : null,
    jobPush: i % 50 === 7 ? 'off' : null,
  })

export const benchJobPush = async () => {
  setLogLevel('warn')
  const communities = regionsAtLevel('community').map((c) => c.code)
  const towns = [...new Set(communities.map((c) => c.slice(0, 9)))]
  const store = await openPgliteStore()
  await migrate(store.sql)
  let t = performance.now()
  for (let start = 0; start < N; start += 5_000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(N, start + 5_000); i++)
        await tx.insert(persons, seekerAt(i, communities))
    })
  }
  await store.transaction(async (tx) => {
    for (let i = 0; i < V; i++) {
      const job = aJob({
        id: `bj${i}`,
        title: `${WISHES[i % WISHES.length] || '操作工'}${i % 7 === 0 ? '（长白班）' : ''}`,
        region: i % 3 === 0 ? communities[i % communities.length]! : towns[i % towns.length]!,
        regionName: '海安镇',
        category: categories[i % categories.length]!,
        publicWelfare: i % 40 === 0,
        salaryMin: 3000 + (i % 40) * 100,
        salaryMax: 4500 + (i % 40) * 150,
        publishedAt: new Date(day1.getTime() - (i % 5000) * 60_000 - i).toISOString(),
        validUntil: '2027-03-31T00:00:00.000Z',
      })
      await tx.insert(jobs, toJobRecord(job, day1))
    }
  })
  await store.sql.exec('ANALYZE')
  console.log(`seeded ${N} seekers and ${V} vacancies in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  // Floor: every person record read once, a page of 100 at a time, as the job reads them.
  t = performance.now()
  let read = 0
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof store.find<typeof persons>>> = await store.find(persons, {
      orderBy: [],
      limit: 100,
      cursor,
    })
    read += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  const floorMs = performance.now() - t

  const log = createLogger({ bench: 'job-push' })
  const env = parseEnv({ STORE: 'pglite', DATA_DIR: '/tmp/pes-bench', SESSION_SECRET: 'x'.repeat(32) })
  const deps = { env, store, clock: fixedClock(day1), files: localFileStore('/tmp/pes-bench') }
  const run = async (at: Date) => {
    const start = performance.now()
    const summary = await runJobPush(deps, at, log, 'manual', { budgetMs: 3_600_000 })
    return { summary, ms: performance.now() - start }
  }
  const first = await run(day1)
  const rerun = await run(day1)
  const second = await run(day2)
  const total = await store.count(notifications, [{ field: 'pushDay', op: 'gte', value: '2026' }])

  const perSecond = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString('en-US')
  console.log(`\njob-push: ${N} seekers × ${V} open vacancies (embedded Postgres, in memory)\n`)
  const row = (label: string, f: (r: typeof first) => string) =>
    console.log(`| ${label} | ${f(first)} | ${f(rerun)} | ${f(second)} |`)
  console.log('| figure | day 1 | day 1 again | day 2 |')
  console.log('|---|---|---|---|')
  row('run time', (r) => `${(r.ms / 1000).toFixed(1)} s`)
  // A finished day's rerun reads nothing: a rate would be meaningless.
  row('seekers per second', (r) => (r.summary.alreadyDone ? '— (already done)' : perSecond(r.ms)))
  row('active seekers', (r) => String(r.summary.seekers ?? '—'))
  row('jobs pushed', (r) => String(r.summary.pushed ?? 0))
  row('messages', (r) => String(r.summary.messaged ?? 0))
  row(`floor: read ${read} person records once`, () => `${(floorMs / 1000).toFixed(1)} s`)
  row('ratio to floor', (r) => `${(r.ms / floorMs).toFixed(1)} ×`)
  console.log(`\n${total} push messages in all (one per seeker and day, each carrying what it sent).`)
  await store.close()
}
