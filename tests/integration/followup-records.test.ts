import { runFollowupMonthly, taskId } from '../../functions/contexts/followups/monthly-run'
import { createLogger } from '../../functions/platform/logger'
import {
  deductions,
  type FollowupTaskRecord,
  followupRecords,
  followupTasks,
  persons,
} from '../../functions/store/collections'
import { findAll } from '../../functions/store/scan'
import { periodEnd } from '../../shared/followups/followup'
import { aPersonRecord, REGISTERED } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * One conversation is one follow-up (issue 10): a record entered from an overdue task of an
 * earlier month completes this month's task too, and a follow-up recorded without a task — an
 * unplanned visit from the person card — completes whatever is open and moves the cadence.
 */
const DEC_10 = new Date('2026-12-10T02:00:00.000Z')
const log = createLogger({ test: 'followup-records' })
let app: TestApp
const COORD = { openid: 'fr-coord', role: 'coordinator', region: '320621100001' }
const OTHER = { openid: 'fr-coord-2', role: 'coordinator', region: '320621102001' }
const visit = {
  channel: 'home_visit',
  outcome: '上门了解求职意向，推荐两个岗位',
  employmentStatus: 'unemployed',
}

const openTask = (personIndex: number, period: string): FollowupTaskRecord => {
  const p = aPersonRecord(personIndex)
  return {
    id: taskId(period, p.id),
    personId: p.id,
    personName: p.name,
    community: p.community,
    period,
    due: periodEnd(period),
    status: 'open',
    priority: 1,
    reason: 'unemployed',
    createdAt: `${period}-01T01:00:00.000Z`,
    doneAt: null,
    recordId: null,
  }
}

beforeEach(async () => {
  app = await startTestApp({ now: DEC_10 })
  for (const i of [1, 2])
    await app.deps.store.insert(persons, aPersonRecord(i, { idHash: `fr-${i}`, keyGroups: REGISTERED }))
})
afterEach(() => app.close())

it('a record from last month’s overdue task also completes this month’s', async () => {
  const nov = openTask(1, '2026-11')
  const dec = openTask(1, '2026-12')
  for (const t of [nov, dec]) await app.deps.store.insert(followupTasks, t)
  const token = await devLogin(app, COORD)
  const done = await call(app, 'POST', `/api/followups/tasks/${nov.id}/records`, { token, body: visit })
  expect(done.status).toBe(201)
  expect((await app.deps.store.get(followupTasks, nov.id))?.status).toBe('done')
  const december = await app.deps.store.get(followupTasks, dec.id)
  expect(december).toMatchObject({ status: 'done', recordId: done.body.recordId })
  // One record, not two.
  expect(
    await app.deps.store.count(followupRecords, [{ field: 'personId', op: 'eq', value: nov.personId }]),
  ).toBe(1)
})

it('records a follow-up without a task from the person card, completing what is open', async () => {
  const dec = openTask(2, '2026-12')
  await app.deps.store.insert(followupTasks, dec)
  const token = await devLogin(app, COORD)
  const personId = aPersonRecord(2).id
  const made = await call(app, 'POST', `/api/people/${personId}/followups`, {
    token,
    body: { ...visit, channel: 'phone', employmentStatus: 'flexible', employmentSince: '2026-12-01' },
  })
  expect(made.status).toBe(201)
  expect(made.body.completedTasks).toBe(1)
  expect((await app.deps.store.get(followupTasks, dec.id))?.status).toBe('done')
  // The cadence moves: the record is the last follow-up, and the status it found is on record.
  expect(await app.deps.store.get(persons, personId)).toMatchObject({
    lastFollowupAt: DEC_10.toISOString(),
    employmentStatus: 'flexible',
    employmentSince: '2026-12-01',
  })
  // A second unplanned call finds nothing open and still counts as a record.
  const again = await call(app, 'POST', `/api/people/${personId}/followups`, { token, body: visit })
  expect(again.body.completedTasks).toBe(0)
  expect(
    await app.deps.store.count(followupRecords, [{ field: 'personId', op: 'eq', value: personId }]),
  ).toBe(2)
})

