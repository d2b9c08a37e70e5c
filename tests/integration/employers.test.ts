import { auditLog } from '../../functions/store/collections'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Employers and vacancies over HTTP: a unit registers and is verified by the street office, its
 * vacancy goes to review and onto the job board, and each step is refused where the rules say.
 */
let app: TestApp
const EMPLOYER = { openid: 'emp-a', role: 'employer' }
const OTHER_EMPLOYER = { openid: 'emp-b', role: 'employer' }
const STREET = { openid: 'emp-street', role: 'street', region: '320621100' }
const OTHER_STREET = { openid: 'emp-street-2', role: 'street', region: '320621102' }
const COORD = { openid: 'emp-coord', role: 'coordinator', region: '320621100001' }

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-30T02:00:00.000Z') })
})
afterAll(() => app.close())

const as = (who: { openid: string; role: string; region?: string }) => devLogin(app, who)

const UNIT = {
  name: '海安恒达纺织有限公司',
  creditCode: '91320621MA1XYW1234',
  region: '320621100',
  address: '海安镇长江中路88号',
  industry: '纺织',
  contact: { name: '王经理', phone: '13912340000' },
}

const VACANCY = {
  title: '挡车工',
  category: 'textile',
  count: 5,
  salaryMin: 4500,
  salaryMax: 6500,
  region: '320621100',
  validUntil: '2027-02-28',
  description: '负责纺织机台看管，两班倒，包吃住。',
}

let employerId: string

