import { runFollowupMonthly } from '../../functions/contexts/followups/monthly-run'
import { createLogger } from '../../functions/platform/logger'
import { shanghaiDate } from '../../functions/platform/time'
import {
  type FollowupTaskRecord,
  followupTasks,
  meta,
  type PersonRecord,
  persons,
} from '../../functions/store/collections'
import type { Page } from '../../functions/store/port'
import { findAll } from '../../functions/store/scan'
import { CADENCE_MONTHS, followupDue, periodOf } from '../../shared/followups/followup'
import type { EmploymentStatus } from '../../shared/people/person'
import { seedRegistry } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * The monthly follow-up engine: the right tasks, exactly once, resumable; then the coordinator's
 * workbench: record a home visit, move the cadence, services of the "131" package, and the
 * period close with its deductions.
 */
const DEC_1 = new Date('2026-12-01T01:00:00.000Z') // Tuesday 1 December 2026, 09:00 in Hai'an
const log = createLogger({ test: 'followups' })
let app: TestApp
let people: PersonRecord[]

// Some followed up in November (not due again if stable or flexible), some long ago, some never.
const lastFollowup = (i: number) =>
  i % 5 === 0 ? null : i % 5 === 1 ? '2026-11-10T02:00:00.000Z' : '2025-06-15T02:00:00.000Z'

// Followed: in a key group and of working age (the default bounds: the 1950-born are past them).
const expectedTasks = (ps: PersonRecord[], at: Date) =>
  ps
    .filter((p) => p.keyGroups.length > 0 && p.birthDate !== '1950-06-01')
    .filter((p) =>
      followupDue(
        p.employmentStatus,
        p.lastFollowupAt ? periodOf(new Date(p.lastFollowupAt)) : null,
        periodOf(at),
      ),
    )
    .map((p) => p.id)
    .sort()

const allTaskIds = async (app: TestApp, period: string) => {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: Page<FollowupTaskRecord> = await app.deps.store.find(followupTasks, {
      where: [{ field: 'period', op: 'eq', value: period }],
      orderBy: [],
      limit: 100,
      cursor,
    })
    ids.push(...page.items.map((t) => t.personId))
    cursor = page.nextCursor
  } while (cursor)
  return ids.sort()
}

beforeAll(async () => {
  app = await startTestApp({ now: DEC_1 })
  people = await seedRegistry(app.deps.store, 250, lastFollowup)
})
afterAll(() => app.close())

describe('the monthly run', () => {
  it('creates one task per person due this month, and nothing more on a second or third run', async () => {
    const coord = await devLogin(app, { openid: 'fu-coord-1', role: 'coordinator', region: '320621100001' })
    const first = await app.host.runJob('followup-monthly', DEC_1)
    const want = expectedTasks(people, DEC_1)
    expect(first.created).toBe(want.length)
    expect(await allTaskIds(app, '2026-12')).toEqual(want)
    expect((await app.host.runJob('followup-monthly', DEC_1)).alreadyDone).toBe(1)
    expect((await app.host.runJob('followup-monthly', DEC_1)).alreadyDone).toBe(1)
    expect(await allTaskIds(app, '2026-12')).toEqual(want)
    const inbox = await call(app, 'GET', '/api/inbox', { token: coord })
    expect(
      inbox.body.items.filter((m: { title: string }) => m.title.startsWith('2026-12 跟踪服务')),
    ).toHaveLength(1)
  })

  it('on its timer, waits for the month’s first working day (National Day holidays included)', async () => {
    const oct1 = new Date('2026-10-01T01:00:00.000Z')
    expect(await app.host.runJob('followup-monthly', oct1, 'timer')).toMatchObject({
      skipped: 'not the first workday of the month',
    })
    expect(await allTaskIds(app, '2026-10')).toEqual([])
    const oct8 = new Date('2026-10-08T01:00:00.000Z') // the first working day after the holidays
    expect((await app.host.runJob('followup-monthly', oct8, 'timer')).created).toBeGreaterThan(0)
  })
})

