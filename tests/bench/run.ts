/**
 * `npm run bench`: how fast the job board answers, against a floor measured in the same run.
 *
 * Seeds N vacancies into an in-memory embedded Postgres, then times each query shape the app
 * sends (median and p95 over many runs). The floor is a primary-key read of one job through the
 * same store: the least any read can cost here. Ratios, not absolute times, are what to compare
 * between machines.
 */
import { performance } from 'node:perf_hooks'
import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { listJobs } from '../../functions/contexts/jobs/list-jobs'
import { jobs } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import { JOB_CATEGORIES, type JobCategory, type JobListQuery } from '../../shared/jobs/job'
import { aJob } from '../support/job-fixtures'
import { benchBookings } from './bookings'
import { benchBundles } from './bundles'
import { benchFollowups } from './followups'
import { benchJobPush } from './job-push'
import { benchPaging } from './paging'
import { benchPolicies } from './policies'
import { benchReports } from './reports'

const N = Number(process.env.BENCH_JOBS ?? 20_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 200)
const now = new Date('2026-11-20T02:00:00.000Z')

const towns = ['320621100', '320621101', '320621102', '320621103', '320621105', '320621107', '320621109']
const categories = Object.keys(JOB_CATEGORIES) as JobCategory[]

const time = async (fn: () => Promise<unknown>) => {
  for (let i = 0; i < 10; i++) await fn() // warm up
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(RUNS / 2)]!, p95: samples[Math.floor(RUNS * 0.95)]! }
}

const jobBoard = async () => {
  const store = await openPgliteStore()
  await migrate(store.sql)
  const t0 = performance.now()
  await store.transaction(async (tx) => {
    for (let i = 0; i < N; i++) {
      const job = aJob({
        title: i % 50 === 0 ? `数控车床操作工${i}` : `岗位${i}`,
        region: towns[i % towns.length]!,
        category: categories[i % categories.length]!,
        publicWelfare: i % 7 === 0,
        salaryMin: 2000 + (i % 60) * 100,
        salaryMax: 3000 + (i % 60) * 150,
        publishedAt: new Date(now.getTime() - (i % 5000) * 60_000 - i).toISOString(),
      })
      await tx.insert(jobs, toJobRecord(job, now))
    }
  })
  await store.sql.exec('ANALYZE')
  console.log(`seeded ${N} jobs in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const someId = (await store.find(jobs, { orderBy: [{ field: 'publishedAt', dir: 'desc' }], limit: 1 }))
    .items[0]!.id
  const floor = await time(() => store.get(jobs, someId))

  const deepCursor = async () => {
    let cursor: string | null = null
    for (let i = 0; i < 10; i++)
      cursor = (await listJobs(store, { limit: 20, cursor: cursor ?? undefined }, now)).nextCursor
    return cursor!
  }
  const page11 = await deepCursor()
  const shapes: [string, JobListQuery][] = [
    ['newest 20 (home / jobs tab)', {}],
    ['one town', { region: '320621102' }],
    ['one category', { category: 'textile' }],
    ['public-welfare posts', { publicWelfare: true }],
    ['min salary 8000', { minSalary: 8000 }],
    ['keyword 数控', { q: '数控' }],
    ['town + category + welfare', { region: '320621100', category: 'cleaning', publicWelfare: true }],
    ['page 11 by cursor', { cursor: page11 }],
  ]

  const rows = [['query', 'median ms', 'p95 ms', '× floor']]
  rows.push(['floor: one job by id', floor.median.toFixed(3), floor.p95.toFixed(3), '1.0'])
  for (const [name, q] of shapes) {
    const r = await time(() => listJobs(store, q, now))
    rows.push([name, r.median.toFixed(3), r.p95.toFixed(3), (r.median / floor.median).toFixed(1)])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  console.log(`\njob board over ${N} vacancies, ${RUNS} runs each (embedded Postgres, in memory)\n`)
  for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`)
  await store.close()
}

const main = async () => {
  const which = process.env.BENCH_CASE
  if (!which || which === 'jobs') await jobBoard()
  if (!which || which === 'followups') await benchFollowups()
  if (!which || which === 'policies') await benchPolicies()
  if (!which || which === 'job-push') await benchJobPush()
  if (!which || which === 'bookings') await benchBookings()
  if (!which || which === 'reports') await benchReports()
  if (!which || which === 'paging') await benchPaging()
  if (!which || which === 'bundles') await benchBundles()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
