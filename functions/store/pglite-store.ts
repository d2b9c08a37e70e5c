import { mkdirSync } from 'node:fs'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { type SqlClient, SqlStore } from './sql-store'

type PgliteModule = typeof import('@electric-sql/pglite')

/** Statements kept prepared per database; the least recently used is closed beyond this. */
const PREPARED_MAX = 400

/**
 * Named prepared statements over PGlite's wire protocol. `PGlite.query` parses and plans each
 * statement afresh and makes six calls into WebAssembly for it; the store sends the same few
 * hundred statement texts over and over, so each is parsed once and then bound and executed in
 * one call. Measured on this machine: a primary-key read 307 → 128 µs, a guarded update
 * 356 → 202 µs (planning is most of what a small statement costs in PGlite).
 *
 * Parameters go as text without asking the server their types (PGlite asks, one more call);
 * every parameter the store sends is a string, number, boolean, null, an array of those, or
 * bytes, whose text forms Postgres reads for whatever type the statement gives them.
 */
class PreparedStatements {
  private readonly names = new Map<string, string>()
  private readonly closing: string[] = []
  private next = 0
  constructor(
    private readonly db: PGlite,
    private readonly pg: PgliteModule,
  ) {}

  /** `inTransaction`: the caller holds PGlite's transaction lock already. */
  run<R>(sql: string, params: unknown[], inTransaction: boolean): Promise<{ rows: R[] }> {
    const values = params.map(textOf)
    const go = () => this.db._runExclusiveQuery(() => this.execute<R>(sql, values, inTransaction))
    return inTransaction ? go() : this.db._runExclusiveTransaction(go)
  }

  private async execute<R>(sql: string, values: (string | null)[], inTransaction: boolean) {
    const S = this.pg.protocol.serialize
    let name = this.names.get(sql)
    if (name) {
      // Most recently used last: the first key is the one to close when the cache is full.
      this.names.delete(sql)
      this.names.set(sql, name)
    } else {
      name = `s${++this.next}`
      // Parsed on its own, so a statement that fails to parse is never recorded as prepared.
      await this.db.execProtocol(
        concat([
          ...this.closing.map((n) => S.close({ type: 'S', name: n })),
          S.parse({ name, text: sql }),
          S.sync(),
        ]),
        {
          syncToFs: false,
        },
      )
      this.closing.length = 0
      this.names.set(sql, name)
      if (this.names.size > PREPARED_MAX) {
        const [oldest, oldName] = this.names.entries().next().value as [string, string]
        this.names.delete(oldest)
        this.closing.push(oldName)
      }
    }
    const { messages } = await this.db.execProtocol(
      concat([S.bind({ statement: name, values }), S.describe({ type: 'P' }), S.execute({}), S.sync()]),
      { syncToFs: false },
    )
    if (!inTransaction) await this.db.syncToFs()
    const [result] = this.pg.parse.parseResults(messages, this.db.parsers)
    return { rows: (result?.rows ?? []) as R[] }
  }
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  let size = 0
  for (const p of parts) size += p.length
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** The text form Postgres reads a parameter from (what node-postgres sends, too). */
const textOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return `{${value.map(arrayItem).join(',')}}`
  return JSON.stringify(value)
}

const arrayItem = (value: unknown): string => {
  const text = textOf(value)
  return text === null ? 'NULL' : `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/**
 * Embedded Postgres (PGlite: real Postgres compiled to WASM). The default for `npm start` and
 * tests: persisted under a data folder, no server, no native build. One process per folder.
 */
const wrap = (db: PGlite | Transaction, root: PGlite, prepared: PreparedStatements): SqlClient => ({
  query: (sql, params) => prepared.run(sql, params ?? [], db !== root),
  exec: async (sql: string) => {
    await db.exec(sql)
  },
  transaction: (fn) =>
    'transaction' in db && db === root
      ? root.transaction((tx) => fn(wrap(tx, root, prepared)))
      : // Already inside a transaction: nest by running in it (PGlite has one connection).
        fn(wrap(db, root, prepared)),
  close: async () => {
    if (db === root) await root.close()
  },
})

/** `dataDir` undefined = in memory (tests). */
export const openPgliteStore = async (dataDir?: string): Promise<SqlStore> => {
  const pg = await import('@electric-sql/pglite')
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const db = await pg.PGlite.create(dataDir ? { dataDir } : {})
  return new SqlStore('pglite', wrap(db, db, new PreparedStatements(db, pg)))
}
