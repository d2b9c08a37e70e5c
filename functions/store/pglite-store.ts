import { mkdirSync } from 'node:fs'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { type SqlClient, SqlStore } from './sql-store'

/**
 * Embedded Postgres (PGlite: real Postgres compiled to WASM). The default for `npm start` and
 * tests: persisted under a data folder, no server, no native build. One process per folder.
 */
const wrap = (db: PGlite | Transaction, root: PGlite): SqlClient => ({
  query: async <R>(sql: string, params?: unknown[]) => {
    const res = await db.query<R>(sql, params)
    return { rows: res.rows }
  },
  exec: async (sql: string) => {
    await db.exec(sql)
  },
  transaction: (fn) =>
    'transaction' in db && db === root
      ? root.transaction((tx) => fn(wrap(tx, root)))
      : // Already inside a transaction: nest by running in it (PGlite has one connection).
        fn(wrap(db, root)),
  close: async () => {
    if (db === root) await root.close()
  },
})

/** `dataDir` undefined = in memory (tests). */
export const openPgliteStore = async (dataDir?: string): Promise<SqlStore> => {
  const { PGlite } = await import('@electric-sql/pglite')
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir ? { dataDir } : {})
  return new SqlStore('pglite', wrap(db, db))
}
