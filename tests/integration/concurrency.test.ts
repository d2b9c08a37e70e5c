import { cards, persons } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp, testStores } from '../support/test-app'

/**
 * Requests that arrive together, through the HTTP layer, on every store this machine has.
 * PGlite runs one transaction at a time and can't show a lost update; the PostgreSQL run (CI
 * sets TEST_DATABASE_URL) is the one that proves these.
 */
describe.each(testStores())('at the same moment, on %s', (store) => {
  let app: TestApp
  let resident: string
  let coord: string
  let county: string
  let personId: string
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z'), store })
    resident = await devLogin(app, { openid: 'race-res', role: 'resident' })
    coord = await devLogin(app, { openid: 'race-c', role: 'coordinator', region: '320621100001' })
    county = await devLogin(app, { openid: 'race-k', role: 'county', region: '320621' })
    personId = (await putMe(app, { token: resident, body: aResident({ name: '并发测' }) })).body.id
  })
  afterAll(() => app.close())

  it('five benefits recorded at once are all kept (6: policiesEnjoyed kept 1 of 5)', async () => {
    const policies: { id: string }[] = []
    for (let i = 0; i < 5; i++) {
      const made = await call(app, 'POST', '/api/policies', {
        token: county,
        body: {
          title: `并发补贴 ${i}`,
          summary: '只用于检查同时登记的享受记录。',
          effectiveFrom: '2026-01-01',
          rules: { fact: 'registration', is: true },
        },
      })
      await call(app, 'POST', `/api/policies/${made.body.id}/publish`, { token: county })
      policies.push(made.body)
    }
    const replies = await Promise.all(
      policies.map((p: { id: string }) =>
        call(app, 'POST', `/api/people/${personId}/enjoyments`, {
          token: county,
          body: { policyId: p.id, from: '2026-11', note: '并发登记测试' },
        }),
      ),
    )
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    const saved = await app.deps.store.get(persons, personId)
    expect(new Set(saved!.enjoyments!.map((e) => e.policyId))).toEqual(
      new Set(policies.map((p: { id: string }) => p.id)),
    )
  })

  it("a resident's own save keeps the benefits staff recorded, and can't write any (7)", async () => {
    const before = (await app.deps.store.get(persons, personId))!.enjoyments!.length
    const forged = await putMe(app, {
      token: resident,
      body: { ...aResident({ name: '并发测' }), policiesEnjoyed: [{ policy: '自己写的补贴' }] },
    })
    expect(forged.status).toBe(400)
    const me = (await app.deps.store.get(persons, personId))!
    const normal = await putMe(app, {
      token: resident,
      body: aResident({ name: '并发测', idNumber: undefined, phone: undefined, skills: ['焊工'] }),
    })
    expect(normal.status).toBe(200)
    const after = (await app.deps.store.get(persons, personId))!
    expect(after.enjoyments).toHaveLength(before)
    expect(after.policiesEnjoyed).toEqual(me.policiesEnjoyed)
    expect(after.skills).toEqual(['焊工'])
  })

  it('ten inspections of one card for one year: one stored, nine refused (6)', async () => {
    await app.deps.store.insert(cards, {
      id: 'card_race_1',
      number: '320621202500001',
      personId,
      community: '320621100001',
      status: 'active',
      issuedAt: '2025-06-01T00:00:00.000Z',
      applicationId: 'app_none',
      history: [],
      lastInspectedYear: 2025,
      inspections: [],
    })
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(app, 'POST', '/api/cards/card_race_1/inspections', {
          token: coord,
          body: { year: 2026, employmentStatus: 'unemployed', note: `第 ${i} 次` },
        }),
      ),
    )
    const statuses = replies.map((r) => r.status).sort()
    expect(statuses).toEqual([200, ...Array(9).fill(409)])
    const card = await app.deps.store.get(cards, 'card_race_1')
    expect(card!.inspections).toHaveLength(1)
  })

  it('one idempotency key sent with two types at once: one created, one refused (6)', async () => {
    const body = (type: string, data: unknown) => ({ type, data, idempotencyKey: 'race-key-0001' })
    const replies = await Promise.all([
      call(app, 'POST', '/api/applications', {
        token: resident,
        body: body('training_subsidy', {
          course: '电工',
          institution: '海安市职业培训中心',
          finishedOn: '2026-10-30',
        }),
      }),
      call(app, 'POST', '/api/applications', {
        token: resident,
        body: body('unemployment_registration', {
          unemployedSince: '2026-10-01',
          reason: 'dismissed',
          hukou: 'local_urban',
        }),
      }),
    ])
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409])
    expect(replies.find((r) => r.status === 409)!.body.code).toBe('APPLICATION.IDEMPOTENCY_CONFLICT')
  })
})
