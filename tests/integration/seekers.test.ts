import { auditLog, jobInterests, persons, placementCases, services } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Seekers over HTTP: a returnee registers, is recommended a vacancy with the reasons, says
 * 我要应聘 (a referral in their 131 tally), the unit sees them — the phone only once shared —
 * and records the hire, which closes the seeker's open placement case.
 */
let app: TestApp
const EMPLOYER = { openid: 'sk-emp', role: 'employer' }
const OTHER_EMPLOYER = { openid: 'sk-emp-2', role: 'employer' }
const STREET = { openid: 'sk-street', role: 'street', region: '320621100' }
const COORD = { openid: 'sk-coord', role: 'coordinator', region: '320621100001' }
const OTHER_COORD = { openid: 'sk-coord-2', role: 'coordinator', region: '320621102001' }
const SEEKER = { openid: 'sk-seeker', role: 'resident' }
const STRANGER = { openid: 'sk-stranger', role: 'resident' }

const as = (who: { openid: string; role: string; region?: string }) => devLogin(app, who)

let jobId: string
let filledId: string
let personId: string

const post = async (token: string, body: Record<string, unknown>) => {
  const created = await call(app, 'POST', '/api/vacancies', { token, body })
  const street = await as(STREET)
  await call(app, 'POST', `/api/vacancies/${created.body.id}/review`, {
    token: street,
    body: { decision: 'approve' },
  })
  return created.body.id as string
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-12-01T02:00:00.000Z') })
  const unit = await as(EMPLOYER)
  const registered = await call(app, 'POST', '/api/employers', {
    token: unit,
    body: {
      name: '海安恒达纺织有限公司',
      creditCode: '91320621MA1XYW1234',
      region: '320621100',
      contact: { name: '王经理', phone: '13912340000' },
    },
  })
  await call(app, 'POST', `/api/employers/${registered.body.id}/verify`, {
    token: await as(STREET),
    body: {},
  })
  const base = {
    category: 'logistics',
    count: 2,
    salaryMin: 5500,
    salaryMax: 7000,
    region: '320621100001',
    validUntil: '2027-02-28',
    description: '仓库收发货、盘点，会开叉车优先。',
  }
  jobId = await post(unit, { ...base, title: '仓库管理员' })
  filledId = await post(unit, { ...base, title: '叉车司机' })
  await call(app, 'POST', `/api/vacancies/${filledId}/status`, { token: unit, body: { status: 'filled' } })
})
afterAll(() => app.close())

describe('a returning migrant worker registers', () => {
  it('needs a profile first, then is refused a return date in the future and a missing workplace', async () => {
    const token = await as(SEEKER)
    const body = {
      returnedAt: '2026-11-20',
      lastWorkplace: '苏州工业园区',
      wantsLocalWork: true,
      skills: ['叉车'],
    }
    expect((await call(app, 'PUT', '/api/me/returnee', { token, body })).body.code).toBe(
      'PERSON.NOT_REGISTERED',
    )
    const me = await putMe(app, {
      token,
      body: aResident({ jobWishes: { occupations: ['仓管'], places: ['海安镇'], expectedPay: 5000 } }),
    })
    personId = me.body.id
    const future = await call(app, 'PUT', '/api/me/returnee', {
      token,
      body: { ...body, returnedAt: '2026-12-25' },
    })
    expect(future.status).toBe(400)
    expect(future.body.issues).toEqual([{ field: 'returnedAt', message: '日期不能晚于今天' }])
    const { lastWorkplace: _, ...noPlace } = body
    const missing = await call(app, 'PUT', '/api/me/returnee', { token, body: noPlace })
    expect(missing.body.issues[0].field).toBe('lastWorkplace')
    expect((await app.deps.store.get(persons, personId))?.returnee ?? null).toBeNull()
  })

  it('declares the key group, waiting for the coordinator; a second registration changes the details only', async () => {
    const token = await as(SEEKER)
    const body = {
      returnedAt: '2026-11-20',
      lastWorkplace: '苏州工业园区',
      wantsLocalWork: true,
      skills: ['叉车'],
    }
    const first = await call(app, 'PUT', '/api/me/returnee', { token, body })
    expect(first.status).toBe(200)
    expect(first.body.returnee).toMatchObject({
      lastWorkplace: '苏州工业园区',
      confirmed: false,
      registeredBy: '本人',
    })
    expect(first.body.pendingGroups.map((g: { group: string }) => g.group)).toEqual(['returning_migrant'])
    const again = await call(app, 'PUT', '/api/me/returnee', {
      token,
      body: { ...body, lastWorkplace: '昆山' },
    })
    expect(again.body.returnee.lastWorkplace).toBe('昆山')
    expect(again.body.pendingGroups).toHaveLength(1)
    expect(again.body.returnee.registeredAt).toBe(first.body.returnee.registeredAt)
  })
})

