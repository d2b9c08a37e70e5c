import { decodeCursor, encodeCursor, withIdTieBreaker } from './cursor'
import {
  type CollectionSpec,
  type Doc,
  type DocOf,
  DuplicateKeyError,
  type FieldType,
  type Filter,
  type FindQuery,
  MAX_PAGE,
  type Page,
  QueryInTransactionError,
  type Scalar,
  type Store,
  UndeclaredFieldError,
} from './port'

/**
 * The Postgres-dialect store, shared by the PGlite and PostgreSQL adapters: both speak the
 * same SQL, only the connection differs.
 *
 * Each collection is a table `(id text primary key, doc jsonb)` plus one generated column per
 * declared field (see infra/migrations), so filters and sorts hit real, indexed columns while
 * the document stays the single source of truth.
 */
export interface SqlClient {
  /**
   * `byId`: the statement reaches its rows by a key (the primary key, or every key of a unique
   * index), so one plan serves every value and a
   * client may keep it prepared; other statements are planned for their values each time (a
   * generic plan for a region range or a filter list can be far slower).
   */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    opts?: { byId?: boolean },
  ): Promise<{ rows: R[] }>
  /** Run a script of several statements (migrations). */
  exec(sql: string): Promise<void>
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** `salaryMax` -> `salary_max`: the generated column of a declared field. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`)
  return `"${name}"`
}

const CASTS: Record<FieldType, string> = { text: 'text', int: 'bigint', num: 'numeric', bool: 'boolean' }

class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** Statements that reach their rows by primary key (see SqlClient.query). */
const BY_ID = { byId: true } as const

const OPS = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

/** The next string after every string that starts with `prefix`, for an index range scan. */
const prefixEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)

/**
 * Equalities on every key of a unique index (a person by their account): at most one row, found
 * the same way whatever the values — a key lookup like `get`, kept prepared (see SqlClient.query).
 * Other filters are planned for their values.
 */
const byUniqueKey = (c: CollectionSpec, where: Filter[] | undefined): boolean => {
  if (!where?.length || where.some((f) => f.op !== 'eq' || f.value === null)) return false
  const fields = new Set(where.map((f) => f.field))
  return (c.indexes ?? []).some(
    (ix) => ix.unique && ix.keys.length === fields.size && ix.keys.every((k) => fields.has(k)),
  )
}

export class SqlStore implements Store {
  /** Postgres reads a thousand narrow rows in about the time of a few pages of a hundred. */
  readonly bulkPage = 1000
  constructor(
    readonly kind: 'pglite' | 'postgres',
    private readonly db: SqlClient,
    /** Set inside transaction(): queries are refused there, as CloudBase refuses them. */
    private readonly inTransaction = false,
  ) {}

  private noQueryHere(op: string) {
    if (this.inTransaction) throw new QueryInTransactionError(op)
  }

  private column(c: CollectionSpec, field: string): { sql: string; type: FieldType } {
    if (field === 'id') return { sql: 'id', type: 'text' }
    const type = (c.fields as Record<string, FieldType | undefined>)[field]
    if (!type) throw new UndeclaredFieldError(c.name, field)
    return { sql: ident(columnOf(field)), type }
  }

  private condition(c: CollectionSpec, f: Filter, p: Params): string {
    const col = this.column(c, f.field)
    const cast = (v: Scalar) => `${p.add(v)}::${CASTS[col.type]}`
    switch (f.op) {
      case 'in':
        if (f.value.length === 0) return 'false'
        return `${col.sql} = ANY(${p.add(f.value)}::${CASTS[col.type]}[])`
      case 'prefix':
        if (f.value === '') return 'true'
        // Region columns are COLLATE "C", so a range is a plain btree index scan.
        return `(${col.sql} >= ${p.add(f.value)} AND ${col.sql} < ${p.add(prefixEnd(f.value))})`
      case 'contains':
        return `strpos(lower(${col.sql}), lower(${p.add(f.value)})) > 0`
      default:
        if (f.value === null) return f.op === 'ne' ? `${col.sql} IS NOT NULL` : `${col.sql} IS NULL`
        return `${col.sql} ${OPS[f.op]} ${cast(f.value)}`
    }
  }

  private where(c: CollectionSpec, filters: Filter[] | undefined, p: Params): string[] {
    return (filters ?? []).map((f) => this.condition(c, f, p))
  }

  private table(c: CollectionSpec): string {
    return ident(c.name)
  }

  async get<C extends CollectionSpec>(c: C, id: string): Promise<DocOf<C> | null> {
    const { rows } = await this.db.query<{ doc: DocOf<C> }>(
      `SELECT doc FROM ${this.table(c)} WHERE id = $1`,
      [id],
      BY_ID,
    )
    return rows[0]?.doc ?? null
  }

  async find<C extends CollectionSpec>(c: C, q: FindQuery): Promise<Page<DocOf<C>>> {
    this.noQueryHere('find')
    const limit = Math.min(Math.max(1, q.limit), q.bulk ? this.bulkPage : MAX_PAGE)
    const orderBy = withIdTieBreaker(q.orderBy)
    const cols = orderBy.map((k) => ({ ...k, ...this.column(c, k.field) }))
    const p = new Params()
    const conds = this.where(c, q.where, p)
    if (q.cursor) {
      const after = decodeCursor(c, orderBy, q.cursor)
      const sameDirection = cols.every((k) => k.dir === cols[0]!.dir)
      // One direction: a row comparison, which Postgres answers as an index range over the
      // composite index, so a deep page costs what the first does (the OR form below is
      // applied as a filter). Mixed directions need the OR form:
      // (a, b, c) after (x, y, z): a>x OR (a=x AND (b<y OR (b=y AND c>z)))
      const row = () => {
        const left = cols.map((k) => k.sql).join(', ')
        const right = cols.map((k, i) => `${p.add(after[i])}::${CASTS[k.type]}`).join(', ')
        return `(${left}) ${cols[0]!.dir === 'asc' ? '>' : '<'} (${right})`
      }
      const keyset = (i: number): string => {
        const k = cols[i]!
        const v = `${p.add(after[i])}::${CASTS[k.type]}`
        const beyond = `${k.sql} ${k.dir === 'asc' ? '>' : '<'} ${v}`
        if (i === cols.length - 1) return beyond
        return `(${beyond} OR (${k.sql} = ${v} AND ${keyset(i + 1)}))`
      }
      conds.push(sameDirection ? row() : keyset(0))
    }
    const order = cols.map((k) => `${k.sql} ${k.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ')
    const select = cols.map((k, i) => `${k.sql} AS k${i}`).join(', ')
    // A projection is built in the database, so only the named fields cross into the process.
    const doc = q.fields
      ? `jsonb_build_object('id', id${q.fields.map((f) => `, ${p.add(f)}::text, doc->${p.add(f)}::text`).join('')}) AS doc`
      : 'doc'
    const sql = `SELECT ${doc}, ${select} FROM ${this.table(c)}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit + 1}`
    const { rows } = await this.db.query<Record<string, unknown> & { doc: DocOf<C> }>(
      sql,
      p.values,
      byUniqueKey(c, q.where) ? BY_ID : undefined,
    )
    const more = rows.length > limit
    const page = more ? rows.slice(0, limit) : rows
    const last = page.at(-1)
    const nextCursor =
      more && last
        ? encodeCursor(
            orderBy,
            cols.map((k, i) => normalise(last[`k${i}`], k.type)),
          )
        : null
    return { items: page.map((r) => r.doc), nextCursor }
  }

  async count<C extends CollectionSpec>(c: C, where?: Filter[]): Promise<number> {
    this.noQueryHere('count')
    const p = new Params()
    const conds = this.where(c, where, p)
    const { rows } = await this.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${this.table(c)}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`,
      p.values,
    )
    return Number(rows[0]?.n ?? 0)
  }

  async countBy<C extends CollectionSpec>(
    c: C,
    where: Filter[],
    by: string[],
  ): Promise<{ key: Scalar[]; n: number }[]> {
    this.noQueryHere('countBy')
    const cols = by.map((f) => this.column(c, f))
    const p = new Params()
    const conds = this.where(c, where, p)
    const list = cols.map((k) => k.sql).join(', ')
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT ${cols.map((k, i) => `${k.sql} AS k${i}`).join(', ')}, count(*) AS n FROM ${this.table(c)}${
        conds.length ? ` WHERE ${conds.join(' AND ')}` : ''
      } GROUP BY ${list}`,
      p.values,
    )
    return rows.map((r) => ({ key: cols.map((k, i) => normalise(r[`k${i}`], k.type)), n: Number(r.n) }))
  }

  async insert<C extends CollectionSpec>(c: C, doc: DocOf<C>): Promise<DocOf<C>> {
    try {
      await this.db.query(
        `INSERT INTO ${this.table(c)} (id, doc) VALUES ($1, $2::jsonb)`,
        [(doc as Doc).id, JSON.stringify(doc)],
        BY_ID,
      )
    } catch (err) {
      throw this.mapError(c, err)
    }
    return doc
  }

  async insertMany<C extends CollectionSpec>(c: C, docs: DocOf<C>[]): Promise<string[]> {
    if (!docs.length) return []
    // One statement for the batch: a page of records costs one round trip, not a hundred. The
    // batch goes as one JSON array: on PGlite that inserts a page of inbox messages about a third
    // faster than an array of JSON texts (unnest over text[] and jsonb[]).
    const batch = JSON.stringify(docs)
    const insert = `INSERT INTO ${this.table(c)} (id, doc) SELECT d->>'id', d FROM jsonb_array_elements($1::jsonb) AS d`
    // Most batches are all new. Sent plainly, they skip the speculative insertion that ON
    // CONFLICT costs every row (a day's job-push rows went in about a fifth faster); a batch that
    // meets a record already there fails whole and is sent again, skipping what exists. Not
    // inside a transaction, where the failure would end it.
    if (!this.inTransaction) {
      try {
        const { rows } = await this.db.query<{ id: string }>(`${insert} RETURNING id`, [batch], BY_ID)
        return rows.map((r) => r.id)
      } catch (err) {
        if (!(this.mapError(c, err) instanceof DuplicateKeyError)) throw err
      }
    }
    const { rows } = await this.db.query<{ id: string }>(
      `${insert} ON CONFLICT DO NOTHING RETURNING id`,
      [batch],
      BY_ID,
    )
    return rows.map((r) => r.id)
  }

  async update<C extends CollectionSpec>(
    c: C,
    id: string,
    patch: Partial<DocOf<C>>,
    opts: { expect?: Record<string, Scalar | undefined> } = {},
  ): Promise<DocOf<C> | null> {
    const { id: _ignored, ...rest } = patch as Record<string, unknown>
    const p = new Params()
    const set = `doc = doc || ${p.add(JSON.stringify(rest))}::jsonb`
    const conds = [`id = ${p.add(id)}`, ...this.expectations(opts.expect, p)]
    try {
      const { rows } = await this.db.query<{ doc: DocOf<C> }>(
        `UPDATE ${this.table(c)} SET ${set} WHERE ${conds.join(' AND ')} RETURNING doc`,
        p.values,
        BY_ID,
      )
      return rows[0]?.doc ?? null
    } catch (err) {
      throw this.mapError(c, err)
    }
  }

  /** Expectations compare the document's JSON value, so they work on undeclared fields too. */
  private expectations(expect: Record<string, Scalar | undefined> | undefined, p: Params): string[] {
    return Object.entries(expect ?? {}).map(([field, value]) =>
      value === null || value === undefined
        ? `((doc->${p.add(field)}) IS NULL OR (doc->${p.add(field)}) = 'null'::jsonb)`
        : `(doc->${p.add(field)}) = ${p.add(JSON.stringify(value))}::jsonb`,
    )
  }

  increment<C extends CollectionSpec>(
    c: C,
    id: string,
    field: string,
    by: number,
    guard: { min?: number; max?: number } = {},
  ): Promise<DocOf<C> | null> {
    return this.incrementFields(c, id, { [field]: by } as never, { [field]: guard } as never)
  }

  async incrementFields<C extends CollectionSpec>(
    c: C,
    id: string,
    by: Partial<Record<string, number>>,
    guards: Partial<Record<string, { min?: number; max?: number }>> = {},
  ): Promise<DocOf<C> | null> {
    const p = new Params()
    const names = new Map<string, string>()
    const name = (field: string) => names.get(field) ?? names.set(field, p.add(field)).get(field)!
    const now = (field: string) => `coalesce((doc->>${name(field)})::numeric, 0)`
    const next = new Map(
      Object.entries(by).map(([field, n]) => [field, `(${now(field)} + ${p.add(n)}::numeric)`]),
    )
    const conds = [`id = ${p.add(id)}`]
    for (const [field, guard] of Object.entries(guards)) {
      const value = next.get(field) ?? now(field)
      if (guard?.max !== undefined) conds.push(`${value} <= ${p.add(guard.max)}::numeric`)
      if (guard?.min !== undefined) conds.push(`${value} >= ${p.add(guard.min)}::numeric`)
    }
    const set = [...next].map(([field, value]) => `${name(field)}::text, ${value}`).join(', ')
    const { rows } = await this.db.query<{ doc: DocOf<C> }>(
      `UPDATE ${this.table(c)} SET doc = doc || jsonb_build_object(${set}) WHERE ${conds.join(' AND ')} RETURNING doc`,
      p.values,
      BY_ID,
    )
    return rows[0]?.doc ?? null
  }

  async delete<C extends CollectionSpec>(c: C, id: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `DELETE FROM ${this.table(c)} WHERE id = $1 RETURNING id`,
      [id],
      BY_ID,
    )
    return rows.length > 0
  }

  async transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    if (this.inTransaction) return fn(this)
    return this.db.transaction((tx) => fn(new SqlStore(this.kind, tx, true)))
  }

  close(): Promise<void> {
    return this.db.close()
  }

  /** The connection, for migrations and the contract suite's schema checks. */
  get sql(): SqlClient {
    return this.db
  }

  private mapError(c: CollectionSpec, err: unknown): unknown {
    const e = err as { code?: string; constraint?: string; detail?: string }
    if (e?.code === '23505') return new DuplicateKeyError(c.name, e.constraint ?? 'id')
    return err
  }
}

/** Keys read back from Postgres come as strings for bigint/numeric; cursors keep JSON types. */
const normalise = (value: unknown, type: FieldType): Scalar => {
  if (value === null || value === undefined) return null
  if (type === 'int' || type === 'num') return Number(value)
  if (type === 'bool') return Boolean(value)
  return String(value)
}