it('refuses another community’s person and a record without its facts, changing nothing', async () => {
  const personId = aPersonRecord(1).id
  const other = await call(app, 'POST', `/api/people/${personId}/followups`, {
    token: await devLogin(app, OTHER),
    body: visit,
  })
  expect(other.status).toBe(404)
  const token = await devLogin(app, COORD)
  const bad = await call(app, 'POST', `/api/people/${personId}/followups`, {
    token,
    body: { channel: 'pigeon', outcome: '' },
  })
  expect(bad.status).toBe(400)
  const resident = await devLogin(app, { openid: 'fr-resident', role: 'resident' })
  expect(
    (await call(app, 'POST', `/api/people/${personId}/followups`, { token: resident, body: visit })).status,
  ).toBe(403)
  expect(await app.deps.store.count(followupRecords)).toBe(0)
})

it('a person who left follow-up gets no task from then on, and their open task is set aside', async () => {
  const dec = openTask(1, '2026-12')
  await app.deps.store.insert(followupTasks, dec)
  const token = await devLogin(app, COORD)
  const personId = aPersonRecord(1).id
  const future = await call(app, 'POST', `/api/people/${personId}/exit`, {
    token,
    body: { reason: 'retired', date: '2027-01-05' },
  })
  expect(future.status).toBe(400)
  expect(future.body.issues[0]).toMatchObject({ field: 'date', message: '退出日期不能晚于今天' })
  const left = await call(app, 'POST', `/api/people/${personId}/exit`, {
    token,
    body: { reason: 'moved_away', date: '2026-12-05', note: '随子女迁往苏州' },
  })
  expect(left.status).toBe(200)
  expect(left.body.exit).toMatchObject({ reason: 'moved_away', reasonLabel: '迁出本地', date: '2026-12-05' })
  expect((await app.deps.store.get(followupTasks, dec.id))?.status).toBe('exempt')
  // January's run: the other person, never followed up, gets a task; the one who left does not.
  const jan = await runFollowupMonthly(app.deps, new Date('2027-01-04T01:00:00.000Z'), log, 'manual')
  expect(jan.created).toBe(1)
  expect(await app.deps.store.get(followupTasks, taskId('2027-01', personId))).toBeNull()
  expect(await app.deps.store.get(followupTasks, taskId('2027-01', aPersonRecord(2).id))).not.toBeNull()
  // Nor is the set-aside task deducted when December closes.
  const closed = await app.host.runJob('followup-close', new Date('2027-01-01T00:30:00+08:00'))
  expect(closed.missed).toBe(0)
  const elsewhere = await call(app, 'POST', `/api/people/${aPersonRecord(2).id}/exit`, {
    token: await devLogin(app, OTHER),
    body: { reason: 'retired', date: '2026-12-01' },
  })
  expect(elsewhere.status).toBe(404)
})

it('a person never followed up carries since when their follow-up is overdue, month after month', async () => {
  const never = aPersonRecord(5, {
    idHash: 'fr-5',
    keyGroups: REGISTERED,
    lastFollowupAt: null,
    createdAt: '2026-09-01T02:00:00.000Z',
  })
  // Registered in December: nothing is overdue for them then.
  const newcomer = aPersonRecord(6, {
    idHash: 'fr-6',
    keyGroups: REGISTERED,
    lastFollowupAt: null,
    createdAt: '2026-12-01T02:00:00.000Z',
  })
  for (const p of [never, newcomer]) await app.deps.store.insert(persons, p)
  for (let m = 0; m < 3; m++) {
    await runFollowupMonthly(app.deps, new Date(Date.UTC(2026, 10 + m, 2, 1)), log, 'manual')
    await app.host.runJob('followup-close', new Date(Date.UTC(2026, 11 + m, 1, 0, 30)))
  }
  const lateness = async (period: string, id: string) =>
    (await app.deps.store.get(followupTasks, taskId(period, id)))?.lateSince ?? null
  expect(await lateness('2026-11', never.id)).toBeNull()
  expect(await lateness('2026-12', never.id)).toBe('2026-11')
  expect(await lateness('2027-01', never.id)).toBe('2026-11')
  expect(await lateness('2026-12', newcomer.id)).toBeNull()
  expect(await lateness('2027-01', newcomer.id)).toBe('2026-12')
})