describe('a run stopped halfway', () => {
  it('resumes from its checkpoint and ends with the same tasks, none lost, none duplicated', async () => {
    const other = await startTestApp({ now: DEC_1 })
    try {
      const ps = await seedRegistry(other.deps.store, 250, lastFollowup)
      const partial = await runFollowupMonthly(other.deps, DEC_1, log, 'manual', { maxPages: 1 })
      expect(partial.partial).toBe(1)
      // Killed after writing the second page's tasks but before saving its checkpoint:
      await runFollowupMonthly(other.deps, DEC_1, log, 'manual', { maxPages: 1 })
      const state = await other.deps.store.get(meta, 'followup-monthly:2026-12')
      const rewound = { ...JSON.parse(state!.value), cursor: JSON.parse(state!.value).cursor }
      await other.deps.store.update(meta, 'followup-monthly:2026-12', {
        value: JSON.stringify({ ...rewound, cursor: null }),
      })
      const resumed = await runFollowupMonthly(other.deps, DEC_1, log, 'manual')
      expect(resumed.partial).toBeUndefined()
      expect(await allTaskIds(other, '2026-12')).toEqual(expectedTasks(ps, DEC_1))
    } finally {
      await other.close()
    }
  })
})

describe('the coordinator’s workbench', () => {
  let coord: string
  beforeAll(async () => {
    coord = await devLogin(app, { openid: 'fu-coord-1', role: 'coordinator', region: '320621100001' })
  })

  it('shows only the coordinator’s own community, difficulty persons before the rest', async () => {
    const res = await call(app, 'GET', '/api/followups/tasks?period=2026-12', { token: coord })
    expect(res.status).toBe(200)
    expect(res.body.items.every((t: { community: string }) => t.community === '320621100001')).toBe(true)
    // Overdue tasks of earlier months (October's, from the timer test) come first, then this month's by urgency.
    const periods = res.body.items.map((t: { period: string }) => t.period)
    expect(periods).toEqual([...periods].sort())
    expect(res.body.items[0]).toMatchObject({ period: '2026-10', overdue: true })
    const priorities = res.body.items
      .filter((t: { period: string }) => t.period === '2026-12')
      .map((t: { priority: number }) => t.priority)
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a))
    const other = await devLogin(app, { openid: 'fu-coord-2', role: 'coordinator', region: '320621100002' })
    const theirs = await call(app, 'GET', '/api/followups/tasks?period=2026-12', { token: other })
    expect(theirs.body.items.every((t: { community: string }) => t.community === '320621100002')).toBe(true)
    const resident = await devLogin(app, { openid: 'fu-resident', role: 'resident' })
    expect((await call(app, 'GET', '/api/followups/tasks', { token: resident })).status).toBe(403)
  })

  it('records a home visit that marks the person employed, moving their cadence to yearly', async () => {
    const list = await call(app, 'GET', '/api/followups/tasks?period=2026-12&status=open', { token: coord })
    const task = list.body.items.find(
      (t: { employmentStatus: string }) => t.employmentStatus === 'unemployed',
    )
    const res = await call(app, 'POST', `/api/followups/tasks/${task.id}/records`, {
      token: coord,
      body: {
        channel: 'home_visit',
        outcome: '已在海安恒达机械上班，签订一年劳动合同',
        employmentStatus: 'stable',
        employmentSince: '2026-11-20',
        nextStep: '明年回访',
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.task.status).toBe('done')
    const again = await call(app, 'POST', `/api/followups/tasks/${task.id}/records`, {
      token: coord,
      body: { channel: 'phone', outcome: '重复登记', employmentStatus: 'stable' },
    })
    expect(again.body.code).toBe('TASK.CLOSED')
    const person = await app.deps.store.get(persons, task.personId)
    expect(person).toMatchObject({ employmentStatus: 'stable', employmentSince: '2026-11-20' })
    const history = await call(app, 'GET', `/api/people/${task.personId}/history`, { token: coord })
    expect(history.body.followups[0]).toMatchObject({ channel: 'home_visit', employmentStatus: 'stable' })
    // Next month the unemployed get a task again; the newly employed person does not.
    const jan = new Date('2027-01-04T01:00:00.000Z')
    await app.host.runJob('followup-monthly', jan)
    const janTasks = await allTaskIds(app, '2027-01')
    expect(janTasks).not.toContain(task.personId)
  })

  it('refuses a record from a coordinator of another community, as if the task did not exist', async () => {
    const other = await devLogin(app, { openid: 'fu-coord-2', role: 'coordinator', region: '320621100002' })
    const mine = await call(app, 'GET', '/api/followups/tasks?period=2026-12&status=open', { token: coord })
    const res = await call(app, 'POST', `/api/followups/tasks/${mine.body.items[0].id}/records`, {
      token: other,
      body: { channel: 'phone', outcome: '越权登记', employmentStatus: 'stable' },
    })
    expect(res.status).toBe(404)
  })

  it('counts the “131” services and lists who is still short this year', async () => {
    const target = people.find((p) => p.community === '320621100001' && p.employmentStatus === 'unemployed')!
    const give = (kind: string) =>
      call(app, 'POST', `/api/people/${target.id}/services`, {
        token: coord,
        body: { kind, note: '记录一次服务' },
      })
    await give('guidance')
    await give('referral')
    const tally = await give('referral')
    expect(tally.body.counts).toEqual({ guidance: 1, referral: 2, training: 0 })
    expect(tally.body.short).toEqual(['职业介绍差 1 次', '技能培训差 1 次'])
    const short = await call(app, 'GET', '/api/followups/short-of-131', { token: coord })
    expect(short.body.items.map((i: { personId: string }) => i.personId)).toContain(target.id)
    await give('referral')
    const done = await give('training')
    expect(done.body.short).toEqual([])
  })

  it('leaves a person who left the labour market off the 131 list', async () => {
    const leaving = people.filter(
      (p) => p.community === '320621100001' && p.employmentStatus === 'unemployed',
    )[1]!
    const listed = async () =>
      (await call(app, 'GET', '/api/followups/short-of-131', { token: coord })).body.items.map(
        (i: { personId: string }) => i.personId,
      )
    expect(await listed()).toContain(leaving.id)
    const left = await call(app, 'POST', `/api/people/${leaving.id}/exit`, {
      token: coord,
      body: { reason: 'retired', date: shanghaiDate(app.clock.now()) },
    })
    expect(left.status).toBe(200)
    expect(await listed()).not.toContain(leaving.id)
  })
})

