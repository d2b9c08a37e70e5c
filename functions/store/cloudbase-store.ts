import type { Database } from '@cloudbase/node-sdk/types/db'
import { type CloudBaseTarget, initCloudBase } from './cloudbase-app'
import { decodeCursor, encodeCursor, withIdTieBreaker } from './cursor'
import {
  type CollectionSpec,
  type Doc,
  type DocOf,
  DuplicateKeyError,
  type Filter,
  type FindQuery,
  MAX_PAGE,
  type Page,
  QueryInTransactionError,
  type Scalar,
  type SortKey,
  type Store,
  UndeclaredFieldError,
} from './port'

/**
 * The CloudBase (微信云开发) document database through @cloudbase/node-sdk.
 *
 * Documents keep our `id` and also use it as `_id`, so reads by id are primary-key reads.
 * CloudBase returns at most 100 documents per call and its transactions allow single-document
 * operations only; the port's limits (MAX_PAGE, transaction rules) come from here.
 */
type Db = Database.Db
type Cmd = Db['command']
type AnyQuery = Record<string, unknown>

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const prefixEnd = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)

const strip = <T>(raw: Record<string, unknown> | undefined): T | null => {
  if (!raw) return null
  const { _id, _openid, ...rest } = raw
  return { ...rest, id: String(rest.id ?? _id) } as T
}

const beyond = (n: number, guard: { min?: number; max?: number }) =>
  (guard.max !== undefined && n > guard.max) || (guard.min !== undefined && n < guard.min)

/** Retries of a transaction that keeps meeting write conflicts (after the SDK's own three). */
const TX_RETRIES = 30

/** Fresh reads an increment makes while others change the same field. */
const INCREMENT_TRIES = 100

const isDuplicate = (err: unknown): boolean => {
  const text = String((err as { message?: string; code?: string })?.message ?? err)
  return /duplicate|E11000|already exist/i.test(text)
}

export class CloudBaseStore implements Store {
  readonly kind = 'cloudbase' as const
  /** The server SDK answers up to 1,000 documents a query (the mini-program's client SDK, 20). */
  readonly bulkPage = 1000

  constructor(
    private readonly db: Db,
    /** Set inside runTransaction: only single-document operations are allowed there. */
    private readonly tx?: Database.Transaction,
    private readonly onClose?: () => Promise<void>,
  ) {}

  private get _(): Cmd {
    return this.db.command
  }

  private coll(c: CollectionSpec) {
    return (this.tx ?? this.db).collection(c.name) as Database.CollectionReference
  }

  private fieldPath(c: CollectionSpec, field: string): string {
    if (field === 'id') return '_id'
    if (!(c.fields as Record<string, unknown>)[field]) throw new UndeclaredFieldError(c.name, field)
    return field
  }

  private cond(f: Filter): unknown {
    const _ = this._
    switch (f.op) {
      case 'eq':
        return _.eq(f.value)
      case 'ne':
        return _.neq(f.value)
      case 'gt':
        return _.gt(f.value)
      case 'gte':
        return _.gte(f.value)
      case 'lt':
        return _.lt(f.value)
      case 'lte':
        return _.lte(f.value)
      case 'in':
        return _.in(f.value)
      case 'prefix':
        return f.value === '' ? _.exists(true) : _.gte(f.value).and(_.lt(prefixEnd(f.value)))
      case 'contains':
        return this.db.RegExp({ regexp: escapeRegExp(f.value), options: 'i' })
    }
  }

  private where(c: CollectionSpec, filters: Filter[] = []): AnyQuery[] {
    return filters.map((f) => ({ [this.fieldPath(c, f.field)]: this.cond(f) }))
  }

  private keyset(c: CollectionSpec, orderBy: SortKey[], after: Scalar[]): AnyQuery {
    const _ = this._
    const branches: AnyQuery[] = orderBy.map((k, i) => {
      const q: AnyQuery = {}
      for (let j = 0; j < i; j++) q[this.fieldPath(c, orderBy[j]!.field)] = _.eq(after[j])
      q[this.fieldPath(c, k.field)] = k.dir === 'asc' ? _.gt(after[i]) : _.lt(after[i])
      return q
    })
    return _.or(branches) as unknown as AnyQuery
  }

  private query(c: CollectionSpec, parts: AnyQuery[]) {
    const coll = this.coll(c)
    if (parts.length === 0) return coll
    return coll.where(parts.length === 1 ? parts[0]! : (this._.and(parts) as unknown as object))
  }

  private notInTx(op: string) {
    if (this.tx) throw new QueryInTransactionError(op)
  }