describe('recommendations', () => {
  it('show the open vacancy with the reasons it fits, and not the filled one', async () => {
    const reply = await call(app, 'GET', '/api/me/recommendations', { token: await as(SEEKER) })
    expect(reply.status).toBe(200)
    const ids = reply.body.items.map((i: { job: { id: string } }) => i.job.id)
    expect(ids).toContain(jobId)
    expect(ids).not.toContain(filledId)
    const item = reply.body.items.find((i: { job: { id: string } }) => i.job.id === jobId)
    expect(item.reasons).toEqual(expect.arrayContaining(['就在您所在社区', '月薪高于期望']))
    expect(item.score).toBeGreaterThanOrEqual(40)
    expect(item.interested).toBe(false)
  })
})

describe('我要应聘', () => {
  let interestId: string

  it('records the interest once, as a referral in the 131 tally', async () => {
    const token = await as(SEEKER)
    const first = await call(app, 'POST', `/api/jobs/${jobId}/interest`, { token, body: {} })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      jobId,
      status: 'interested',
      phone: '139****5678',
      phoneShared: false,
    })
    interestId = first.body.id
    const again = await call(app, 'POST', `/api/jobs/${jobId}/interest`, { token, body: {} })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(interestId)
    const referrals = await app.deps.store.count(services, [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'kind', op: 'eq', value: 'referral' },
    ])
    expect(referrals).toBe(1)
    const history = await call(app, 'GET', `/api/people/${personId}/history`, { token: await as(COORD) })
    expect(history.body.services131.counts.referral).toBe(1)
  })

  it('counts once when the same seeker taps twice at the same moment', async () => {
    const token = await as(SEEKER)
    const other = await post(await as(EMPLOYER), {
      title: '理货员',
      category: 'logistics',
      count: 1,
      salaryMin: 5000,
      salaryMax: 6000,
      region: '320621100',
      validUntil: '2027-02-28',
      description: '超市理货。',
    })
    const replies = await Promise.all(
      [1, 2, 3].map(() => call(app, 'POST', `/api/jobs/${other}/interest`, { token, body: {} })),
    )
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1)
    expect(await app.deps.store.count(jobInterests, [{ field: 'jobId', op: 'eq', value: other }])).toBe(1)
  })

  it('is refused for a filled vacancy and an unknown one, changing nothing', async () => {
    const token = await as(SEEKER)
    const filled = await call(app, 'POST', `/api/jobs/${filledId}/interest`, { token, body: {} })
    expect(filled.status).toBe(409)
    expect(filled.body.code).toBe('JOB.CLOSED')
    expect((await call(app, 'POST', '/api/jobs/nope/interest', { token, body: {} })).status).toBe(404)
    expect(await app.deps.store.count(jobInterests, [{ field: 'jobId', op: 'eq', value: filledId }])).toBe(0)
  })

  it('shows the unit its applicant; the phone only once the seeker shares it, and that reading is audited', async () => {
    const unit = await as(EMPLOYER)
    const listed = await call(app, 'GET', `/api/vacancies/${jobId}/interests`, { token: unit })
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({ name: '张晓明', phone: '139****5678', phoneShared: false })
    const notShared = await call(app, 'GET', `/api/interests/${interestId}?reveal=phone`, { token: unit })
    expect(notShared.body.phone).toBe('139****5678')
    // The seeker's coordinator reaches them anyway (to pass a unit's message on), audited.
    const coordinator = await call(app, 'GET', `/api/interests/${interestId}?reveal=phone`, {
      token: await as(COORD),
    })
    expect(coordinator.body).toMatchObject({ phone: '13912345678', phoneShared: true })
    await call(app, 'POST', `/api/jobs/${jobId}/interest`, {
      token: await as(SEEKER),
      body: { shareContact: true },
    })
    const stillMasked = await call(app, 'GET', `/api/vacancies/${jobId}/interests`, { token: unit })
    expect(stillMasked.body.items[0]).toMatchObject({ phone: '139****5678' })
    const shared = await call(app, 'GET', `/api/interests/${interestId}?reveal=phone`, { token: unit })
    expect(shared.body).toMatchObject({ phone: '13912345678', phoneShared: true })
    const audits = await app.deps.store.find(auditLog, {
      where: [{ field: 'action', op: 'eq', value: 'interest.reveal-phone' }],
      orderBy: [],
      limit: 10,
    })
    expect(audits.items.map((a) => a.subject)).toEqual([interestId, interestId])
    expect(
      (
        await call(app, 'GET', `/api/interests/${interestId}?reveal=phone`, {
          token: await as(OTHER_EMPLOYER),
        })
      ).status,
    ).toBe(404)
  })

  it('hides applicants from another unit, other regions and residents', async () => {
    expect(
      (await call(app, 'GET', `/api/vacancies/${jobId}/interests`, { token: await as(OTHER_EMPLOYER) }))
        .status,
    ).toBe(404)
    const elsewhere = await call(app, 'GET', `/api/vacancies/${jobId}/interests`, {
      token: await as(OTHER_COORD),
    })
    expect(elsewhere.body.items).toEqual([])
    expect(
      (await call(app, 'GET', `/api/vacancies/${jobId}/interests`, { token: await as(STRANGER) })).status,
    ).toBe(403)
    const coordinator = await call(app, 'GET', '/api/interests', { token: await as(COORD) })
    expect(coordinator.body.items.map((i: { id: string }) => i.id)).toContain(interestId)
    expect(coordinator.body.items[0].phone).toMatch(/\*\*\*\*/)
  })

  it('a hire without a case is the seeker’s reported employment, for the next follow-up to confirm', async () => {
    const mine = await call(app, 'GET', '/api/me/interests', { token: await as(SEEKER) })
    const other = mine.body.items.find((i: { jobTitle: string }) => i.jobTitle === '理货员')
    const hired = await call(app, 'POST', `/api/interests/${other.id}/outcome`, {
      token: await as(COORD),
      body: { outcome: 'hired', startedOn: '2026-12-06' },
    })
    expect(hired.status).toBe(200)
    const me = await call(app, 'GET', '/api/me', { token: await as(SEEKER) })
    expect(me.body.reportedEmployment).toMatchObject({ status: 'stable', since: '2026-12-06' })
  })

  it('a hire closes the seeker’s open placement case and tells them', async () => {
    const now = app.clock.now().toISOString()
    await app.deps.store.insert(placementCases, {
      id: 'case_sk1',
      kind: 'immediate_72h',
      status: 'open',
      householdId: null,
      personIds: [personId],
      community: '320621100001',
      openedAt: now,
      deadline: '2026-12-04T02:00:00.000Z',
      level: 'community',
      history: [{ at: now, action: 'opened', level: 'community' }],
      placement: null,
    })
    const unit = await as(EMPLOYER)
    const wrong = await call(app, 'POST', `/api/interests/${interestId}/outcome`, {
      token: await as(OTHER_EMPLOYER),
      body: { outcome: 'hired' },
    })
    expect(wrong.status).toBe(404)
    const interview = await call(app, 'POST', `/api/interests/${interestId}/outcome`, {
      token: unit,
      body: { outcome: 'interview', note: '12月3日上午9点到厂面试' },
    })
    expect(interview.body.status).toBe('interview')
    const hired = await call(app, 'POST', `/api/interests/${interestId}/outcome`, {
      token: unit,
      body: { outcome: 'hired', startedOn: '2026-12-05' },
    })
    expect(hired.body.statusLabel).toBe('已录用')
    const c = await app.deps.store.get(placementCases, 'case_sk1')
    expect(c?.status).toBe('placed')
    expect(c?.placement).toMatchObject({ personId, employer: '海安恒达纺织有限公司', post: '仓库管理员' })
    const me = await call(app, 'GET', '/api/me', { token: await as(SEEKER) })
    expect(me.body.employmentStatus).toBe('stable')
    const inbox = await call(app, 'GET', '/api/inbox', { token: await as(SEEKER) })
    expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('应聘进展：仓库管理员')
    const twice = await call(app, 'POST', `/api/interests/${interestId}/outcome`, {
      token: unit,
      body: { outcome: 'not_hired' },
    })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('INTEREST.WRONG_STATUS')
  })
})