it('a missed yearly follow-up is deducted once across the twelve months it stays missed', async () => {
  // Stable work, last followed up in November 2025: due in November 2026, then never done.
  const stable = aPersonRecord(3, {
    idHash: 'fr-3',
    keyGroups: REGISTERED,
    employmentStatus: 'stable',
    lastFollowupAt: '2025-11-10T02:00:00.000Z',
  })
  // Unemployed, followed monthly: each missed month is its own case.
  const jobless = aPersonRecord(4, {
    idHash: 'fr-4',
    keyGroups: REGISTERED,
    lastFollowupAt: '2026-10-10T02:00:00.000Z',
  })
  for (const p of [stable, jobless]) await app.deps.store.insert(persons, p)
  const deductionsOf = async (personId: string) =>
    (await findAll(app.deps.store, deductions, { where: [], orderBy: [] })).filter(
      (d) => d.personId === personId,
    )
  for (let m = 0; m < 12; m++) {
    const month = new Date(Date.UTC(2026, 10 + m, 2, 1)) // the 2nd of Nov 2026 … Oct 2027, 09:00
    await runFollowupMonthly(app.deps, month, log, 'manual')
    await app.host.runJob('followup-close', new Date(Date.UTC(2026, 11 + m, 1, 0, 30)))
  }
  const once = await deductionsOf(stable.id)
  expect(once).toHaveLength(1)
  expect(once[0]).toMatchObject({
    reason: expect.stringContaining('2026-11'),
    rule: expect.stringContaining('§四3'),
  })
  // Still on the list each month, marked missed, until someone follows them up.
  const missed = await app.deps.store.count(followupTasks, [
    { field: 'personId', op: 'eq', value: stable.id },
    { field: 'status', op: 'eq', value: 'missed' },
  ])
  expect(missed).toBe(12)
  expect(await deductionsOf(jobless.id)).toHaveLength(12)
  // Each later task says it carries the follow-up missed since November; the first did not.
  const lateness = async (period: string) =>
    (await app.deps.store.get(followupTasks, taskId(period, stable.id)))?.lateSince ?? null
  expect(await lateness('2026-11')).toBeNull()
  expect(await lateness('2026-12')).toBe('2026-11')
  expect(await lateness('2027-10')).toBe('2026-11')
  const list = await call(app, 'GET', `/api/followups/tasks?period=2026-12&status=missed`, {
    token: await devLogin(app, COORD),
  })
  expect(list.body.items.find((t: { personId: string }) => t.personId === stable.id).lateSince).toBe(
    '2026-11',
  )
  // The report names each deduction's person and rule.
  const report = await call(app, 'GET', '/api/followups/deductions?year=2026', {
    token: await devLogin(app, COORD),
  })
  const theirs = report.body.items.find((d: { personId: string }) => d.personId === stable.id)
  expect(theirs).toMatchObject({ points: 1, rule: expect.stringContaining('人员跟踪服务不到位') })

  // The county cancels it with a reason: listed as cancelled, no longer counted. Once only.
  const county = await devLogin(app, { openid: 'fr-county', role: 'county', region: '320621' })
  const path = `/api/followups/deductions/${theirs.id}/cancel`
  expect(
    (await call(app, 'POST', path, { token: await devLogin(app, COORD), body: { reason: '已迁出本县' } }))
      .status,
  ).toBe(403)
  expect((await call(app, 'POST', path, { token: county, body: { reason: '迁' } })).status).toBe(400)
  const before = (await call(app, 'GET', '/api/followups/deductions?year=2026', { token: county })).body
    .towns[0].points
  expect(
    (await call(app, 'POST', path, { token: county, body: { reason: '该人员已于 10 月迁出本县' } })).status,
  ).toBe(200)
  const after = await call(app, 'GET', '/api/followups/deductions?year=2026', { token: county })
  expect(after.body.towns[0].points).toBe(before - 1)
  expect(after.body.items.find((d: { id: string }) => d.id === theirs.id).cancelled).toMatchObject({
    reason: '该人员已于 10 月迁出本县',
  })
  const twice = await call(app, 'POST', path, { token: county, body: { reason: '再次撤销试试' } })
  expect(twice.body.code).toBe('DEDUCTION.CANCELLED')
})
