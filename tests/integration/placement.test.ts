import { runFollowupMonthly } from '../../functions/contexts/followups/monthly-run'
import { createLogger } from '../../functions/platform/logger'
import { persons, placementCases } from '../../functions/store/collections'
import { aPersonRecord, REGISTERED } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Zero-employment households (托底安置 within 24 hours) and the 72-hour commitment: cases open by
 * themselves, climb to the street/town and the county when a deadline is missed, and close only
 * with a recorded placement.
 */
const T0 = new Date('2026-12-10T02:00:00.000Z') // Thursday 10 December, 10:00 in Hai'an
const H = 3600_000
let app: TestApp
let coord: string
let street: string
let county: string

const logIn = async () => {
  coord = await devLogin(app, { openid: 'pc-coord', role: 'coordinator', region: '320621100001' })
  street = await devLogin(app, { openid: 'pc-street', role: 'street', region: '320621100' })
  county = await devLogin(app, { openid: 'pc-county', role: 'county', region: '320621' })
}
const at = async (ms: number) => {
  app.clock.set(new Date(T0.getTime() + ms))
  await logIn()
}
const watch = () => app.host.runJob('zero-employment-watch', app.clock.now())
const titles = async (token: string) =>
  (await call(app, 'GET', '/api/inbox', { token })).body.items.map(
    (m: { title: string }) => m.title,
  ) as string[]

beforeAll(async () => {
  app = await startTestApp({ now: T0 })
  await logIn()
  // Household A: two unemployed adults and a retired grandmother (not of working age).
  await app.deps.store.insert(
    persons,
    aPersonRecord(1, { keyGroups: REGISTERED, householdId: 'hh_a', birthDate: '1982-03-01', gender: 'male' }),
  )
  await app.deps.store.insert(
    persons,
    aPersonRecord(2, {
      keyGroups: REGISTERED,
      householdId: 'hh_a',
      birthDate: '1984-07-01',
      gender: 'female',
    }),
  )
  await app.deps.store.insert(
    persons,
    aPersonRecord(3, {
      householdId: 'hh_a',
      birthDate: '1950-01-01',
      gender: 'female',
      employmentStatus: 'no_wish',
    }),
  )
  // Household B: one of two adults works.
  await app.deps.store.insert(
    persons,
    aPersonRecord(4, {
      keyGroups: REGISTERED,
      householdId: 'hh_b',
      birthDate: '1990-01-01',
      employmentStatus: 'stable',
    }),
  )
  await app.deps.store.insert(
    persons,
    aPersonRecord(5, {
      keyGroups: REGISTERED,
      householdId: 'hh_b',
      birthDate: '1991-01-01',
      employmentStatus: 'unemployed',
    }),
  )
})
afterAll(() => app.close())

describe('a zero-employment household', () => {
  let caseId: string

  it('opens one case with a 24-hour deadline, tells the coordinator, and puts its follow-ups on top', async () => {
    await runFollowupMonthly(app.deps, T0, createLogger(), 'manual')
    expect(await watch()).toMatchObject({ opened: 1, escalated: 0 })
    expect(await watch()).toMatchObject({ opened: 0 })
    const cases = await call(app, 'GET', '/api/placement-cases', { token: coord })
    expect(cases.body.items).toHaveLength(1)
    caseId = cases.body.items[0].id
    expect(cases.body.items[0]).toMatchObject({
      kind: 'zero_employment',
      level: 'community',
      deadline: new Date(T0.getTime() + 24 * H).toISOString(),
    })
    expect((await titles(coord)).some((t) => t.startsWith('紧急：'))).toBe(true)
    const tasks = await call(app, 'GET', '/api/followups/tasks?period=2026-12&status=open', { token: coord })
    expect(tasks.body.items[0].priority).toBe(2)
  })

  it('climbs to the street office when 24 hours pass, then to the county, and no further', async () => {
    await at(23 * H)
    expect(await watch()).toMatchObject({ escalated: 0 })
    await at(25 * H)
    expect(await watch()).toMatchObject({ escalated: 1 })
    expect((await app.deps.store.get(placementCases, caseId))?.level).toBe('street')
    expect((await titles(street)).some((t) => t.startsWith('逾期升级'))).toBe(true)
    await at(50 * H)
    expect(await watch()).toMatchObject({ escalated: 1 })
    expect((await app.deps.store.get(placementCases, caseId))?.level).toBe('county')
    expect((await titles(county)).some((t) => t.startsWith('逾期升级'))).toBe(true)
    await at(80 * H)
    expect(await watch()).toMatchObject({ escalated: 0 })
  })

  it('is out of sight and reach of another community’s coordinator', async () => {
    const other = await devLogin(app, { openid: 'pc-coord-2', role: 'coordinator', region: '320621100002' })
    expect((await call(app, 'GET', '/api/placement-cases', { token: other })).body.items).toEqual([])
    const res = await call(app, 'POST', `/api/placement-cases/${caseId}/placement`, {
      token: other,
      body: { personId: 'psn_t0000001', employer: '海安镇环卫所', post: '保洁员', startedOn: '2026-12-14' },
    })
    expect(res.status).toBe(404)
  })

  it('refuses a placement that starts later: the case stays open until the work begins', async () => {
    const res = await call(app, 'POST', `/api/placement-cases/${caseId}/placement`, {
      token: coord,
      body: { personId: 'psn_t0000001', employer: '海安镇环卫所', post: '保洁员', startedOn: '2027-05-01' },
    })
    expect(res.status).toBe(400)
    expect(res.body.issues).toContainEqual({
      field: 'startedOn',
      message: '上岗日期不能晚于今天：上岗后再登记安置',
    })
    expect((await app.deps.store.get(placementCases, caseId))?.status).toBe('open')
    const before = await call(app, 'POST', `/api/placement-cases/${caseId}/placement`, {
      token: coord,
      body: { personId: 'psn_t0000001', employer: '海安镇环卫所', post: '保洁员', startedOn: '2020-01-01' },
    })
    expect(before.status).toBe(400)
    expect((await app.deps.store.get(placementCases, caseId))?.status).toBe('open')
  })

  it('closes only with a recorded placement, which employs that person', async () => {
    const placed = await call(app, 'POST', `/api/placement-cases/${caseId}/placement`, {
      token: coord,
      body: {
        personId: 'psn_t0000001',
        employer: '海安镇中坝社区居委会',
        post: '公益性岗位·保洁员',
        startedOn: '2026-12-13',
        publicWelfare: true,
      },
    })
    expect(placed.status).toBe(200)
    expect(placed.body.status).toBe('placed')
    const person = await app.deps.store.get(persons, 'psn_t0000001')
    expect(person?.employmentStatus).toBe('stable')
    // On a public-welfare post: the fact the post subsidy is decided on.
    expect(person?.publicWelfarePost).toEqual({
      post: '公益性岗位·保洁员',
      employer: '海安镇中坝社区居委会',
      since: '2026-12-13',
    })
    expect(await watch()).toMatchObject({ opened: 0 })
  })
})

