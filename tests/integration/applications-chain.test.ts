import { isValidCardNumber } from '../../functions/contexts/applications/numbers'
import { persons } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, capturedLogs, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The whole chain, as the people involved live it: a resident applies for difficulty
 * certification before being registered, is routed to registration first, the community and
 * street approve that, the certification goes through first review, a five-working-day public
 * notice with the name masked, street review and county decision — and the resident sees the
 * assistance-card number.
 */
let app: TestApp
const bodies: string[] = []
const track = async <T>(p: Promise<T>) => {
  const r = await p
  bodies.push(JSON.stringify(r))
  return r
}

// Monday 2026-11-23, 10:00 in Hai'an.
const start = new Date('2026-11-23T02:00:00.000Z')
let resident: string
let coordinator: string
let street: string
let county: string
const applicant = aResident({ name: '张晓明' })

/** Sessions last 12 hours: everyone logs in again after the clock moves on by days. */
const logInAll = async () => {
  resident = await devLogin(app, { openid: 'chain-resident', role: 'resident' })
  coordinator = await devLogin(app, { openid: 'chain-coord', role: 'coordinator', region: '320621100001' })
  street = await devLogin(app, { openid: 'chain-street', role: 'street', region: '320621100' })
  county = await devLogin(app, { openid: 'chain-county', role: 'county', region: '320621' })
}

beforeAll(async () => {
  app = await startTestApp({ now: start })
  await logInAll()
  await track(putMe(app, { token: resident, body: applicant }))
})
afterAll(() => app.close())

const submit = (type: string, data: unknown, key: string, token = resident) =>
  track(call(app, 'POST', '/api/applications', { token, body: { type, data, idempotencyKey: key } }))
const review = (token: string, id: string, decision: 'approve' | 'reject', reason?: string) =>
  track(call(app, 'POST', `/api/reviews/${id}`, { token, body: { decision, reason } }))
const queue = (token: string, stage: string) =>
  track(call(app, 'GET', `/api/reviews?stage=${stage}`, { token }))
const mine = (id: string) => track(call(app, 'GET', `/api/applications/${id}`, { token: resident }))

let certificationId: string
let registrationId: string

it('routes a certification from someone not yet registered to registration first', async () => {
  const cert = await submit(
    'difficulty_certification',
    { category: 'age_4050', statement: '今年 51 岁，原纺织厂关闭后一直未找到工作。' },
    'cert-key-0001',
  )
  expect(cert.status).toBe(201)
  expect(cert.body.status).toBe('waiting_registration')
  expect(cert.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'routed'])
  certificationId = cert.body.id

  const reg = await submit(
    'unemployment_registration',
    { unemployedSince: '2026-09-01', reason: 'business_closed', hukou: 'local_urban' },
    'reg-key-00001',
  )
  expect(reg.status).toBe(201)
  expect(reg.body.status).toBe('community_review')
  registrationId = reg.body.id
})

it('registers the resident after community and street review, and resumes the certification', async () => {
  const q = await queue(coordinator, 'community_review')
  expect(q.body.items.map((a: { id: string }) => a.id)).toEqual([registrationId])
  expect(q.body.items[0].applicant.name).toBe('张晓明')
  expect(q.body.items[0].applicant.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/)

  expect((await review(coordinator, registrationId, 'approve')).body.status).toBe('street_review')
  const done = await review(street, registrationId, 'approve')
  expect(done.body.status).toBe('approved')
  expect(done.body.result.certificateNo).toMatch(/^3206212026\d{6}$/)

  const cert = await mine(certificationId)
  expect(cert.body.status).toBe('community_review')
  expect(cert.body.timeline.at(-1)).toMatchObject({ action: 'resumed', reason: '失业登记已通过' })

  // Registered now: applying for registration again is refused with the certificate named.
  const again = await submit(
    'unemployment_registration',
    { unemployedSince: '2026-09-01', reason: 'business_closed', hukou: 'local_urban' },
    'reg-key-00002',
  )
  expect(again.status).toBe(409)
  expect(again.body.code).toBe('APPLICATION.ALREADY_REGISTERED')
  expect(again.body.message).toContain(done.body.result.certificateNo)
})

