/**
 * The store port: the only way use cases read and write state.
 *
 * It is deliberately small so that three very different databases can honour it with the same
 * behaviour: embedded Postgres (PGlite), a PostgreSQL server, and the CloudBase document
 * database. The contract suite in tests/contract runs the same cases against each adapter.
 *
 * Documents are flat JSON objects with a string `id`. Only fields declared in the collection's
 * spec can be filtered or sorted on; each of them is indexed by the adapters (a generated column
 * in Postgres, an index on CloudBase), so every read is an index read and paged.
 */

export type FieldType = 'text' | 'int' | 'num' | 'bool'
export type Scalar = string | number | boolean | null

export interface Doc {
  id: string
}

/**
 * A compound or unique index: its keys in order, `-field` for descending. `id` is the
 * tie-breaker (`_id` on CloudBase). Every declared field also gets a single-field index.
 */
export interface IndexSpec<F extends string = string> {
  readonly name: string
  readonly keys: readonly (F | 'id' | `-${F | 'id'}`)[]
  /**
   * One document per value. Documents without a value (null or missing) never collide: a
   * Postgres unique index, and on CloudBase a partial index over documents that have one.
   */
  readonly unique?: boolean
}

export interface CollectionSpec<T extends Doc = Doc> {
  readonly name: string
  /** Fields that may be filtered and sorted on, with their types. */
  readonly fields: { readonly [K in keyof T & string]?: FieldType }
  /**
   * The indexes beyond one per field, declared once: infra/cloudbase/database.json is generated
   * from them (`npm run gen:deploy`) and the schema contract checks the SQL migrations have each.
   */
  readonly indexes?: readonly IndexSpec[]
}

/** Declare a collection with its document type: `defineCollection<Job>()({ name, fields })`. */
export const defineCollection =
  <T extends Doc>() =>
  <const S extends CollectionSpec<T> & { readonly indexes?: readonly IndexSpec<keyof T & string>[] }>(
    spec: S,
  ): S & CollectionSpec<T> & { readonly __doc?: T } =>
    spec

export type DocOf<C> = C extends { readonly __doc?: infer T } ? Exclude<T, undefined> : never

export type Filter =
  | { field: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar }
  | { field: string; op: 'in'; value: Scalar[] }
  /** Text starts with value: region scopes (a division-code prefix). */
  | { field: string; op: 'prefix'; value: string }
  /** Case-insensitive substring: keyword search over a prepared text field. */
  | { field: string; op: 'contains'; value: string }

export interface SortKey {
  field: string
  dir: 'asc' | 'desc'
}

export interface FindQuery {
  where?: Filter[]
  /** The id is always added as the last tie-breaker so cursors are stable. */
  orderBy: SortKey[]
  limit: number
  cursor?: string | null
  /**
   * Only these top-level fields (and `id`) of each document: a scan that needs a few fields of
   * many documents moves only those. A named field the document lacks may come back null.
   * Use `findFields` (store/scan.ts) for the narrowed type.
   */
  fields?: string[]
  /**
   * A batch scan (reports, county-wide jobs): the adapter may return up to its `bulkPage`
   * rather than MAX_PAGE, so a scan of 100,000 records is hundreds of round trips, not a thousand.
   */
  bulk?: boolean
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * Largest page of an ordinary find (what a screen shows); a `bulk` find may return up to the
 * adapter's `bulkPage` (1,000 on every adapter: the CloudBase server SDK's own limit a query).
 */
export const MAX_PAGE = 100

export interface Store {
  readonly kind: 'pglite' | 'postgres' | 'cloudbase'
  /** Largest page a `bulk` find returns (MAX_PAGE where the database allows no more). */
  readonly bulkPage: number
  get<C extends CollectionSpec>(c: C, id: string): Promise<DocOf<C> | null>
  find<C extends CollectionSpec>(c: C, q: FindQuery): Promise<Page<DocOf<C>>>
  /** Count matching documents (for dashboards and checks; filters must be on declared fields). */
  count<C extends CollectionSpec>(c: C, where?: Filter[]): Promise<number>
  /**
   * How many matching documents share each combination of values of the declared fields `by`
   * (a GROUP BY): a report counts a quarter's records per person without moving each record.
   * One entry per combination present, in no particular order.
   */
  countBy<C extends CollectionSpec>(
    c: C,
    where: Filter[],
    by: string[],
  ): Promise<{ key: Scalar[]; n: number }[]>
  /** Insert a new document. Throws DuplicateKeyError when the id or a unique key exists. */
  insert<C extends CollectionSpec>(c: C, doc: DocOf<C>): Promise<DocOf<C>>
  /**
   * Insert many documents at once, skipping any whose id (or a unique key) already exists.
   * Returns the ids actually inserted: a rerun of a batch inserts nothing and says so.
   */
  insertMany<C extends CollectionSpec>(c: C, docs: DocOf<C>[]): Promise<string[]>
  /**
   * Shallow-merge `patch` into the document, only if every `expect` field still has the given
   * value (compare-and-set). Returns the new document, or null when it is missing or changed.
   */
  update<C extends CollectionSpec>(
    c: C,
    id: string,
    patch: Partial<DocOf<C>>,
    opts?: { expect?: Partial<Record<keyof DocOf<C> & string, Scalar>> },
  ): Promise<DocOf<C> | null>
  /**
   * Atomically add `by` to a numeric field, only if the result stays within the guard.
   * Returns the new document, or null when it is missing or the guard refused.
   */
  increment<C extends CollectionSpec>(
    c: C,
    id: string,
    field: keyof DocOf<C> & string,
    by: number,
    guard?: { min?: number; max?: number },
  ): Promise<DocOf<C> | null>
  /**
   * Atomically add to several numeric fields of one document at once (a session's number and its
   * seat: `{ seq: 1, booked: 1 }`), only if every guarded field is within its bounds afterwards —
   * a guarded field not added to is checked as it stands (`{ waiting: { max: 0 } }`: nobody
   * waits). Returns the new document, or null when it is missing or a guard refused.
   */
  incrementFields<C extends CollectionSpec>(
    c: C,
    id: string,
    by: Partial<Record<keyof DocOf<C> & string, number>>,
    guards?: Partial<Record<keyof DocOf<C> & string, { min?: number; max?: number }>>,
  ): Promise<DocOf<C> | null>
  delete<C extends CollectionSpec>(c: C, id: string): Promise<boolean>
  /**
   * Run `fn` atomically. Only single-document operations by id (get, insert, update,
   * increment, incrementFields, delete) are allowed inside, on every adapter: find, count and countBy throw
   * QueryInTransactionError (CloudBase can't run them in a transaction).
   */
  transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`duplicate key in ${collection}: ${key}`)
    this.name = 'DuplicateKeyError'
  }
}

/**
 * find, count and countBy inside a transaction: CloudBase transactions take single-document
 * operations by id only, so every adapter refuses them there — a use case that needs a query
 * makes it before the transaction, and the SQL adapters can't hide one CloudBase would refuse.
 */
export class QueryInTransactionError extends Error {
  constructor(op: string) {
    super(`${op} inside a transaction: only single-document operations by id are allowed there`)
    this.name = 'QueryInTransactionError'
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor')
    this.name = 'InvalidCursorError'
  }
}

export class UndeclaredFieldError extends Error {
  constructor(collection: string, field: string) {
    super(`${collection}.${field} is not a declared field; declare and index it first`)
    this.name = 'UndeclaredFieldError'
  }
}