describe('a change in a household', () => {
  it('opens a case at once when the last working member becomes unemployed', async () => {
    await at(100 * H)
    await runFollowupMonthly(app.deps, app.clock.now(), createLogger(), 'manual')
    const tasks = await call(app, 'GET', '/api/followups/tasks?period=2026-12&q=居民4', { token: coord })
    const task = tasks.body.items.find((t: { personId: string }) => t.personId === 'psn_t0000004')
    const res = await call(app, 'POST', `/api/followups/tasks/${task.id}/records`, {
      token: coord,
      body: {
        channel: 'phone',
        outcome: '所在企业停产，本人已失业',
        employmentStatus: 'unemployed',
        employmentSince: '2026-12-12',
      },
    })
    expect(res.status).toBe(201)
    const cases = await call(app, 'GET', '/api/placement-cases', { token: coord })
    expect(cases.body.items.map((c: { householdId: string }) => c.householdId)).toContain('hh_b')
  })
})

describe('the 72-hour commitment', () => {
  it('gives an especially difficult person 72 hours before it escalates', async () => {
    await at(200 * H)
    const person = aPersonRecord(9, { birthDate: '1975-05-05' })
    await app.deps.store.insert(persons, person)
    const opened = await call(app, 'POST', `/api/people/${person.id}/immediate-commitment`, { token: coord })
    expect(opened.status).toBe(201)
    expect(opened.body.deadline).toBe(new Date(T0.getTime() + 272 * H).toISOString())
    expect(
      (await call(app, 'POST', `/api/people/${person.id}/immediate-commitment`, { token: coord })).body.code,
    ).toBe('CASE.ALREADY_OPEN')
    const level = async () => (await app.deps.store.get(placementCases, opened.body.id))?.level
    await at(271 * H)
    await watch()
    expect(await level()).toBe('community')
    await at(273 * H)
    await watch()
    expect(await level()).toBe('street')
  })

  it('ends with the person leaving the labour market: no longer climbs, and a return opens a new one', async () => {
    await at(300 * H)
    const person = aPersonRecord(10, { birthDate: '1976-06-06' })
    await app.deps.store.insert(persons, person)
    const opened = await call(app, 'POST', `/api/people/${person.id}/immediate-commitment`, { token: coord })
    const left = await call(app, 'POST', `/api/people/${person.id}/exit`, {
      token: coord,
      body: { reason: 'moved_away', date: '2026-12-22' },
    })
    expect(left.status).toBe(200)
    const closed = await app.deps.store.get(placementCases, opened.body.id)
    expect(closed?.status).toBe('closed')
    expect(closed?.history.at(-1)).toMatchObject({ action: 'closed' })
    await at(400 * H)
    await watch()
    expect((await app.deps.store.get(placementCases, opened.body.id))?.level).toBe('community')
    expect(
      (await call(app, 'GET', '/api/placement-cases', { token: coord })).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).not.toContain(opened.body.id)
  })
})

describe('the month end', () => {
  it('reports the households not cleared to the county, once', async () => {
    app.clock.set(new Date('2026-12-31T10:00:00.000Z'))
    await logIn()
    const first = await watch()
    expect(first.notCleared).toBe(1) // household B
    expect((await titles(county)).some((t) => t === '2026-12 月末：1 户零就业家庭尚未清零')).toBe(true)
    await watch()
    expect((await titles(county)).filter((t) => t.includes('月末'))).toHaveLength(1)
  })
})
