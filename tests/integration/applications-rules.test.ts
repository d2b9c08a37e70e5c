import { applications } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/** The rules around the chain: retries, races, wrong moves, withdrawals and objections. */
let app: TestApp
let n = 0
const REG = { unemployedSince: '2026-09-01', reason: 'contract_ended', hukou: 'local_urban' }

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
})
afterAll(() => app.close())

/** A fresh resident bound to a community, ready to apply. */
const newResident = async (community = '320621100001') => {
  n++
  const token = await devLogin(app, { openid: `rules-res-${n}`, role: 'resident' })
  const res = await putMe(app, {
    token,
    body: aResident({ name: `测试${'甲乙丙丁戊己庚辛壬癸'[n % 10]}`, community }),
  })
  expect(res.status).toBe(200)
  return token
}
const staff = (role: string, region: string) =>
  devLogin(app, { openid: `rules-${role}-${region}`, role, region })
const submit = (token: string, key: string, type = 'unemployment_registration', data: unknown = REG) =>
  call(app, 'POST', '/api/applications', { token, body: { type, data, idempotencyKey: key } })
const review = (token: string, id: string, decision: string, reason?: string) =>
  call(app, 'POST', `/api/reviews/${id}`, { token, body: { decision, reason } })

describe('submitting', () => {
  it('answers a retried submit with the first application, 200 instead of 201', async () => {
    const token = await newResident()
    const first = await submit(token, 'retry-key-001')
    const retry = await submit(token, 'retry-key-001')
    expect([first.status, retry.status]).toEqual([201, 200])
    expect(retry.body.id).toBe(first.body.id)
  })

  it('creates exactly one application from concurrent submits with one key', async () => {
    const token = await newResident()
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(token, 'race-key-0001')))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true)
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
  })

  it('keeps one open application per person and type', async () => {
    const token = await newResident()
    expect((await submit(token, 'open-key-0001')).status).toBe(201)
    const second = await submit(token, 'open-key-0002')
    expect(second.status).toBe(409)
    expect(second.body.code).toBe('APPLICATION.ALREADY_OPEN')
    expect(second.body.message).toContain('失业登记')
  })

  it('names the wrong form fields and creates nothing', async () => {
    const token = await newResident()
    const res = await submit(token, 'bad-form-001', 'unemployment_registration', {
      unemployedSince: '去年',
      reason: 'bored',
      extra: 1,
    })
    expect(res.status).toBe(400)
    expect(res.body.issues.map((i: { field: string }) => i.field).sort()).toEqual(
      ['data.extra', 'data.hukou', 'data.reason', 'data.unemployedSince'].sort(),
    )
    expect((await call(app, 'GET', '/api/applications', { token })).body.items).toEqual([])
  })

  it('asks an unregistered caller to bind their identity first', async () => {
    const token = await devLogin(app, { openid: 'rules-nobody', role: 'resident' })
    const res = await submit(token, 'nobody-key-01')
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('PERSON.NOT_REGISTERED')
  })
})