  async get<C extends CollectionSpec>(c: C, id: string): Promise<DocOf<C> | null> {
    const res = await this.coll(c).doc(id).get()
    // Outside a transaction the SDK answers a list (empty for a missing id: `{data: []}`);
    // inside one, the document itself or null.
    const data = res.data as unknown
    return strip<DocOf<C>>(
      Array.isArray(data)
        ? (data[0] as Record<string, unknown> | undefined)
        : (data as Record<string, unknown> | undefined),
    )
  }

  async find<C extends CollectionSpec>(c: C, q: FindQuery): Promise<Page<DocOf<C>>> {
    this.notInTx('find')
    const limit = Math.min(Math.max(1, q.limit), q.bulk ? this.bulkPage - 1 : MAX_PAGE)
    const orderBy = withIdTieBreaker(q.orderBy)
    const parts = this.where(c, q.where)
    if (q.cursor) parts.push(this.keyset(c, orderBy, decodeCursor(c, orderBy, q.cursor)))
    let query = this.query(c, parts) as Database.Query
    for (const k of orderBy) query = query.orderBy(this.fieldPath(c, k.field), k.dir)
    if (q.fields) {
      // The sort fields too: the cursor is made from the last document's values.
      const keep = [...q.fields, ...orderBy.map((k) => k.field), 'id']
      query = query.field(Object.fromEntries(keep.map((f) => [f === 'id' ? '_id' : f, true])))
    }
    const res = await query.limit(limit + 1).get()
    const rows = (res.data ?? []).map((r: Record<string, unknown>) => strip<DocOf<C>>(r)!)
    const more = rows.length > limit
    const page = more ? rows.slice(0, limit) : rows
    const last = page.at(-1) as Record<string, Scalar> | undefined
    return {
      items: page,
      nextCursor:
        more && last
          ? encodeCursor(
              orderBy,
              orderBy.map((k) => last[k.field] ?? null),
            )
          : null,
    }
  }

  async count<C extends CollectionSpec>(c: C, where?: Filter[]): Promise<number> {
    this.notInTx('count')
    const res = await (this.query(c, this.where(c, where)) as Database.Query).count()
    return res.total ?? 0
  }

  /**
   * Counted here from the matching documents, a page at a time, reading only the `by` fields:
   * the same answer as Postgres's GROUP BY without relying on the aggregate pipeline's limits.
   */
  async countBy<C extends CollectionSpec>(
    c: C,
    where: Filter[],
    by: string[],
  ): Promise<{ key: Scalar[]; n: number }[]> {
    this.notInTx('countBy')
    for (const f of by) this.fieldPath(c, f)
    const groups = new Map<string, { key: Scalar[]; n: number }>()
    let cursor: string | null = null
    do {
      const page: Page<DocOf<C>> = await this.find(c, {
        where,
        orderBy: [],
        limit: this.bulkPage,
        bulk: true,
        cursor,
        fields: by,
      })
      for (const d of page.items as Record<string, Scalar>[]) {
        const key = by.map((f) => d[f] ?? null)
        const id = JSON.stringify(key)
        const g = groups.get(id)
        if (g) g.n++
        else groups.set(id, { key, n: 1 })
      }
      cursor = page.nextCursor
    } while (cursor)
    return [...groups.values()]
  }

  async insert<C extends CollectionSpec>(c: C, doc: DocOf<C>): Promise<DocOf<C>> {
    try {
      const d = doc as Doc
      if (this.tx) {
        // No "create" inside CloudBase transactions: check, then set, isolated by the transaction.
        if (await this.get(c, d.id)) throw new DuplicateKeyError(c.name, 'id')
        await this.coll(c)
          .doc(d.id)
          .set({ ...d })
      } else await this.coll(c).add({ _id: d.id, ...d })
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw err
      if (isDuplicate(err)) throw new DuplicateKeyError(c.name, 'id')
      throw err
    }
    return doc
  }

  async insertMany<C extends CollectionSpec>(c: C, docs: DocOf<C>[]): Promise<string[]> {
    const inserted: string[] = []
    for (const doc of docs) {
      try {
        await this.insert(c, doc)
        inserted.push((doc as Doc).id)
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err
      }
    }
    return inserted
  }

