import { InvalidCursorError, type Scalar, type SortKey } from './port'

/**
 * Keyset cursors: the sort values of the last item returned, plus the sort they belong to.
 * Opaque to clients (base64url JSON); a cursor from another sort or a tampered one is refused.
 */
const signature = (orderBy: SortKey[]): string => orderBy.map((k) => `${k.field}:${k.dir}`).join(',')

export const encodeCursor = (orderBy: SortKey[], values: Scalar[]): string =>
  Buffer.from(JSON.stringify({ s: signature(orderBy), v: values })).toString('base64url')

export const decodeCursor = (orderBy: SortKey[], cursor: string): Scalar[] => {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  const c = parsed as { s?: unknown; v?: unknown }
  if (
    typeof c !== 'object' ||
    c === null ||
    c.s !== signature(orderBy) ||
    !Array.isArray(c.v) ||
    c.v.length !== orderBy.length ||
    !c.v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))
  ) {
    throw new InvalidCursorError()
  }
  return c.v as Scalar[]
}

/** The sort every adapter applies: the caller's keys, then the id as a tie-breaker. */
export const withIdTieBreaker = (orderBy: SortKey[]): SortKey[] =>
  orderBy.some((k) => k.field === 'id')
    ? orderBy
    : [...orderBy, { field: 'id', dir: orderBy.at(-1)?.dir ?? 'asc' }]