describe('closing the month', () => {
  it('turns open tasks into missed follow-ups, one point each against the street/town, once', async () => {
    // Everything still open from before January: December's, and October's from the timer test.
    const tasks = await findAll(
      app.deps.store,
      followupTasks,
      {
        where: [
          { field: 'period', op: 'lt', value: '2027-01' },
          { field: 'status', op: 'eq', value: 'open' },
        ],
        orderBy: [],
      },
      10_000,
    )
    const open = tasks.length
    // One case per follow-up window: a half-yearly or yearly person missed in October is not
    // deducted again for December; the unemployed, followed monthly, are.
    const cases = tasks.filter(
      (t) =>
        CADENCE_MONTHS[t.reason as EmploymentStatus] === 1 ||
        !tasks.some((o) => o.personId === t.personId && o.period < t.period),
    ).length
    expect(cases).toBeLessThan(open)
    const closed = await app.host.runJob('followup-close', new Date('2026-12-31T16:30:00.000Z'))
    expect(closed).toMatchObject({ missed: open, deducted: cases })
    expect((await app.host.runJob('followup-close', new Date('2026-12-31T16:30:00.000Z'))).missed).toBe(0)
    const street = await devLogin(app, { openid: 'fu-street', role: 'street', region: '320621100' })
    const report = await call(app, 'GET', '/api/followups/deductions?year=2026', { token: street })
    expect(report.body.towns).toEqual([{ code: '320621100', name: '海安镇', points: cases }])
    const sum = report.body.communities.reduce((n: number, c: { points: number }) => n + c.points, 0)
    expect(sum).toBe(cases)
  })
})
