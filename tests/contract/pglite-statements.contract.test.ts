import { openPgliteStore } from '../../functions/store/pglite-store'
import type { SqlStore } from '../../functions/store/sql-store'

/**
 * The embedded store's own way of sending statements (functions/store/pglite-store.ts): kept
 * prepared by text, at most a few hundred, sent with parameters as text. What the store contract
 * cannot reach through the port is checked here on the connection itself.
 */
let store: SqlStore
beforeAll(async () => {
  store = await openPgliteStore()
  await store.sql.exec(
    'CREATE TABLE notes (id text PRIMARY KEY, body text, n bigint, flag boolean, bytes bytea)',
  )
})
afterAll(() => store.close())

it('answers every statement when more texts are used than are kept prepared', async () => {
  for (let i = 0; i < 450; i++)
    await store.sql.query(`INSERT INTO notes (id, n) VALUES ($1, $2) /* ${i} */`, [`n${i}`, i], {
      byId: true,
    })
  // The first texts were closed to make room; used again, they are prepared afresh.
  await store.sql.query('DELETE FROM notes WHERE id = $1 /* 0 */', ['n0'], { byId: true })
  for (const i of [1, 2, 449]) {
    const { rows } = await store.sql.query<{ n: unknown }>(
      `SELECT n FROM notes WHERE id = $1 /* ${i} */`,
      [`n${i}`],
      {
        byId: true,
      },
    )
    expect(Number(rows[0]?.n)).toBe(i)
  }
  const { rows } = await store.sql.query<{ c: unknown }>('SELECT count(*) AS c FROM notes')
  expect(Number(rows[0]?.c)).toBe(449)
})

it('keeps no statement that failed to parse, and the connection goes on', async () => {
  const bad = 'SELEC n FROM notes WHERE id = $1'
  await expect(store.sql.query(bad, ['n1'], { byId: true })).rejects.toMatchObject({ code: '42601' })
  await expect(store.sql.query(bad, ['n1'], { byId: true })).rejects.toMatchObject({ code: '42601' })
  const { rows } = await store.sql.query<{ n: unknown }>('SELECT n FROM notes WHERE id = $1', ['n1'], {
    byId: true,
  })
  expect(Number(rows[0]?.n)).toBe(1)
})

it('sends text, numbers, booleans, nulls and bytes as Postgres reads them', async () => {
  const bytes = new Uint8Array([0, 1, 254, 255])
  await store.sql.query('INSERT INTO notes (id, body, n, flag, bytes) VALUES ($1, $2, $3, $4, $5)', [
    'typed',
    'O\'Brien "引号" \\ 反斜杠',
    -42,
    false,
    bytes,
  ])
  const { rows } = await store.sql.query<{ body: string; n: unknown; flag: boolean; bytes: Uint8Array }>(
    'SELECT body, n, flag, bytes FROM notes WHERE id = $1 AND flag = $2 AND body IS NOT NULL AND $3::text IS NULL',
    ['typed', false, null],
  )
  expect(rows).toHaveLength(1)
  expect(rows[0]!.body).toBe('O\'Brien "引号" \\ 反斜杠')
  expect(Number(rows[0]!.n)).toBe(-42)
  expect(rows[0]!.flag).toBe(false)
  expect([...rows[0]!.bytes]).toEqual([0, 1, 254, 255])
})

it('rolls a transaction back whole when a statement in it fails', async () => {
  await expect(
    store.sql.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id) VALUES ($1)', ['in-tx'], { byId: true })
      await tx.query('INSERT INTO notes (id) VALUES ($1)', ['n1'], { byId: true }) // exists
    }),
  ).rejects.toMatchObject({ code: '23505' })
  const { rows } = await store.sql.query('SELECT id FROM notes WHERE id = $1', ['in-tx'], { byId: true })
  expect(rows).toEqual([])
})