  async update<C extends CollectionSpec>(
    c: C,
    id: string,
    patch: Partial<DocOf<C>>,
    opts: { expect?: Record<string, Scalar | undefined> } = {},
  ): Promise<DocOf<C> | null> {
    const { id: _ignored, ...plain } = patch as Record<string, unknown>
    // update() deep-merges object values as dotted paths; a patch replaces whole fields (as
    // Postgres' `doc || patch` does), so objects are set, not merged.
    const rest = Object.fromEntries(
      Object.entries(plain).map(([k, v]) => [
        k,
        v !== null && typeof v === 'object' && !Array.isArray(v) ? this._.set(v) : v,
      ]),
    )
    if (this.tx) {
      // Inside a transaction: read, compare, write — the transaction isolates us.
      const current = (await this.get(c, id)) as Record<string, Scalar> | null
      if (!current) return null
      for (const [k, v] of Object.entries(opts.expect ?? {}))
        if ((current[k] ?? null) !== (v ?? null)) return null
      await this.coll(c).doc(id).update(rest)
      return { ...current, ...plain } as DocOf<C>
    }
    const match: AnyQuery = { _id: id }
    for (const [k, v] of Object.entries(opts.expect ?? {})) match[k] = this._.eq(v ?? null)
    const res = await this.coll(c).where(match).update(rest)
    if (!res.updated) {
      // CloudBase reports 0 when the values were already equal; tell apart by reading back.
      const now = (await this.get(c, id)) as Record<string, unknown> | null
      if (!now) return null
      const same = Object.entries(plain).every(([k, v]) => JSON.stringify(now[k]) === JSON.stringify(v))
      const expected = Object.entries(opts.expect ?? {}).every(([k, v]) => (now[k] ?? null) === (v ?? null))
      return same && expected ? (now as DocOf<C>) : null
    }
    return this.get(c, id)
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
    const _ = this._
    // The fields as this write would leave them, or null when a guard refuses.
    const added = (current: Record<string, unknown>): Record<string, number> | null => {
      const next: Record<string, number> = {}
      for (const [field, n] of Object.entries(by)) next[field] = Number(current[field] ?? 0) + (n ?? 0)
      for (const [field, guard] of Object.entries(guards))
        if (guard && beyond(next[field] ?? Number(current[field] ?? 0), guard)) return null
      return next
    }
    if (this.tx) {
      const current = (await this.get(c, id)) as Record<string, unknown> | null
      const next = current && added(current)
      if (!current || !next) return null
      await this.coll(c).doc(id).update(next)
      return { ...current, ...next } as DocOf<C>
    }
    // The port answers the document as this increment left it (a rate limit compares its own
    // count), which `_.inc` can't: the SDK returns only how many matched. So a compare-and-set
    // on the fields' current values, retried on a fresh read when another write came first.
    for (let attempt = 0; attempt < INCREMENT_TRIES; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 4 * Math.min(attempt, 8)))
      const current = (await this.get(c, id)) as Record<string, unknown> | null
      const next = current && added(current)
      if (!current || !next) return null
      const unchanged = Object.fromEntries(
        [...new Set([...Object.keys(by), ...Object.keys(guards)])].map((f) => [f, _.eq(current[f] ?? null)]),
      )
      const res = await this.coll(c)
        .where({ _id: id, ...unchanged })
        .update(next)
      if (res.updated) return { ...current, ...next } as DocOf<C>
    }
    throw new Error(`increment of ${c.name} kept conflicting`)
  }

  async delete<C extends CollectionSpec>(c: C, id: string): Promise<boolean> {
    const res = await this.coll(c).doc(id).remove()
    return Boolean(res.deleted)
  }

  /**
   * runTransaction retries a write conflict three times, at once; under a burst (forty bookings
   * for one session) that is not enough, so a conflict that outlasts it is retried here, after
   * a random, growing wait, up to TX_RETRIES times more.
   */
  async transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    if (this.tx) return fn(this)
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.db.runTransaction(async (tx) => fn(new CloudBaseStore(this.db, tx)))) as R
      } catch (err) {
        const said = `${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`
        if (!/TRANSACTION_CONFLICT|WriteConflict|write conflict/i.test(said) || attempt >= TX_RETRIES)
          throw err
        // Exponential backoff with full jitter: forty bookings of one session spread out instead
        // of colliding again in step.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 10 * 2 ** Math.min(attempt, 6))))
      }
    }
  }

  async close(): Promise<void> {
    await this.onClose?.()
  }
}

/** Inside a CloudBase function no keys are needed; elsewhere TCB_SECRET_ID/KEY are. */
export const openCloudBaseStore = async (
  target: CloudBaseTarget,
  /** Called by close(): the local service stops with its store. */
  onClose?: () => Promise<void>,
): Promise<CloudBaseStore> => {
  const app = await initCloudBase(target)
  return new CloudBaseStore(app.database() as unknown as Db, undefined, onClose)
}
