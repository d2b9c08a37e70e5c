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

/** An index's columns, without a trailing `id` (a tie-breaker either side may add or leave out). */
const shape = (cols: string[], unique: boolean) =>
  `${unique ? 'unique ' : ''}${(cols.length > 1 && cols.at(-1) === 'id' ? cols.slice(0, -1) : cols).join(', ')}`

it('has, in the migrations, every compound and unique index the collections declare, and no other', async () => {
  const { rows } = await store.sql.query<{ tablename: string; indexdef: string }>(
    "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
  )
  for (const c of ALL_COLLECTIONS) {
    const inSql = rows
      .filter((r) => r.tablename === c.name)
      .map((r) => ({
        unique: /CREATE UNIQUE/.test(r.indexdef),
        cols: r.indexdef
          .replace(/^.*USING btree \(/, '')
          .replace(/\).*$/, '')
          .split(',')
          .map((k) => k.trim().split(' ')[0]!),
      }))
      // The primary key, and single-column indexes (each declared field may have one).
      .filter((i) => i.unique || i.cols.length > 1)
      .filter((i) => !(i.unique && i.cols.length === 1 && i.cols[0] === 'id'))
      .map((i) => shape(i.cols, i.unique))
    const declared = (c.indexes ?? [])
      .filter((i) => i.unique || i.keys.length > 1)
      .map((i) =>
        shape(
          i.keys.map((k) => columnOf(k.replace(/^-/, ''))),
          i.unique === true,
        ),
      )
    expect({ collection: c.name, indexes: [...new Set(inSql)].sort() }).toEqual({
      collection: c.name,
      indexes: [...new Set(declared)].sort(),
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
