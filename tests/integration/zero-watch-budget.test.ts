import { type SweepOptions, watchZeroEmployment } from '../../functions/contexts/placement/placement-cases'
import { createLogger } from '../../functions/platform/logger'
import { persons, placementCases } from '../../functions/store/collections'
import { aPersonRecord, REGISTERED } from '../support/registry'
import { startTestApp, type TestApp } from '../support/test-app'

/**
 * zero-employment-watch at county scale: escalations never wait behind the household sweep, and
 * the sweep stops when its budget is spent and goes on from the last household it finished —
 * every household checked once per sweep, none opened twice.
 */
const T0 = new Date('2026-12-10T02:00:00.000Z')
let app: TestApp
const log = createLogger({ test: true })
const run = (opts: SweepOptions, at = app.clock.now()) => watchZeroEmployment(app.deps, at, log, opts)
const openCases = async () =>
  (await app.deps.store.count(placementCases, [{ field: 'status', op: 'eq', value: 'open' }])) as number

beforeAll(async () => {
  app = await startTestApp({ now: T0 })
  // Five households of two unemployed adults each: ten persons, four pages of three.
  for (let h = 1; h <= 5; h++)
    for (let m = 0; m < 2; m++)
      await app.deps.store.insert(
        persons,
        aPersonRecord(h * 10 + m, {
          keyGroups: REGISTERED,
          householdId: `hh_w${h}`,
          birthDate: '1985-01-01',
        }),
      )
})
afterAll(() => app.close())

it('pauses when its pages are spent and resumes at the next household, opening each case once', async () => {
  const first = await run({ pageSize: 3, maxPages: 1 })
  expect(first).toMatchObject({ sweepDone: 0, opened: 1, households: 1 })
  let runs = 1
  let opened = first.opened!
  for (;;) {
    const next = await run({ pageSize: 3, maxPages: 1 })
    runs++
    opened += next.opened!
    if (next.sweepDone) break
    expect(runs).toBeLessThan(10)
  }
  expect(runs).toBeGreaterThan(2)
  expect(opened).toBe(5)
  expect(await openCases()).toBe(5)
  // The sweep reached the end: the next starts over, and finds nothing new.
  expect(await run({})).toMatchObject({ sweepDone: 1, opened: 0, households: 5 })
})

it('escalates missed deadlines first, even when the sweep has no time left', async () => {
  const late = new Date(T0.getTime() + 25 * 3600_000)
  const result = await run({ budgetMs: 0, pageSize: 3 }, late)
  expect(result).toMatchObject({ escalated: 5, sweepDone: 0 })
  const levels = (
    await app.deps.store.find(placementCases, {
      where: [{ field: 'status', op: 'eq', value: 'open' }],
      orderBy: [],
      limit: 10,
    })
  ).items.map((c) => c.level)
  expect(levels).toEqual(['street', 'street', 'street', 'street', 'street'])
})