describe('a unit registers and is verified', () => {
  it('registers as pending; registering again answers with the same unit', async () => {
    const token = await as(EMPLOYER)
    const first = await call(app, 'POST', '/api/employers', { token, body: UNIT })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ name: UNIT.name, status: 'pending', statusLabel: '待核验' })
    expect(first.body.contact.phone).toBe('139****0000')
    employerId = first.body.id
    const again = await call(app, 'POST', '/api/employers', { token, body: UNIT })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(employerId)
    expect((await call(app, 'GET', '/api/me/employer', { token })).body.id).toBe(employerId)
  })

  it('refuses a wrong credit code, naming the rule, and a code already registered', async () => {
    const token = await as(OTHER_EMPLOYER)
    const wrong = await call(app, 'POST', '/api/employers', {
      token,
      body: { ...UNIT, creditCode: '91320621MA1XYW1235' },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.issues).toEqual([
      { field: 'creditCode', message: '统一社会信用代码校验位不正确，请核对营业执照' },
    ])
    const taken = await call(app, 'POST', '/api/employers', { token, body: UNIT })
    expect(taken.status).toBe(409)
    expect(taken.body.code).toBe('EMPLOYER.CODE_TAKEN')
    expect((await call(app, 'GET', '/api/me/employer', { token })).status).toBe(404)
  })

  it('only street and county staff of its region verify it', async () => {
    expect(
      (await call(app, 'POST', `/api/employers/${employerId}/verify`, { token: await as(COORD), body: {} }))
        .status,
    ).toBe(403)
    expect(
      (
        await call(app, 'POST', `/api/employers/${employerId}/verify`, {
          token: await as(EMPLOYER),
          body: {},
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await call(app, 'POST', `/api/employers/${employerId}/verify`, {
          token: await as(OTHER_STREET),
          body: {},
        })
      ).status,
    ).toBe(404)
    const queue = await call(app, 'GET', '/api/employers?status=pending', { token: await as(STREET) })
    expect(queue.body.items.map((e: { id: string }) => e.id)).toContain(employerId)
  })
})

describe('a vacancy from submission to the job board', () => {
  let vacancyId: string

  it('is refused with the field named when the pay range is upside down or the date has passed', async () => {
    const token = await as(EMPLOYER)
    const upside = await call(app, 'POST', '/api/vacancies', { token, body: { ...VACANCY, salaryMin: 7000 } })
    expect(upside.body.issues).toEqual([{ field: 'salaryMax', message: '最高月薪不能低于最低月薪' }])
    const past = await call(app, 'POST', '/api/vacancies', {
      token,
      body: { ...VACANCY, validUntil: '2026-11-01' },
    })
    expect(past.body.issues).toEqual([{ field: 'validUntil', message: '有效期应晚于今天' }])
  })

  it('goes to review, cannot be published while the unit is unverified, then is published', async () => {
    const token = await as(EMPLOYER)
    const created = await call(app, 'POST', '/api/vacancies', { token, body: VACANCY })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'pending', employer: UNIT.name, count: 5 })
    vacancyId = created.body.id
    const street = await as(STREET)
    const early = await call(app, 'POST', `/api/vacancies/${vacancyId}/review`, {
      token: street,
      body: { decision: 'approve' },
    })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('EMPLOYER.NOT_VERIFIED')
    const verified = await call(app, 'POST', `/api/employers/${employerId}/verify`, {
      token: street,
      body: { decision: 'verify' },
    })
    expect(verified.body.status).toBe('verified')
    const told = await call(app, 'GET', '/api/inbox', { token: await as(EMPLOYER) })
    expect(told.body.items.map((m: { title: string }) => m.title)).toContain(`${UNIT.name}已通过核验`)
    const noReason = await call(app, 'POST', `/api/vacancies/${vacancyId}/review`, {
      token: street,
      body: { decision: 'reject' },
    })
    expect(noReason.body.issues[0].field).toBe('reason')
    const published = await call(app, 'POST', `/api/vacancies/${vacancyId}/review`, {
      token: street,
      body: { decision: 'approve' },
    })
    expect(published.body).toMatchObject({ status: 'published', statusLabel: '已发布' })
    expect(published.body.timeline.map((t: { status: string }) => t.status)).toEqual(['pending', 'published'])
    const board = await call(app, 'GET', '/api/jobs?q=挡车工')
    expect(board.body.items.map((j: { id: string }) => j.id)).toContain(vacancyId)
    const twice = await call(app, 'POST', `/api/vacancies/${vacancyId}/review`, {
      token: street,
      body: { decision: 'approve' },
    })
    expect(twice.body.code).toBe('VACANCY.WRONG_STATUS')
    const inbox = await call(app, 'GET', '/api/inbox', { token })
    expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('岗位「挡车工」已发布')
  })

  it('is paused, resumed and filled by its employer; the board follows', async () => {
    const token = await as(EMPLOYER)
    const onBoard = async () =>
      (await call(app, 'GET', '/api/jobs?q=挡车工')).body.items.some(
        (j: { id: string }) => j.id === vacancyId,
      )
    await call(app, 'POST', `/api/vacancies/${vacancyId}/status`, { token, body: { status: 'paused' } })
    expect(await onBoard()).toBe(false)
    expect((await call(app, 'GET', `/api/jobs/${vacancyId}`)).status).toBe(404)
    await call(app, 'POST', `/api/vacancies/${vacancyId}/status`, { token, body: { status: 'published' } })
    expect(await onBoard()).toBe(true)
    const filled = await call(app, 'POST', `/api/vacancies/${vacancyId}/status`, {
      token,
      body: { status: 'filled' },
    })
    expect(filled.body.status).toBe('filled')
    const back = await call(app, 'POST', `/api/vacancies/${vacancyId}/status`, {
      token,
      body: { status: 'published' },
    })
    expect(back.status).toBe(409)
    expect(await onBoard()).toBe(false)
  })

  it("is nobody else's business: another unit, a resident, staff elsewhere", async () => {
    expect(
      (await call(app, 'GET', `/api/vacancies/${vacancyId}`, { token: await as(OTHER_EMPLOYER) })).status,
    ).toBe(404)
    expect(
      (await call(app, 'GET', `/api/vacancies/${vacancyId}`, { token: await as(OTHER_STREET) })).status,
    ).toBe(404)
    const resident = await as({ openid: 'emp-resident', role: 'resident' })
    expect((await call(app, 'POST', '/api/vacancies', { token: resident, body: VACANCY })).status).toBe(403)
    expect((await call(app, 'GET', `/api/vacancies/${vacancyId}`, { token: resident })).status).toBe(403)
    const refused = await app.deps.store.find(auditLog, {
      where: [{ field: 'subject', op: 'eq', value: vacancyId }],
      orderBy: [],
      limit: 20,
    })
    expect(refused.items.filter((a) => a.result === 'refused').length).toBeGreaterThanOrEqual(2)
  })

  it("staff post on a unit's behalf: a street officer publishes at once, a coordinator sends it to review", async () => {
    const byStreet = await call(app, 'POST', '/api/vacancies', {
      token: await as(STREET),
      body: { ...VACANCY, title: '质检员', employerId },
    })
    expect(byStreet.body).toMatchObject({ status: 'published' })
    expect(byStreet.body.timeline[0].reason).toBe(`代${UNIT.name}发布`)
    const byCoord = await call(app, 'POST', '/api/vacancies', {
      token: await as(COORD),
      body: { ...VACANCY, title: '包装工', employerId },
    })
    expect(byCoord.body.status).toBe('pending')
    const elsewhere = await call(app, 'POST', '/api/vacancies', {
      token: await as(OTHER_STREET),
      body: { ...VACANCY, employerId },
    })
    expect(elsewhere.status).toBe(404)
  })

  it('a vacancy sent back is corrected and sent again; a published one is not edited', async () => {
    const unit = await as(EMPLOYER)
    const street = await as(STREET)
    const sent = await call(app, 'POST', '/api/vacancies', {
      token: unit,
      body: { ...VACANCY, title: '缝纫工' },
    })
    await call(app, 'POST', `/api/vacancies/${sent.body.id}/review`, {
      token: street,
      body: { decision: 'reject', reason: '请补充工作时间和地点' },
    })
    const stranger = await call(app, 'PUT', `/api/vacancies/${sent.body.id}`, {
      token: await as(OTHER_EMPLOYER),
      body: VACANCY,
    })
    expect(stranger.status).toBe(404)
    const upsideDown = await call(app, 'PUT', `/api/vacancies/${sent.body.id}`, {
      token: unit,
      body: { ...VACANCY, salaryMin: 7000, salaryMax: 5000 },
    })
    expect(upsideDown.status).toBe(400)
    const fixed = await call(app, 'PUT', `/api/vacancies/${sent.body.id}`, {
      token: unit,
      body: { ...VACANCY, title: '缝纫工', hours: '8:00-17:00，周末双休', region: '320621100001' },
    })
    expect(fixed.status).toBe(200)
    expect(fixed.body).toMatchObject({
      status: 'pending',
      hours: '8:00-17:00，周末双休',
      region: '320621100001',
    })
    expect(fixed.body.timeline.at(-1)).toMatchObject({ status: 'pending', reason: '修改后重新提交' })
    await call(app, 'POST', `/api/vacancies/${sent.body.id}/review`, {
      token: street,
      body: { decision: 'approve' },
    })
    const late = await call(app, 'PUT', `/api/vacancies/${sent.body.id}`, {
      token: unit,
      body: { ...VACANCY, title: '缝纫工（改）' },
    })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('VACANCY.WRONG_STATUS')
    // Seekers read the hours on the job page.
    expect((await call(app, 'GET', `/api/jobs/${sent.body.id}`)).body).toMatchObject({
      title: '缝纫工',
      hours: '8:00-17:00，周末双休',
    })
  })
})
