import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { type JobRecord, jobs, persons } from '../../functions/store/collections'
import {
  DuplicateKeyError,
  type Filter,
  InvalidCursorError,
  MAX_PAGE,
  type Page,
  QueryInTransactionError,
  type Scalar,
  type SortKey,
  type Store,
  UndeclaredFieldError,
} from '../../functions/store/port'
import { aJob } from '../support/job-fixtures'
import { aPersonRecord } from '../support/registry'
import { availableAdapters } from './adapters'

/**
 * One contract, every adapter: what the use cases rely on the store for. A behaviour that
 * differs between the embedded store and production is a bug this suite exists to catch.
 */
const { adapters, skipped } = availableAdapters()
for (const line of skipped) console.log(`skipped: ${line}`)
if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI must run the store contract on a real PostgreSQL server: set TEST_DATABASE_URL')
}

const at = new Date('2026-11-20T00:00:00.000Z')
const record = (over: Parameters<typeof aJob>[0] = {}): JobRecord => toJobRecord(aJob(over), at)

describe.each(adapters)('store contract: $name', (adapter) => {
  let store: Store
  let dispose: () => Promise<void>

  beforeAll(async () => {
    ;({ store, dispose } = await adapter.open())
  })
  afterAll(() => dispose())

  // Each test works in its own slice of the county so tests don't see each other's rows.
  let town = 100
  const nextTown = () => `320621${town++}`

  it('reads back what it wrote, and null for a missing id', async () => {
    const doc = record({ region: nextTown() })
    await store.insert(jobs, doc)
    expect(await store.get(jobs, doc.id)).toEqual(doc)
    expect(await store.get(jobs, 'no-such-id')).toBeNull()
  })

  it('refuses a second document with the same id and keeps the first', async () => {
    const doc = record({ region: nextTown(), title: '原始' })
    await store.insert(jobs, doc)
    await expect(store.insert(jobs, { ...doc, title: '覆盖' })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await store.get(jobs, doc.id))?.title).toBe('原始')
  })

  it('inserts a batch, skipping ids that exist, and says which went in', async () => {
    const region = nextTown()
    const kept = record({ region, title: '已有' })
    await store.insert(jobs, kept)
    // Text that needs escaping inside an array literal must survive the batch intact.
    const fresh = [record({ region, title: '引号"和\\反斜杠' }), record({ region, title: '{花括号,逗号}' })]
    const ids = await store.insertMany(jobs, [{ ...kept, title: '覆盖' }, ...fresh])
    expect(ids.sort()).toEqual(fresh.map((j) => j.id).sort())
    expect((await store.get(jobs, kept.id))?.title).toBe('已有')
    for (const j of fresh) expect(await store.get(jobs, j.id)).toEqual(j)
    expect(await store.insertMany(jobs, fresh)).toEqual([])
    expect(await store.insertMany(jobs, [])).toEqual([])
  })

  it('filters with every operator on declared fields', async () => {
    const region = nextTown()
    const docs = [
      record({ region, salaryMax: 3000, category: 'textile', publicWelfare: false, title: 'Alpha 纺织' }),
      record({
        region: `${region}001`,
        salaryMax: 5000,
        category: 'cleaning',
        publicWelfare: true,
        title: 'beta 保洁',
      }),
      record({ region, salaryMax: 7000, category: 'logistics', publicWelfare: false, title: 'Gamma 仓管' }),
    ]
    for (const d of docs) await store.insert(jobs, d)
    const ids = async (...where: Filter[]) => {
      const page = await store.find(jobs, {
        where: [{ field: 'region', op: 'prefix', value: region }, ...where],
        orderBy: [{ field: 'salaryMax', dir: 'asc' }],
        limit: 10,
      })
      return page.items.map((d) => d.title)
    }
    expect(await ids()).toEqual(['Alpha 纺织', 'beta 保洁', 'Gamma 仓管'])
    expect(await ids({ field: 'salaryMax', op: 'eq', value: 5000 })).toEqual(['beta 保洁'])
    expect(await ids({ field: 'salaryMax', op: 'ne', value: 5000 })).toEqual(['Alpha 纺织', 'Gamma 仓管'])
    expect(await ids({ field: 'salaryMax', op: 'gt', value: 5000 })).toEqual(['Gamma 仓管'])
    expect(await ids({ field: 'salaryMax', op: 'gte', value: 5000 })).toEqual(['beta 保洁', 'Gamma 仓管'])
    expect(await ids({ field: 'salaryMax', op: 'lt', value: 5000 })).toEqual(['Alpha 纺织'])
    expect(await ids({ field: 'salaryMax', op: 'lte', value: 5000 })).toEqual(['Alpha 纺织', 'beta 保洁'])
    expect(await ids({ field: 'category', op: 'in', value: ['textile', 'logistics'] })).toEqual([
      'Alpha 纺织',
      'Gamma 仓管',
    ])
    expect(await ids({ field: 'category', op: 'in', value: [] })).toEqual([])
    expect(await ids({ field: 'publicWelfare', op: 'eq', value: true })).toEqual(['beta 保洁'])
    expect(await ids({ field: 'region', op: 'prefix', value: `${region}001` })).toEqual(['beta 保洁'])
    expect(await ids({ field: 'keywords', op: 'contains', value: 'gamma' })).toEqual(['Gamma 仓管'])
    expect(await ids({ field: 'keywords', op: 'contains', value: '保洁' })).toEqual(['beta 保洁'])
    // Regex metacharacters in a keyword are plain text, not a pattern.
    expect(await ids({ field: 'keywords', op: 'contains', value: '.*' })).toEqual([])
    expect(await store.count(jobs, [{ field: 'region', op: 'prefix', value: region }])).toBe(3)
  })

  it('finds by a list of ids that need escaping in an array literal, and only those', async () => {
    const region = nextTown()
    const odd = ['q"uote', 'back\\slash', 'com,ma', '{brace}', 'NULL', ' space ', "单引号'"]
    for (const id of odd) await store.insert(jobs, { ...record({ region }), id: `${region}-${id}` })
    const page = await store.find(jobs, {
      where: [{ field: 'id', op: 'in', value: [...odd.map((id) => `${region}-${id}`), `${region}-absent`] }],
      orderBy: [],
      limit: 20,
    })
    expect(page.items.map((d) => d.id).sort()).toEqual(odd.map((id) => `${region}-${id}`).sort())
  })

  it('counts matching documents per combination of declared fields (GROUP BY)', async () => {
    const region = nextTown()
    const docs = [
      record({ region, category: 'textile', publicWelfare: false, salaryMax: 3000 }),
      record({ region, category: 'textile', publicWelfare: true, salaryMax: 3000 }),
      record({ region, category: 'textile', publicWelfare: false, salaryMax: 4000 }),
      record({ region, category: 'cleaning', publicWelfare: false, salaryMax: 5000 }),
      record({ region: nextTown(), category: 'textile', publicWelfare: false, salaryMax: 3000 }),
    ]
    await store.insertMany(jobs, docs)
    const scope: Filter = { field: 'region', op: 'prefix', value: region }
    const sorted = (g: { key: Scalar[]; n: number }[]) => g.map((x) => `${x.key.join('|')}=${x.n}`).sort()
    expect(sorted(await store.countBy(jobs, [scope], ['category']))).toEqual(['cleaning=1', 'textile=3'])
    expect(sorted(await store.countBy(jobs, [scope], ['category', 'publicWelfare']))).toEqual([
      'cleaning|false=1',
      'textile|false=2',
      'textile|true=1',
    ])
    // Numbers come back as numbers, and the filter applies before counting.
    const bySalary = await store.countBy(
      jobs,
      [scope, { field: 'salaryMax', op: 'lt', value: 5000 }],
      ['salaryMax'],
    )
    expect(bySalary.map((g) => g.key[0]).sort()).toEqual([3000, 4000])
    expect(
      await store.countBy(jobs, [scope, { field: 'category', op: 'eq', value: 'none' }], ['category']),
    ).toEqual([])
    await expect(store.countBy(jobs, [scope], ['description'])).rejects.toBeInstanceOf(UndeclaredFieldError)
  })

  it('pages in a stable order with cursors, in either direction and on ties', async () => {
    const region = nextTown()
    // 23 docs with only 4 distinct salaries: ties must be broken by id, across pages.
    for (let i = 0; i < 23; i++) await store.insert(jobs, record({ region, salaryMax: 4000 + (i % 4) * 500 }))
    for (const orderBy of [
      [{ field: 'salaryMax', dir: 'desc' }],
      [
        { field: 'salaryMax', dir: 'asc' },
        { field: 'publishedAt', dir: 'desc' },
      ],
    ] as SortKey[][]) {
      const all = await store.find(jobs, {
        where: [{ field: 'region', op: 'eq', value: region }],
        orderBy,
        limit: 50,
      })
      expect(all.items).toHaveLength(23)
      expect(all.nextCursor).toBeNull()
      const paged: string[] = []
      let cursor: string | null = null
      do {
        const page: Page<JobRecord> = await store.find(jobs, {
          where: [{ field: 'region', op: 'eq', value: region }],
          orderBy,
          limit: 5,
          cursor,
        })
        expect(page.items.length).toBeLessThanOrEqual(5)
        paged.push(...page.items.map((d) => d.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(paged).toEqual(all.items.map((d) => d.id))
    }
  })

  it('reads only the named fields when asked, paging as usual', async () => {
    const region = nextTown()
    const docs = [0, 1, 2].map((i) => record({ region, title: `投影${i}`, requirements: [`要求${i}`] }))
    for (const d of docs) await store.insert(jobs, d)
    const seen: Record<string, unknown>[] = []
    let cursor: string | null = null
    do {
      const page: Page<JobRecord> = await store.find(jobs, {
        where: [{ field: 'region', op: 'eq', value: region }],
        orderBy: [{ field: 'publishedAt', dir: 'desc' }],
        limit: 2,
        cursor,
        fields: ['title', 'requirements'],
      })
      seen.push(...(page.items as unknown as Record<string, unknown>[]))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort())
    for (const d of seen) {
      const full = docs.find((x) => x.id === d.id)!
      expect(d.title).toBe(full.title)
      expect(d.requirements).toEqual(full.requirements)
      // What was not asked for stays in the database.
      expect(d.description).toBeUndefined()
      expect(d.salaryMax).toBeUndefined()
    }
  })

  it('never returns more than a page, whatever is asked', async () => {
    const page = await store.find(jobs, { orderBy: [{ field: 'publishedAt', dir: 'desc' }], limit: 10_000 })
    expect(page.items.length).toBeLessThanOrEqual(MAX_PAGE)
    const bulk = await store.find(jobs, {
      orderBy: [{ field: 'publishedAt', dir: 'desc' }],
      limit: 10_000,
      bulk: true,
    })
    expect(bulk.items.length).toBeLessThanOrEqual(store.bulkPage)
    expect(store.bulkPage).toBeGreaterThanOrEqual(MAX_PAGE)
  })

  it('refuses a tampered cursor or one from another sort', async () => {
    const orderBy: SortKey[] = [{ field: 'salaryMax', dir: 'asc' }]
    await expect(store.find(jobs, { orderBy, limit: 1, cursor: 'garbage' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    const first = await store.find(jobs, { orderBy, limit: 1 })
    expect(first.nextCursor).not.toBeNull()
    await expect(
      store.find(jobs, {
        orderBy: [{ field: 'publishedAt', dir: 'asc' }],
        limit: 1,
        cursor: first.nextCursor,
      }),
    ).rejects.toBeInstanceOf(InvalidCursorError)
  })

  it('refuses to filter or sort on an undeclared field', async () => {
    await expect(
      store.find(jobs, { where: [{ field: 'employer', op: 'eq', value: 'x' }], orderBy: [], limit: 1 }),
    ).rejects.toBeInstanceOf(UndeclaredFieldError)
  })

  it('updates only when the expected values still hold (compare-and-set)', async () => {
    const doc = record({ region: nextTown() })
    await store.insert(jobs, doc)
    const closed = await store.update(jobs, doc.id, { status: 'filled' }, { expect: { status: 'published' } })
    expect(closed?.status).toBe('filled')
    expect(closed?.title).toBe(doc.title)
    const again = await store.update(jobs, doc.id, { status: 'expired' }, { expect: { status: 'published' } })
    expect(again).toBeNull()
    expect((await store.get(jobs, doc.id))?.status).toBe('filled')
    expect(await store.update(jobs, 'missing', { status: 'filled' })).toBeNull()
  })

  it('lets exactly one of many concurrent compare-and-sets win', async () => {
    const doc = record({ region: nextTown() })
    await store.insert(jobs, doc)
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.update(
          jobs,
          doc.id,
          { status: 'filled', contactName: `w${i}` },
          { expect: { status: 'published' } },
        ),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('increments atomically and never past the guard', async () => {
    const doc = record({ region: nextTown(), headcount: 0 })
    await store.insert(jobs, doc)
    const results = await Promise.all(
      Array.from({ length: 12 }, () => store.increment(jobs, doc.id, 'headcount', 1, { max: 5 })),
    )
    expect(results.filter(Boolean)).toHaveLength(5)
    // Each answers the value its own increment made (a rate limit compares its own count).
    expect(
      results
        .filter(Boolean)
        .map((r) => r!.headcount)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5])
    expect((await store.get(jobs, doc.id))?.headcount).toBe(5)
    expect(await store.increment(jobs, doc.id, 'headcount', -10, { min: 0 })).toBeNull()
    expect((await store.increment(jobs, doc.id, 'headcount', -2, { min: 0 }))?.headcount).toBe(3)
  })

  it('adds to several fields in one write, all or none, never past a guard — also one it does not add to', async () => {
    // As a session's number and seat: each taker gets both or neither, under concurrency.
    const doc = record({ region: nextTown(), headcount: 0, salaryMin: 0, salaryMax: 0 })
    await store.insert(jobs, doc)
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        store.incrementFields(jobs, doc.id, { headcount: 1, salaryMin: 2 }, { headcount: { max: 5 } }),
      ),
    )
    const taken = results.filter(Boolean)
    expect(taken).toHaveLength(5)
    expect(taken.map((r) => [r!.headcount, r!.salaryMin]).sort()).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
      [5, 10],
    ])
    expect(await store.get(jobs, doc.id)).toMatchObject({ headcount: 5, salaryMin: 10, salaryMax: 0 })
    // A guard on a field left as it is: nothing moves while it is out of bounds.
    expect(await store.incrementFields(jobs, doc.id, { salaryMax: 1 }, { headcount: { max: 4 } })).toBeNull()
    expect(
      await store.incrementFields(jobs, doc.id, { salaryMax: 1 }, { headcount: { min: 5 } }),
    ).toMatchObject({
      headcount: 5,
      salaryMax: 1,
    })
    // In a transaction, undone with it.
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.incrementFields(jobs, doc.id, { headcount: -1, salaryMax: 1 })).toMatchObject({
          headcount: 4,
          salaryMax: 2,
        })
        throw new Error('abandon')
      }),
    ).rejects.toThrow('abandon')
    expect(await store.get(jobs, doc.id)).toMatchObject({ headcount: 5, salaryMin: 10, salaryMax: 1 })
    expect(await store.incrementFields(jobs, 'no-such-id', { headcount: 1 })).toBeNull()
  })

  it('replaces an object-valued field whole — also one that was null — in and out of a transaction', async () => {
    const n = town++
    const p = aPersonRecord(n, { id: `psn_obj_${n}`, idHash: `obj-${n}` })
    await store.insert(persons, {
      ...p,
      jobWishes: { occupations: ['仓管'], places: ['海安镇'], expectedPay: 5000 },
    })
    // A patch names whole fields: what the new value leaves out is gone, not merged in.
    await store.update(persons, p.id, { jobWishes: { occupations: ['电工'] } as never })
    expect((await store.get(persons, p.id))!.jobWishes).toEqual({ occupations: ['电工'] })
    const registration = { certificateNo: 'HA2026000001', registeredAt: '2026-11-20' }
    await store.update(persons, p.id, { registration })
    expect((await store.get(persons, p.id))!.registration).toEqual(registration)
    await store.transaction(async (tx) => {
      await tx.update(persons, p.id, { registration: null, family: { householdSize: 2 } as never })
    })
    const after = await store.get(persons, p.id)
    expect(after!.registration).toBeNull()
    expect(after!.family).toEqual({ householdSize: 2 })
  })

  it('deletes', async () => {
    const doc = record({ region: nextTown() })
    await store.insert(jobs, doc)
    expect(await store.delete(jobs, doc.id)).toBe(true)
    expect(await store.get(jobs, doc.id)).toBeNull()
    expect(await store.delete(jobs, doc.id)).toBe(false)
  })

  it('commits a transaction whole, or nothing of it', async () => {
    const a = record({ region: nextTown() })
    const b = record({ region: nextTown() })
    await store.transaction(async (tx) => {
      await tx.insert(jobs, a)
      await tx.update(jobs, a.id, { title: '事务内修改' })
    })
    expect((await store.get(jobs, a.id))?.title).toBe('事务内修改')

    await expect(
      store.transaction(async (tx) => {
        await tx.insert(jobs, b)
        await tx.update(jobs, a.id, { title: '不应保留' })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(await store.get(jobs, b.id)).toBeNull()
    expect((await store.get(jobs, a.id))?.title).toBe('事务内修改')
  })

  it('refuses find, count and countBy inside a transaction, as CloudBase does, and keeps nothing of it', async () => {
    const region = nextTown()
    const doc = record({ region })
    const where: Filter[] = [{ field: 'region', op: 'eq', value: region }]
    for (const query of [
      (tx: Store) => tx.find(jobs, { where, orderBy: [], limit: 5 }),
      (tx: Store) => tx.count(jobs, where),
      (tx: Store) => tx.countBy(jobs, where, ['category']),
    ]) {
      await expect(
        store.transaction(async (tx) => {
          await tx.insert(jobs, doc)
          await query(tx)
        }),
      ).rejects.toBeInstanceOf(QueryInTransactionError)
      expect(await store.get(jobs, doc.id)).toBeNull()
    }
    // By id is what a transaction is for.
    await store.transaction(async (tx) => {
      await tx.insert(jobs, doc)
      expect((await tx.get(jobs, doc.id))?.region).toBe(region)
    })
    expect(await store.count(jobs, where)).toBe(1)
  })
})