describe('one vacancy, for the seeker reading it', () => {
  it('says why it fits them; a closed one only to whoever applied to it, with its status and contact', async () => {
    const token = await as(SEEKER)
    const open = await call(app, 'GET', `/api/me/jobs/${jobId}`, { token })
    expect(open.status).toBe(200)
    expect(open.body).toMatchObject({ job: { id: jobId, title: '仓库管理员' }, open: true })
    expect(open.body.match.reasons).toEqual(expect.arrayContaining(['就在您所在社区', '月薪高于期望']))
    // Filled, and they never applied: gone for them as for the board.
    const filled = await call(app, 'GET', `/api/me/jobs/${filledId}`, { token })
    expect(filled.status).toBe(404)
    expect(filled.body.code).toBe('JOB.NOT_FOUND')
    // Applied, then filled: still theirs to read, closed, no reasons to apply.
    const unit = await as(EMPLOYER)
    const other = await post(unit, {
      category: 'logistics',
      count: 1,
      salaryMin: 5200,
      salaryMax: 6000,
      region: '320621100001',
      validUntil: '2027-02-28',
      description: '仓库夜班理货。',
      title: '理货员（夜班）',
    })
    expect((await call(app, 'POST', `/api/jobs/${other}/interest`, { token, body: {} })).status).toBe(201)
    await call(app, 'POST', `/api/vacancies/${other}/status`, { token: unit, body: { status: 'filled' } })
    const closed = await call(app, 'GET', `/api/me/jobs/${other}`, { token })
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({
      open: false,
      match: null,
      job: { status: 'filled', employer: '海安恒达纺织有限公司' },
    })
    // Their list says which posts no longer take applicants.
    const mine = await call(app, 'GET', '/api/me/interests', { token })
    const closedOf = (job: string) =>
      mine.body.items.find((i: { jobId: string }) => i.jobId === job)?.jobClosed
    expect(closedOf(other)).toBe('已招满')
    expect(closedOf(jobId)).toBeNull()
    expect((await call(app, 'GET', `/api/me/jobs/${other}`, { token: await as(STRANGER) })).status).toBe(404)
    expect((await call(app, 'GET', `/api/me/jobs/${other}`, { token: await as(COORD) })).status).toBe(403)
  })
})
