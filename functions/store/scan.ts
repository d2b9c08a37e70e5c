import type { CollectionSpec, DocOf, FindQuery, Page, Store } from './port'

/**
 * Every page of a query, one at a time: the one paging loop, so callers never hand-write
 * `do { find } while (cursor)`. Memory holds one page; `cursor` resumes a scan saved earlier.
 * Without a `limit`, pages are the store's bulk size (1,000 rows on Postgres, 100 on CloudBase).
 */
export async function* scanPages<C extends CollectionSpec>(
  store: Store,
  c: C,
  q: Omit<FindQuery, 'limit' | 'cursor'> & { limit?: number; cursor?: string | null },
): AsyncGenerator<Page<DocOf<C>>> {
  let cursor = q.cursor ?? null
  do {
    const page = await store.find(c, {
      ...q,
      limit: q.limit ?? store.bulkPage,
      bulk: q.limit === undefined,
      cursor,
    })
    yield page
    cursor = page.nextCursor
  } while (cursor)
}

/** All documents of a small, bounded query (a household, a person's cards, the catalogue). */
export const findAll = async <C extends CollectionSpec>(
  store: Store,
  c: C,
  q: Omit<FindQuery, 'limit' | 'cursor'>,
  max = 2000,
): Promise<DocOf<C>[]> => {
  const out: DocOf<C>[] = []
  for await (const page of scanPages(store, c, q)) {
    out.push(...page.items)
    if (out.length >= max) break
  }
  return out
}

/**
 * Like findAll, reading only `fields` (and id) of each document: for scans over many documents
 * that need a few small fields of each (what a day's push sent, not its text).
 */
export const findFields = async <C extends CollectionSpec, F extends keyof DocOf<C> & string>(
  store: Store,
  c: C,
  q: Omit<FindQuery, 'limit' | 'cursor' | 'fields'>,
  fields: F[],
  max = 2000,
): Promise<Pick<DocOf<C>, F | ('id' & keyof DocOf<C>)>[]> => findAll(store, c, { ...q, fields }, max)

/** Remove every document whose `field` sorts before `before` (ended windows, expired codes). */
export const removeBefore = async <C extends CollectionSpec>(
  store: Store,
  c: C,
  field: string,
  before: string,
): Promise<number> => {
  let removed = 0
  for await (const page of scanPages(store, c, {
    where: [{ field, op: 'lt', value: before }],
    orderBy: [{ field, dir: 'asc' }],
    fields: [],
  }))
    for (const d of page.items) if (await store.delete(c, (d as { id: string }).id)) removed++
  return removed
}
