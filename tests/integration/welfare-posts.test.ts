import { persons, placementCases, welfareAllocations, welfarePosts } from '../../functions/store/collections'
import { aPersonRecord } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Public-welfare posts: the county defines them; allocation follows the statutory order — a
 * zero-employment household's member with an open 24-hour case first, then certified difficulty
 * persons — closes that case, marks the person as on a post, and never passes the post's count.
 * (Concurrent allocations are in tests/contract/welfare-allocation.contract.test.ts, on PostgreSQL.)
 */
const T0 = new Date('2026-12-10T02:00:00.000Z') // Thursday 10 December, 10:00 in Hai'an
let app: TestApp
const COUNTY = { openid: 'wp-county', role: 'county', region: '320621' }
const STREET = { openid: 'wp-street', role: 'street', region: '320621100' }
const OTHER_STREET = { openid: 'wp-street-2', role: 'street', region: '320621101' }
const COORD = { openid: 'wp-coord', role: 'coordinator', region: '320621100001' }
const as = (who: { openid: string; role: string; region?: string }) => devLogin(app, who)

const difficulty = [{ group: 'difficulty' as const, since: '2026-01-05', source: 'test' }]
const POST = {
  title: '社区保洁员',
  employer: '海安镇城市管理办公室',
  town: '320621100',
  count: 2,
  subsidyPerMonth: 1800,
  termMonths: 36,
  description: '负责中坝社区公共区域保洁，每天上午 6:00—11:00',
}

beforeAll(async () => {
  app = await startTestApp({ now: T0 })
  const store = app.deps.store
  // A zero-employment household whose 24-hour case is open.
  await store.insert(persons, aPersonRecord(1, { householdId: 'hh_z', employmentSince: '2026-11-01' }))
  await store.insert(persons, aPersonRecord(2, { householdId: 'hh_z', employmentSince: '2026-11-01' }))
  await store.insert(placementCases, {
    id: 'case_z',
    kind: 'zero_employment',
    status: 'open',
    householdId: 'hh_z',
    personIds: ['psn_t0000001', 'psn_t0000002'],
    community: '320621100001',
    openedAt: T0.toISOString(),
    deadline: '2026-12-11T02:00:00.000Z',
    level: 'community',
    history: [{ at: T0.toISOString(), action: 'opened', level: 'community' }],
    placement: null,
  })
  // Two certified difficulty persons (the one out of work longer comes first), one who is not.
  await store.insert(persons, aPersonRecord(3, { keyGroups: difficulty, employmentSince: '2026-03-01' }))
  await store.insert(persons, aPersonRecord(4, { keyGroups: difficulty, employmentSince: '2025-01-01' }))
  await store.insert(persons, aPersonRecord(5, { employmentSince: '2024-01-01' }))
  // In another town.
  await store.insert(
    persons,
    aPersonRecord(6, { keyGroups: difficulty, community: '320621101001', employmentSince: '2025-01-01' }),
  )
})
afterAll(() => app.close())

let postId: string

describe('defining a post', () => {
  it('is for county staff, for a town of their county', async () => {
    const made = await call(app, 'POST', '/api/welfare-posts', { token: await as(COUNTY), body: POST })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ townName: '海安镇', count: 2, filled: 0, remaining: 2, status: 'open' })
    postId = made.body.id
    const byStreet = await call(app, 'POST', '/api/welfare-posts', { token: await as(STREET), body: POST })
    expect(byStreet.status).toBe(403)
  })

  it('refuses a bad definition in Chinese, naming the field, and saves nothing', async () => {
    const county = await as(COUNTY)
    const zero = await call(app, 'POST', '/api/welfare-posts', { token: county, body: { ...POST, count: 0 } })
    expect(zero.status).toBe(400)
    expect(zero.body.issues).toEqual([
      expect.objectContaining({ field: 'count', message: '岗位数量至少 1 个' }),
    ])
    const community = await call(app, 'POST', '/api/welfare-posts', {
      token: county,
      body: { ...POST, town: '320621999' },
    })
    expect(community.status).toBe(400)
    expect(community.body.issues[0].field).toBe('town')
    expect(await app.deps.store.count(welfarePosts)).toBe(1)
  })
})

