import { ALL_COLLECTIONS } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import { columnOf, type SqlStore } from '../../functions/store/sql-store'

/**
 * The migrations and the collection specs must agree: every declared field is a generated
 * column (so filters use an index-able column, not JSON parsing per row), and migrating twice
 * changes nothing.
 */
let store: SqlStore
beforeAll(async () => {
  store = await openPgliteStore()
  await migrate(store.sql)
})
afterAll(() => store.close())

it('has a generated column for every declared field of every collection', async () => {
  for (const c of ALL_COLLECTIONS) {
    const { rows } = await store.sql.query<{ column_name: string; is_generated: string }>(
      'SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = $1',
      [c.name],
    )
    const generated = rows.filter((r) => r.is_generated === 'ALWAYS').map((r) => r.column_name)
    expect({ collection: c.name, columns: generated.sort() }).toEqual({
      collection: c.name,
      columns: Object.keys(c.fields).map(columnOf).sort(),
    })
  }
})

it('applies each migration once', async () => {
  expect(await migrate(store.sql)).toEqual([])
})

it('answers the job board query from an index', async () => {
  await store.sql.exec('SET enable_seqscan = off')
  const { rows } = await store.sql.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT doc FROM jobs WHERE status = 'published' AND region >= '320621100' AND region < '320621101'
     ORDER BY published_at DESC, id DESC LIMIT 21`,
  )
  expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index/)
})
