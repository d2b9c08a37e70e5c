import pg from 'pg'
import { type SqlClient, SqlStore } from './sql-store'

/**
 * A PostgreSQL server over `pg`: self-hosted and government clouds, most of whose domestic
 * databases speak Postgres. Same SQL as the embedded store.
 */
const clientOf = (q: pg.Pool | pg.PoolClient, pool: pg.Pool): SqlClient => ({
  query: async <R>(sql: string, params?: unknown[]) => {
    const res = await q.query(sql, params as unknown[])
    return { rows: res.rows as R[] }
  },
  exec: async (sql: string) => {
    await q.query(sql)
  },
  transaction: async (fn) => {
    if (q !== pool) return fn(clientOf(q, pool)) // nested: stay in the open transaction
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(clientOf(client, pool))
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  },
  close: async () => {
    if (q === pool) await pool.end()
  },
})

export const openPostgresStore = async (url: string, max = 5): Promise<SqlStore> => {
  // bigint counts come back as strings by default; they are safe as numbers at our sizes.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
  const pool = new pg.Pool({ connectionString: url, max })
  await pool.query('SELECT 1')
  return new SqlStore('postgres', clientOf(pool, pool))
}