describe('allocating a post', () => {
  it('lists candidates in the statutory order: the household in its 24 hours, then the longest unemployed', async () => {
    const list = await call(app, 'GET', `/api/welfare-posts/${postId}/candidates`, {
      token: await as(STREET),
    })
    expect(list.status).toBe(200)
    expect(
      list.body.items.map((c: { personId: string; priority: string }) => [c.personId, c.priority]),
    ).toEqual([
      ['psn_t0000001', 'zero_employment'],
      ['psn_t0000002', 'zero_employment'],
      ['psn_t0000004', 'difficulty'],
      ['psn_t0000003', 'difficulty'],
    ])
    expect(list.body.items[0].why).toContain('零就业家庭')
  })

  it('refuses a difficulty person while the household still waits, and someone outside both groups', async () => {
    const street = await as(STREET)
    const early = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: street,
      body: { personId: 'psn_t0000004' },
    })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('WELFARE.PRIORITY')
    const outside = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: street,
      body: { personId: 'psn_t0000005' },
    })
    expect(outside.body.code).toBe('WELFARE.NOT_ELIGIBLE')
    expect((await app.deps.store.get(welfarePosts, postId))?.filled).toBe(0)
    expect(await app.deps.store.count(welfareAllocations)).toBe(0)
  })

  it('places the household member, closing the 24-hour case; the person is shown on the post', async () => {
    const street = await as(STREET)
    const placed = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: street,
      body: { personId: 'psn_t0000001', startedOn: '2026-12-11' },
    })
    expect(placed.status).toBe(200)
    expect(placed.body).toMatchObject({ filled: 1, remaining: 1 })
    expect(placed.body.allocations).toEqual([
      expect.objectContaining({
        personId: 'psn_t0000001',
        priority: 'zero_employment',
        caseId: 'case_z',
        startedOn: '2026-12-11',
        endsOn: '2029-12-10',
      }),
    ])
    const c = await app.deps.store.get(placementCases, 'case_z')
    expect(c).toMatchObject({
      status: 'placed',
      placement: { personId: 'psn_t0000001', employer: POST.employer },
    })
    const person = await call(app, 'GET', '/api/people/psn_t0000001', { token: street })
    expect(person.body).toMatchObject({
      employmentStatus: 'stable',
      publicWelfarePost: { employer: POST.employer, since: '2026-12-11', until: '2029-12-10' },
    })
    const again = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: street,
      body: { personId: 'psn_t0000001' },
    })
    expect(again.body.code).toBe('WELFARE.ALREADY_PLACED')
  })

  it('then takes difficulty persons, and refuses a full post without changing anything', async () => {
    const county = await as(COUNTY)
    const second = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: county,
      body: { personId: 'psn_t0000004' },
    })
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ filled: 2, remaining: 0, status: 'closed' })
    expect(second.body.allocations).toContainEqual(
      expect.objectContaining({
        personId: 'psn_t0000004',
        priority: 'difficulty',
        caseId: null,
        startedOn: '2026-12-10',
      }),
    )
    const full = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: county,
      body: { personId: 'psn_t0000003' },
    })
    expect(full.status).toBe(409)
    expect(full.body.code).toBe('WELFARE.FULL')
    expect((await app.deps.store.get(persons, 'psn_t0000003'))?.employmentStatus).toBe('unemployed')
    expect(await app.deps.store.count(welfareAllocations)).toBe(2)
  })

  it('stays within the region: other towns see nothing, coordinators may look but not allocate', async () => {
    const other = await as(OTHER_STREET)
    expect((await call(app, 'GET', `/api/welfare-posts/${postId}`, { token: other })).status).toBe(404)
    expect((await call(app, 'GET', '/api/welfare-posts', { token: other })).body.items).toEqual([])
    const coord = await as(COORD)
    const seen = await call(app, 'GET', `/api/welfare-posts/${postId}`, { token: coord })
    expect(seen.body.allocations).toHaveLength(2)
    const tried = await call(app, 'POST', `/api/welfare-posts/${postId}/allocations`, {
      token: coord,
      body: { personId: 'psn_t0000003' },
    })
    expect(tried.status).toBe(403)
    expect(
      (await call(app, 'GET', '/api/welfare-posts', { token: await as(STREET) })).body.items,
    ).toHaveLength(1)
  })

  it('is refused for a person of another town', async () => {
    const county = await as(COUNTY)
    const another = await call(app, 'POST', '/api/welfare-posts', {
      token: county,
      body: { ...POST, count: 1 },
    })
    const wrongTown = await call(app, 'POST', `/api/welfare-posts/${another.body.id}/allocations`, {
      token: county,
      body: { personId: 'psn_t0000006' },
    })
    expect(wrongTown.status).toBe(400)
    expect(wrongTown.body.issues[0].message).toContain('不在海安镇')
  })
})
