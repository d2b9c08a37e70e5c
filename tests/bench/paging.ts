/**
 * Constant-cost paging: a scan of BENCH_PAGING_PERSONS (default 200,000) persons, 100 a page
 * in (community, id) order — the order county-wide jobs walk the registry — timing page 1 and
 * page 2,000 from their cursors. The keyset condition is a row comparison, which Postgres reads
 * as a range of the composite index, so the deep page should cost what the first does
 * (goal: within 1.5×). Runs on the embedded Postgres, and on the PostgreSQL server when
 * TEST_DATABASE_URL is set. The local CloudBase service has no indexes (it answers from memory),
 * so it can't say what a deep page costs on CloudBase; DEPLOY.md says what to measure there.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { regionsAtLevel } from '../../functions/contexts/regions/region-directory'
import { persons } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { FindQuery } from '../../functions/store/port'
import { openPostgresStore } from '../../functions/store/postgres-store'
import type { SqlStore } from '../../functions/store/sql-store'

const N = Number(process.env.BENCH_PAGING_PERSONS ?? 200_000)
const PAGE = 100
const RUNS = Number(process.env.BENCH_PAGING_RUNS ?? 40)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Persons straight in SQL (the generated columns fill themselves): seeding isn't what's measured. */
const seed = async (store: SqlStore) => {
  const communities = regionsAtLevel('community').map((c) => c.code)
  await store.sql.query(
    `INSERT INTO persons (id, doc)
     SELECT 'psn_p' || lpad(i::text, 7, '0'),
            jsonb_build_object(
              'id', 'psn_p' || lpad(i::text, 7, '0'), 'name', '居民' || i,
              'community', ($1::text[])[1 + i % array_length($1::text[], 1)],
              'employmentStatus', 'unemployed', 'keyGroups', '[]'::jsonb,
              'updatedAt', '2026-01-01T00:00:00.000Z', 'createdAt', '2026-01-01T00:00:00.000Z')
     FROM generate_series(1, $2::int) AS i`,
    [communities, N],
  )
  await store.sql.exec('ANALYZE persons')
}

const measure = async (label: string, store: SqlStore) => {
  let t = performance.now()
  await seed(store)
  console.log(`  ${label}: seeded ${N} persons in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const query = (cursor: string | null): FindQuery => ({
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: PAGE,
    cursor,
    fields: ['community', 'employmentStatus'],
  })
  // Walk to page 2,000 (or the last), keeping the cursor that starts it.
  const target = Math.min(2_000, Math.floor(N / PAGE))
  let cursor: string | null = null
  t = performance.now()
  for (let page = 1; page < target; page++) cursor = (await store.find(persons, query(cursor))).nextCursor
  const walk = performance.now() - t
  const deep = cursor
  const timeOf = async (c: string | null) => {
    for (let i = 0; i < 5; i++) await store.find(persons, query(c)) // warm up
    const samples: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now()
      const page = await store.find(persons, query(c))
      samples.push(performance.now() - s)
      if (page.items.length !== PAGE) throw new Error(`a page of ${page.items.length}, not ${PAGE}`)
    }
    return median(samples)
  }
  const first = await timeOf(null)
  const last = await timeOf(deep)
  return { label, first, last, ratio: last / first, walkPerPage: walk / (target - 1), target }
}

export const benchPaging = async () => {
  console.log(`\npaging: ${N} persons, ${PAGE} a page, (community, id) order, median of ${RUNS}\n`)
  const results = []
  const lite = await openPgliteStore()
  await migrate(lite.sql)
  results.push(await measure('embedded Postgres (PGlite)', lite))
  await lite.close()

  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `pes_bench_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const at = new URL(url)
    at.pathname = `/${name}`
    const server = await openPostgresStore(at.toString())
    await migrate(server.sql)
    try {
      results.push(await measure('PostgreSQL server', server))
    } finally {
      await server.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.end()
    }
  } else console.log('  (PostgreSQL server: set TEST_DATABASE_URL to measure it too)')

  console.log('\n| store | page 1 ms | page 2,000 ms | page 2,000 / page 1 | mean ms a page over the walk |')
  console.log('| --- | --- | --- | --- | --- |')
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.first.toFixed(2)} | ${r.last.toFixed(2)} | ${r.ratio.toFixed(2)}× (goal ≤ 1.5×) | ${r.walkPerPage.toFixed(2)} |`,
    )
}