describe('reviewing', () => {
  it('refuses a second decision at the same stage, and lets one of two racing reviewers win', async () => {
    const token = await newResident()
    const { body } = await submit(token, 'twice-key-001')
    const coord = await staff('coordinator', '320621100001')
    const [a, b] = await Promise.all([review(coord, body.id, 'approve'), review(coord, body.id, 'approve')])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const again = await review(coord, body.id, 'approve')
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('APPLICATION.WRONG_STAGE')
    expect((await app.deps.store.get(applications, body.id))?.status).toBe('street_review')
  })

  it('refuses a stage that is not the caller’s, and staff outside the region as if it did not exist', async () => {
    const token = await newResident()
    const { body } = await submit(token, 'scope-key-001')
    const countyAdmin = await staff('county', '320621')
    expect((await review(countyAdmin, body.id, 'approve')).body.code).toBe('APPLICATION.WRONG_STAGE')
    const otherCoord = await staff('coordinator', '320621100002')
    const outside = await review(otherCoord, body.id, 'approve')
    expect(outside.status).toBe(404)
    expect(outside.body.code).toBe('APPLICATION.NOT_FOUND')
    expect(
      (await call(app, 'GET', '/api/reviews?stage=community_review', { token: otherCoord })).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(body.id)
    expect((await app.deps.store.get(applications, body.id))?.status).toBe('community_review')
  })

  it('requires a reason to reject, and records it for the resident', async () => {
    const token = await newResident()
    const { body } = await submit(token, 'reject-key-01')
    const coord = await staff('coordinator', '320621100001')
    const bare = await review(coord, body.id, 'reject')
    expect(bare.status).toBe(400)
    expect(bare.body.issues[0].field).toBe('reason')
    const rejected = await review(coord, body.id, 'reject', '失业日期与社保记录不符，请核对后重新申请')
    expect(rejected.body.status).toBe('rejected')
    const seen = await call(app, 'GET', `/api/applications/${body.id}`, { token })
    expect(seen.body.timeline.at(-1)).toMatchObject({
      action: 'rejected',
      reason: '失业日期与社保记录不符，请核对后重新申请',
    })
    // Closed: the resident may apply again.
    expect((await submit(token, 'reject-key-02')).status).toBe(201)
  })

  it('keeps residents out of the review routes', async () => {
    const token = await newResident()
    expect((await call(app, 'GET', '/api/reviews', { token })).status).toBe(403)
  })
})

describe('withdrawing', () => {
  it('lets the applicant withdraw before a decision, once, and apply again', async () => {
    const token = await newResident()
    const { body } = await submit(token, 'withdraw-key1')
    const w = await call(app, 'POST', `/api/applications/${body.id}/withdraw`, { token })
    expect(w.body).toMatchObject({ status: 'withdrawn', canWithdraw: false })
    expect((await call(app, 'POST', `/api/applications/${body.id}/withdraw`, { token })).body.code).toBe(
      'APPLICATION.CLOSED',
    )
    expect((await submit(token, 'withdraw-key2')).status).toBe(201)
  })

  it('does not let anyone else withdraw or even see it', async () => {
    const token = await newResident()
    const { body } = await submit(token, 'private-key-1')
    const other = await newResident()
    const missing = await call(app, 'GET', '/api/applications/app_000000000000000000000000', { token: other })
    for (const path of [`/api/applications/${body.id}`]) {
      const res = await call(app, 'GET', path, { token: other })
      expect(res.status).toBe(404)
      expect({ code: res.body.code, message: res.body.message }).toEqual({
        code: missing.body.code,
        message: missing.body.message,
      })
    }
    expect((await call(app, 'POST', `/api/applications/${body.id}/withdraw`, { token: other })).status).toBe(
      404,
    )
  })
})

describe('objections to a public notice', () => {
  const toNotice = async () => {
    const token = await newResident()
    const coord = await staff('coordinator', '320621100001')
    const street = await staff('street', '320621100')
    const reg = await submit(token, `obj-reg-${n}-key`)
    await review(coord, reg.body.id, 'approve')
    await review(street, reg.body.id, 'approve')
    const cert = await submit(token, `obj-cert-${n}-k`, 'difficulty_certification', {
      category: 'long_term_unemployed',
      statement: '连续失业一年以上，多次求职未成功。',
    })
    expect((await review(coord, cert.body.id, 'approve')).body.status).toBe('public_notice')
    return { token, id: cert.body.id as string, street }
  }

  it('holds the application when anyone objects, until the street office dismisses it', async () => {
    const { id, street } = await toNotice()
    const neighbour = await newResident()
    const obj = await call(app, 'POST', `/api/public-notices/${id}/objections`, {
      token: neighbour,
      body: { reason: '据了解其已在外地务工' },
    })
    expect(obj.status).toBe(200)
    expect((await app.deps.store.get(applications, id))?.status).toBe('objection_hold')
    // Still listed on the notice board while the objection is looked into.
    const board = await call(app, 'GET', '/api/public-notices?community=320621100001')
    expect(board.body.items.find((i: { id: string }) => i.id === id)?.status).toBe('objection_hold')
    // The street officer reads what the objection says before deciding; nobody learns who made it.
    const seen = await call(app, 'GET', `/api/applications/${id}`, { token: street })
    expect(seen.body.objections).toEqual([{ at: expect.any(String), reason: '据了解其已在外地务工' }])
    expect(JSON.stringify(seen.body)).not.toContain('rules-res-')
    const dismissed = await review(street, id, 'approve', '经核实，其未在外地就业')
    expect(dismissed.body.status).toBe('public_notice')
  })

  it('rejects the application when the objection is upheld', async () => {
    const { id, street } = await toNotice()
    const neighbour = await newResident()
    await call(app, 'POST', `/api/public-notices/${id}/objections`, {
      token: neighbour,
      body: { reason: '其已在本镇某企业稳定就业' },
    })
    const upheld = await review(street, id, 'reject', '经核实，申请人已稳定就业')
    expect(upheld.body.status).toBe('rejected')
  })

  it('refuses an objection to something not under notice, and the applicant’s own', async () => {
    const { token, id } = await toNotice()
    expect(
      (
        await call(app, 'POST', `/api/public-notices/${id}/objections`, {
          token,
          body: { reason: '我反对我自己' },
        })
      ).status,
    ).toBe(403)
    const regToken = await newResident()
    const reg = await submit(regToken, 'not-notice-01')
    const res = await call(app, 'POST', `/api/public-notices/${reg.body.id}/objections`, {
      token: regToken,
      body: { reason: '这不在公示中' },
    })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('NOTICE.NOT_OPEN')
  })
})
