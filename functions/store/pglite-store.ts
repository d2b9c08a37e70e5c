import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { type SqlClient, SqlStore } from './sql-store'

type PgliteModule = typeof import('@electric-sql/pglite')

/** Statements kept prepared per database; the least recently used is closed beyond this. */
const PREPARED_MAX = 400

/**
 * One PGlite database spoken to over its wire protocol, one statement or transaction at a time.
 *
 * `PGlite.query` parses and plans each statement afresh and makes six calls into WebAssembly
 * for it. Here each statement goes in one call, and a statement that reaches its rows by primary
 * key (the store's get, insert, update, increment, delete, and a find by a unique key) is kept as a named prepared statement,
 * so it is parsed and planned once. Measured on this machine: a primary-key read 307 → 128 µs, a
 * guarded update 356 → 202 µs (planning is most of what a small statement costs in PGlite).
 * Queries with filters are planned for their values every time: prepared, Postgres moves them to
 * a generic plan after five runs, which made the quarterly tables' region ranges half as fast.
 * A transaction's BEGIN travels with its first statement, and one lock (not PGlite's two) keeps
 * statements and transactions apart.
 *
 * Parameters go as text without asking the server their types (PGlite asks, one more call);
 * every parameter the store sends is a string, number, boolean, null, an array of those, or
 * bytes, whose text forms Postgres reads for whatever type the statement gives them.
 */
class PgliteConnection {
  private readonly names = new Map<string, string>()
  private readonly closing: string[] = []
  private next = 0
  /** Statements and transactions wait here for the database, one at a time. */
  readonly exclusive = queue()
  constructor(
    readonly db: PGlite,
    private readonly pg: PgliteModule,
  ) {}

  query<R>(sql: string, params: unknown[], byId: boolean): Promise<{ rows: R[] }> {
    return this.exclusive(async () => {
      const rows = await this.execute<R>(sql, params.map(textOf), false, byId)
      await this.db.syncToFs()
      return { rows }
    })
  }

  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      let begun = false
      let closed = false
      // Statements a transaction sends side by side still reach PGlite one after another.
      const inOrder = queue()
      const open = () => {
        if (closed) throw new Error('transaction is closed')
        const begin = !begun
        begun = true
        return begin
      }
      const tx: SqlClient = {
        query: <R>(sql: string, params?: unknown[], opts?: { byId?: boolean }) =>
          inOrder(async () => ({
            rows: await this.execute<R>(sql, (params ?? []).map(textOf), open(), opts?.byId ?? false),
          })),
        exec: (sql: string) =>
          inOrder(async () => {
            if (open()) await this.simple('BEGIN')
            await this.simple(sql)
          }),
        // Already inside a transaction: nest by running in it (PGlite has one connection).
        transaction: (inner) => inner(tx),
        close: async () => undefined,
      }
      try {
        const result = await fn(tx)
        await inOrder(async () => undefined)
        closed = true
        if (begun) {
          const [done] = await this.simple('COMMIT')
          // A statement failed and the caller carried on: Postgres rolled everything back.
          if (done?.command === 'ROLLBACK') throw new this.pg.TransactionAbortedError()
          await this.db.syncToFs()
        }
        return result
      } catch (err) {
        closed = true
        // After a failed COMMIT this only draws a warning: nothing is open any more.
        if (begun) await this.simple('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  /** A statement in the simple protocol (scripts, BEGIN/COMMIT/ROLLBACK). */
  async simple(sql: string) {
    const { messages } = await this.db.execProtocol(this.pg.protocol.serialize.query(sql), {
      syncToFs: false,
    })
    return this.pg.parse.parseResults(messages, this.db.parsers)
  }

  private async execute<R>(
    sql: string,
    values: (string | null)[],
    begin: boolean,
    byId: boolean,
  ): Promise<R[]> {
    const S = this.pg.protocol.serialize
    let head = begin ? [S.query('BEGIN')] : []
    // Planned for its values: parsed unnamed and run in the same call.
    if (!byId) return this.results<R>([...head, S.parse({ text: sql }), ...this.run('', values)])
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
          ...head,
          ...this.closing.map((n) => S.close({ type: 'S', name: n })),
          S.parse({ name, text: sql }),
          S.sync(),
        ]),
        { syncToFs: false },
      )
      head = [] // BEGIN went with the parse
      this.closing.length = 0
      this.names.set(sql, name)
      if (this.names.size > PREPARED_MAX) {
        const [oldest, oldName] = this.names.entries().next().value as [string, string]
        this.names.delete(oldest)
        this.closing.push(oldName)
      }
    }
    return this.results<R>([...head, ...this.run(name, values)])
  }

  private run(statement: string, values: (string | null)[]): Uint8Array[] {
    const S = this.pg.protocol.serialize
    return [S.bind({ statement, values }), S.describe({ type: 'P' }), S.execute({}), S.sync()]
  }

  private async results<R>(messages: Uint8Array[]): Promise<R[]> {
    const reply = await this.db.execProtocol(concat(messages), { syncToFs: false })
    // With BEGIN in front there are two results: the statement's is the last.
    const results = this.pg.parse.parseResults(reply.messages, this.db.parsers)
    return (results.at(-1)?.rows ?? []) as R[]
  }
}

/** A queue that runs each function when everything queued before it has finished. */
const queue = () => {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn)
    tail = run.catch(() => undefined)
    return run
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
const clientOf = (conn: PgliteConnection): SqlClient => ({
  query: (sql, params, opts) => conn.query(sql, params ?? [], opts?.byId ?? false),
  exec: (sql) => conn.exclusive(() => conn.db.exec(sql)).then(() => undefined),
  transaction: (fn) => conn.transaction(fn),
  close: () => conn.exclusive(() => conn.db.close()),
})

/** `dataDir` undefined = in memory (tests). */
export const openPgliteStore = async (dataDir?: string): Promise<SqlStore> => {
  const pg = await import('@electric-sql/pglite')
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const db = await pg.PGlite.create(dataDir ? { dataDir } : {})
  return new SqlStore('pglite', clientOf(new PgliteConnection(db, pg)))
}