it('puts the certification under public notice for five working days, showing only a masked name', async () => {
  const approved = await review(coordinator, certificationId, 'approve', '情况属实')
  expect(approved.body.status).toBe('public_notice')
  // Five working days after Monday 11-23: Tue 24 … Mon 30 (the weekend does not count).
  expect(approved.body.notice.endsAt).toBe('2026-11-30T15:59:59.999Z')

  const notice = await track(call(app, 'GET', '/api/public-notices?community=320621100001'))
  expect(notice.body.items).toEqual([
    expect.objectContaining({
      id: certificationId,
      name: '张*明',
      typeLabel: '就业困难人员认定',
      endsAt: '2026-11-30T15:59:59.999Z',
    }),
  ])
  const text = JSON.stringify(notice.body)
  expect(text).not.toContain(applicant.idNumber.slice(6, 14))
  expect(text).not.toContain('statement')
  expect(text).not.toContain('纺织厂')
  expect(Object.keys(notice.body.items[0]).sort()).toEqual(
    ['community', 'communityName', 'endsAt', 'id', 'name', 'startedAt', 'status', 'typeLabel'].sort(),
  )
})

it('keeps the notice up until its last working day is over, then moves it on', async () => {
  const early = await app.host.runJob('public-notice-close', new Date('2026-11-30T15:00:00.000Z'))
  expect(early.closed).toBe(0)
  expect((await mine(certificationId)).body.status).toBe('public_notice')

  const due = await app.host.runJob('public-notice-close', new Date('2026-11-30T16:10:00.000Z'))
  expect(due.closed).toBe(1)
  const again = await app.host.runJob('public-notice-close', new Date('2026-11-30T16:10:00.000Z'))
  expect(again.closed).toBe(0)
  const cert = await mine(certificationId)
  expect(cert.body.status).toBe('street_review')
  expect(cert.body.timeline.at(-1)).toMatchObject({ action: 'notice_ended', reason: '公示期满无异议' })
})

it('issues the assistance card after street review and county decision', async () => {
  app.clock.set(new Date('2026-12-01T02:00:00.000Z'))
  await logInAll()
  expect((await review(street, certificationId, 'approve')).body.status).toBe('county_decision')
  const decided = await review(county, certificationId, 'approve', '同意认定')
  expect(decided.body.status).toBe('approved')

  const seen = await mine(certificationId)
  expect(seen.body.statusLabel).toBe('已通过')
  expect(isValidCardNumber(seen.body.result.cardNumber)).toBe(true)
  expect(seen.body.result.cardNumber.slice(0, 10)).toBe('3206212026')
  expect(seen.body.canWithdraw).toBe(false)

  const me = await track(call(app, 'GET', '/api/me', { token: resident }))
  expect(me.body.keyGroups.map((g: { group: string }) => g.group).sort()).toEqual([
    'difficulty',
    'registered_unemployed',
  ])
  expect(me.body.registration.certificateNo).toMatch(/^3206212026/)
})

it('told the resident of every change in the inbox', async () => {
  const inbox = await track(call(app, 'GET', '/api/inbox', { token: resident }))
  const titles: string[] = inbox.body.items.map((m: { title: string }) => m.title)
  expect(titles).toContain('您的「就业困难人员认定」申请：已通过')
  expect(titles).toContain('您的「失业登记」申请：已通过')
  expect(titles).toContain('您的「就业困难人员认定」申请：公示中')
  expect(inbox.body.unread).toBe(inbox.body.items.length)
  const read = await call(app, 'POST', `/api/inbox/${inbox.body.items[0].id}/read`, { token: resident })
  expect(read.status).toBe(200)
  expect((await call(app, 'GET', '/api/inbox', { token: resident })).body.unread).toBe(
    inbox.body.items.length - 1,
  )
})

it('stores no ID number or phone in the clear, and no response or log line carries one', async () => {
  const record = (await app.deps.store.find(persons, { orderBy: [], limit: 5 })).items
  expect(JSON.stringify(record)).not.toContain(applicant.idNumber)
  const everything = [...bodies, ...capturedLogs].join('\n')
  expect(everything).not.toContain(applicant.idNumber)
  expect(everything).not.toContain(applicant.phone)
})
