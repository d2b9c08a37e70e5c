import { isValidCardNumber } from '../../functions/contexts/applications/numbers'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The assistance card after it is issued: the yearly inspection task and record, kept by the
 * employer or the holder, returned, revoked — each by staff of the card's region only.
 */
let app: TestApp
let coord: string
let street: string
let county: string
let resident: string

const logIn = async () => {
  resident = await devLogin(app, { openid: 'card-res', role: 'resident' })
  coord = await devLogin(app, { openid: 'card-coord', role: 'coordinator', region: '320621100001' })
  street = await devLogin(app, { openid: 'card-street', role: 'street', region: '320621100' })
  county = await devLogin(app, { openid: 'card-county', role: 'county', region: '320621' })
}
const approve = (token: string, id: string) =>
  call(app, 'POST', `/api/reviews/${id}`, { token, body: { decision: 'approve' } })

let cardId: string

beforeAll(async () => {
  // Monday 1 December 2025, so the card is from 2025 and due for its 2026 inspection.
  app = await startTestApp({ now: new Date('2025-12-01T02:00:00.000Z') })
  await logIn()
  await putMe(app, { token: resident, body: aResident({ name: '韩卫国' }) })
  const reg = await call(app, 'POST', '/api/applications', {
    token: resident,
    body: {
      type: 'unemployment_registration',
      data: { unemployedSince: '2025-10-01', reason: 'dismissed', hukou: 'local_urban' },
      idempotencyKey: 'card-reg-0001',
    },
  })
  await approve(coord, reg.body.id)
  await approve(street, reg.body.id)
  const cert = await call(app, 'POST', '/api/applications', {
    token: resident,
    body: {
      type: 'difficulty_certification',
      data: { category: 'disabled', statement: '肢体残疾四级，求职多次未果。' },
      idempotencyKey: 'card-cert-001',
    },
  })
  await approve(coord, cert.body.id)
  await app.host.runJob('public-notice-close', new Date('2025-12-08T16:30:00.000Z'))
  await approve(street, cert.body.id)
  const done = await approve(county, cert.body.id)
  expect(isValidCardNumber(done.body.result.cardNumber)).toBe(true)
  const mine = await call(app, 'GET', '/api/cards', { token: resident })
  expect(mine.body.items).toHaveLength(1)
  cardId = mine.body.items[0].id
})
afterAll(() => app.close())

describe('the yearly inspection', () => {
  it('reminds the coordinator on January’s first working day, once', async () => {
    app.clock.set(new Date('2026-01-02T01:00:00.000Z')) // a holiday: not yet
    expect(await app.host.runJob('card-inspection-reminder', app.clock.now(), 'timer')).toMatchObject({
      reminded: 0,
    })
    app.clock.set(new Date('2026-01-04T01:00:00.000Z')) // Sunday 4 Jan 2026 is a make-up working day
    expect(await app.host.runJob('card-inspection-reminder', app.clock.now(), 'timer')).toEqual({
      reminded: 1,
    })
    expect(await app.host.runJob('card-inspection-reminder', app.clock.now(), 'timer')).toMatchObject({
      reminded: 0,
      skipped: 'already sent this year',
    })
    await logIn()
    const inbox = await call(app, 'GET', '/api/inbox', { token: coord })
    expect(inbox.body.items[0].title).toBe('2026 年就业援助卡年检：1 张待年检')
  })

  it('lists the card as due, records the inspection once, then no longer lists it', async () => {
    const due = await call(app, 'GET', '/api/cards?due=2026', { token: coord })
    expect(due.body.items.map((c: { id: string }) => c.id)).toEqual([cardId])
    expect(due.body.items[0].holder).toMatchObject({ name: '韩卫国' })
    const body = {
      year: 2026,
      employmentStatus: 'unemployed',
      policiesVerified: ['社会保险补贴'],
      note: '仍在求职',
    }
    const first = await call(app, 'POST', `/api/cards/${cardId}/inspections`, { token: coord, body })
    expect(first.status).toBe(200)
    expect(first.body.inspections).toHaveLength(1)
    const again = await call(app, 'POST', `/api/cards/${cardId}/inspections`, { token: coord, body })
    expect(again.body.code).toBe('CARD.ALREADY_INSPECTED')
    expect((await call(app, 'GET', '/api/cards?due=2026', { token: coord })).body.items).toEqual([])
  })

  it('refuses staff of another community, as if the card did not exist', async () => {
    const other = await devLogin(app, { openid: 'card-coord-2', role: 'coordinator', region: '320621100002' })
    const res = await call(app, 'POST', `/api/cards/${cardId}/status`, {
      token: other,
      body: { status: 'returned', reason: '越权尝试' },
    })
    expect(res.status).toBe(404)
    expect((await call(app, 'GET', '/api/cards?due=2026', { token: other })).body.items).toEqual([])
  })
})

describe('where the card goes', () => {
  it('is kept by the employer, then returned — and the holder leaves the difficulty list', async () => {
    const kept = await call(app, 'POST', `/api/cards/${cardId}/status`, {
      token: coord,
      body: { status: 'kept_by_employer', reason: '被海安恒达机械录用，享受政策期内由单位保管' },
    })
    expect(kept.body.status).toBe('kept_by_employer')
    const wrong = await call(app, 'POST', `/api/cards/${cardId}/status`, {
      token: coord,
      body: { status: 'kept_by_holder', reason: '不允许的转换' },
    })
    expect(wrong.body.code).toBe('CARD.WRONG_STATUS')
    const returned = await call(app, 'POST', `/api/cards/${cardId}/status`, {
      token: street,
      body: { status: 'returned', reason: '政策享受期满，单位退回' },
    })
    expect(returned.body.status).toBe('returned')
    const me = await call(app, 'GET', '/api/me', { token: resident })
    expect(me.body.keyGroups.map((g: { group: string }) => g.group)).toEqual(['registered_unemployed'])
  })

  it('is revoked with the registration when the holder leaves the labour market', async () => {
    const revoked = await call(app, 'POST', `/api/cards/${cardId}/status`, {
      token: coord,
      body: { status: 'revoked', reason: '已退休，退出人力资源市场' },
    })
    expect(revoked.body.status).toBe('revoked')
    expect(revoked.body.history.map((h: { status: string }) => h.status)).toEqual([
      'active',
      'kept_by_employer',
      'returned',
      'revoked',
    ])
    const me = await call(app, 'GET', '/api/me', { token: resident })
    expect(me.body.keyGroups).toEqual([])
    expect(me.body.registration).toBeNull()
    const inbox = await call(app, 'GET', '/api/inbox', { token: resident })
    expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('您的就业援助卡：已注销')
  })
})
