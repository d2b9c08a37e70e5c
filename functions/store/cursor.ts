import { isCleanText } from '../../shared/text'
import { type CollectionSpec, type FieldType, InvalidCursorError, type Scalar, type SortKey } from './port'

/**
 * Keyset cursors: the sort values of the last item returned, plus the sort they belong to.
 * Opaque to clients (base64url JSON); a cursor from another sort or a tampered one is refused.
 */
const signature = (orderBy: SortKey[]): string => orderBy.map((k) => `${k.field}:${k.dir}`).join(',')

export const encodeCursor = (orderBy: SortKey[], values: Scalar[]): string =>
  Buffer.from(JSON.stringify({ s: signature(orderBy), v: values })).toString('base64url')

/** A value a column of this type can be compared with; anything else would be a 500 in SQL. */
const fits = (type: FieldType | undefined, v: unknown): boolean => {
  if (v === null) return true // a nullable sort field; the id (last) is checked apart
  switch (type) {
    case 'int':
      return Number.isSafeInteger(v)
    case 'num':
      return typeof v === 'number' && Number.isFinite(v)
    case 'bool':
      return typeof v === 'boolean'
    default:
      return typeof v === 'string' && isCleanText(v) && v.length <= 1000
  }
}

/**
 * The sort values a cursor carries, checked against the sort it claims and the declared type of
 * each sort field: a tampered or crafted cursor is a 400, never a cast error in the database.
 */
export const decodeCursor = (c: CollectionSpec, orderBy: SortKey[], cursor: string): Scalar[] => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  const p = parsed as { s?: unknown; v?: unknown }
  const types = orderBy.map((k) =>
    k.field === 'id' ? 'text' : (c.fields as Record<string, FieldType | undefined>)[k.field],
  )
  if (
    typeof p !== 'object' ||
    p === null ||
    p.s !== signature(orderBy) ||
    !Array.isArray(p.v) ||
    p.v.length !== orderBy.length ||
    !p.v.every((x, i) => fits(types[i], x)) ||
    typeof p.v.at(-1) !== 'string'
  ) {
    throw new InvalidCursorError()
  }
  return p.v as Scalar[]
}

/** The sort every adapter applies: the caller's keys, then the id as a tie-breaker. */
export const withIdTieBreaker = (orderBy: SortKey[]): SortKey[] =>
  orderBy.some((k) => k.field === 'id')
    ? orderBy
    : [...orderBy, { field: 'id', dir: orderBy.at(-1)?.dir ?? 'asc' }]
