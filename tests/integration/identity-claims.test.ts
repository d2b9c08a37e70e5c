import { persons } from '../../functions/store/collections'
import { anIdNumber, aResident } from '../support/people'
import { call, devLogin, lastCode, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Issue 12, defects 3 and 4: a registered resident can't rewrite who they are, and a record a
 * coordinator registered on a home visit is claimed only with proof its owner has — the phone
 * on record, or the coordinator's confirmation — with one answer whether the ID exists or not.
 */
let app: TestApp
let coord: string
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
  coord = await devLogin(app, { openid: 'ic-coord', role: 'coordinator', region: '320621100001' })
})
afterAll(() => app.close())

describe('3. name and ID number, once used, change only through staff', () => {
  it('a resident with an application is refused a new name or ID; contact still changes', async () => {
    const token = await devLogin(app, { openid: 'ic-locked', role: 'resident' })
    const profile = aResident({ name: '韩立' })
    const me = await putMe(app, { token, body: profile })
    expect(me.status).toBe(200)
    expect(me.body.identityLocked).toBe(false)
    // Nothing done yet: a typo in the name may still be fixed by the resident.
    const typo = await putMe(app, { token, body: { ...profile, name: '韩力', idNumber: undefined } })
    expect(typo.status).toBe(200)
    await call(app, 'POST', '/api/applications', {
      token,
      body: {
        type: 'training_subsidy',
        data: { course: '电工', institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
        idempotencyKey: 'ic-locked-app1',
      },
    })
    const renamed = await putMe(app, { token, body: { ...profile, name: '别人', idNumber: undefined } })
    expect(renamed.status).toBe(409)
    expect(renamed.body.code).toBe('PERSON.IDENTITY_LOCKED')
    const reIded = await putMe(app, { token, body: { ...profile, name: '韩力', idNumber: anIdNumber() } })
    expect(reIded.status).toBe(409)
    const stored = await app.deps.store.get(persons, me.body.id)
    expect(stored!.name).toBe('韩力')
    expect(stored!.idHash).toBe((await app.deps.store.get(persons, me.body.id))!.idHash)
    const contact = await putMe(app, {
      token,
      body: { ...profile, name: '韩力', idNumber: undefined, phone: '13800001111' },
    })
    expect(contact.status).toBe(200)
    expect(contact.body.identityLocked).toBe(true)

    // Staff correct it, with a reason, audited; the resident sees the new name.
    const noReason = await call(app, 'POST', `/api/people/${me.body.id}/identity`, {
      token: coord,
      body: { name: '韩立' },
    })
    expect(noReason.status).toBe(400)
    const corrected = await call(app, 'POST', `/api/people/${me.body.id}/identity`, {
      token: coord,
      body: { name: '韩立', reason: '核对身份证原件，登记时名字写错' },
    })
    expect(corrected.status).toBe(200)
    expect((await call(app, 'GET', '/api/me', { token })).body.name).toBe('韩立')
    const elsewhere = await devLogin(app, {
      openid: 'ic-coord2',
      role: 'coordinator',
      region: '320621100002',
    })
    expect(
      (
        await call(app, 'POST', `/api/people/${me.body.id}/identity`, {
          token: elsewhere,
          body: { name: '韩立立', reason: '不是本社区的人' },
        })
      ).status,
    ).toBe(404)
  })
})

describe('4. claiming a record registered on a home visit', () => {
  const owner = aResident({ name: '王芳', phone: '13911110000', community: '320621100001' })
  let visitId: string

  beforeAll(async () => {
    const made = await call(app, 'POST', '/api/people', { token: coord, body: owner })
    expect(made.status).toBe(201)
    visitId = made.body.id
  })

  it('answers the first step the same whether the ID number is known or not', async () => {
    const intruder = await devLogin(app, { openid: 'ic-intruder', role: 'resident' })
    const stranger = await devLogin(app, { openid: 'ic-stranger', role: 'resident' })
    const sentBefore = lastCode(app, '13700000000')
    const known = await call(app, 'PUT', '/api/me', {
      token: intruder,
      body: { ...owner, phone: '13700000000', community: '320621101001' },
    })
    const unknown = await call(app, 'PUT', '/api/me', {
      token: stranger,
      body: aResident({ name: '王芳', phone: '13700000001', community: '320621101001' }),
    })
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort())
    expect(known.body).toEqual({
      step: 'verify_phone',
      phoneMasked: '137****0000',
      expiresInSeconds: 600,
      delivery: 'sms',
    })
    // The code for the known ID went to the phone on record, not to the intruder's.
    expect(lastCode(app, '13700000000')).toBe(sentBefore)
    expect(lastCode(app, '13911110000')).not.toBeNull()
  })

  it("the intruder can't guess the code, sees nothing, and locks nobody out", async () => {
    const intruder = await devLogin(app, { openid: 'ic-intruder', role: 'resident' })
    const body = { ...owner, phone: '13700000000', community: '320621101001' }
    for (const guess of ['000000', '123456', '111111', '999999', '654321', '222222']) {
      const res = await call(app, 'PUT', '/api/me', { token: intruder, body: { ...body, phoneCode: guess } })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('PERSON.PHONE_CODE_INVALID')
    }
    // Five wrong guesses spend the code: even the right one (it went to the owner's phone) fails now.
    const stolen = lastCode(app, '13911110000')
    expect(
      (await call(app, 'PUT', '/api/me', { token: intruder, body: { ...body, phoneCode: stolen } })).status,
    ).toBe(400)
    expect((await call(app, 'GET', '/api/me', { token: intruder })).status).toBe(404)
    expect((await app.deps.store.get(persons, visitId))!.accountId).toBeNull()
  })

  it('the owner, holding the phone on record, claims it', async () => {
    const token = await devLogin(app, { openid: 'ic-owner', role: 'resident' })
    const first = await call(app, 'PUT', '/api/me', { token, body: owner })
    expect(first.status).toBe(202)
    const claimed = await call(app, 'PUT', '/api/me', {
      token,
      body: { ...owner, phoneCode: lastCode(app, '13911110000') },
    })
    expect(claimed.status).toBe(200)
    expect(claimed.body.id).toBe(visitId)
  })

  it("a coordinator's confirmation is the other proof; the request looks the same either way", async () => {
    // A visit record holding an old phone: the owner never gets the code.
    const oldPhone = aResident({ name: '赵新', phone: '13922220000' })
    const visit = await call(app, 'POST', '/api/people', { token: coord, body: oldPhone })
    const token = await devLogin(app, { openid: 'ic-newphone', role: 'resident' })
    const body = { ...oldPhone, phone: '13633330000' }
    expect((await call(app, 'PUT', '/api/me', { token, body })).status).toBe(202)
    const asked = await call(app, 'POST', '/api/me/bind-request', { token, body })
    const strangerToken = await devLogin(app, { openid: 'ic-newcomer', role: 'resident' })
    const fresh = await call(app, 'POST', '/api/me/bind-request', {
      token: strangerToken,
      body: aResident({ name: '钱新' }),
    })
    expect(asked.status).toBe(202)
    expect(fresh.status).toBe(202)
    expect(Object.keys(asked.body).sort()).toEqual(Object.keys(fresh.body).sort())
    expect((await call(app, 'GET', '/api/me/bind-request', { token })).body.status).toBe('pending')

    const queue = await call(app, 'GET', '/api/bind-requests', { token: coord })
    expect(queue.status).toBe(200)
    const mine = queue.body.items.find((r: { name: string }) => r.name === '赵新')
    expect(mine.registry.state).toBe('visit')
    expect(mine.registry.note).toContain('与申请填写的不同')
    // The full numbers, to check the card and to call: on request, audited.
    const full = await call(app, 'POST', `/api/bind-requests/${mine.id}/reveal`, { token: coord })
    expect(full.body).toEqual({ idNumber: body.idNumber, phone: '13633330000' })
    expect(mine.idNumberMasked).toMatch(/\*/)
    expect(JSON.stringify(queue.body)).not.toContain(body.idNumber)
    const other = await devLogin(app, { openid: 'ic-coord3', role: 'coordinator', region: '320621100002' })
    expect(
      (
        await call(app, 'POST', `/api/bind-requests/${mine.id}/decision`, {
          token: other,
          body: { decision: 'confirm', note: '看过身份证' },
        })
      ).status,
    ).toBe(404)
    const confirmed = await call(app, 'POST', `/api/bind-requests/${mine.id}/decision`, {
      token: coord,
      body: { decision: 'confirm', note: '本人持身份证到社区核实' },
    })
    expect(confirmed.status).toBe(200)
    const me = await call(app, 'GET', '/api/me', { token })
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(visit.body.id)
    // Decided once: a second decision finds nothing to decide.
    expect(
      (
        await call(app, 'POST', `/api/bind-requests/${mine.id}/decision`, {
          token: coord,
          body: { decision: 'refuse', note: '重复' },
        })
      ).status,
    ).toBe(404)
  })

  it('a refused request says why', async () => {
    const token = await devLogin(app, { openid: 'ic-refused', role: 'resident' })
    await call(app, 'POST', '/api/me/bind-request', { token, body: aResident({ name: '孙假' }) })
    const queue = await call(app, 'GET', '/api/bind-requests', { token: coord })
    const r = queue.body.items.find((i: { name: string }) => i.name === '孙假')
    await call(app, 'POST', `/api/bind-requests/${r.id}/decision`, {
      token: coord,
      body: { decision: 'refuse', note: '电话核实非本人' },
    })
    const mine = await call(app, 'GET', '/api/me/bind-request', { token })
    expect(mine.body).toMatchObject({ status: 'refused', note: '电话核实非本人' })
    // Told in 消息 too, though not yet a registered person.
    const inbox = await call(app, 'GET', '/api/inbox', { token })
    expect(inbox.body.items[0]).toMatchObject({ title: '社区未能核实您的实名信息' })
    expect(inbox.body.items[0].body).toContain('电话核实非本人')
  })
})

it('a coordinator confirming an ID already bound elsewhere is told what to do', async () => {
  const owner = await devLogin(app, { openid: 'ic-bound-owner', role: 'resident' })
  const profile = aResident({ name: '冯已绑' })
  await putMe(app, { token: owner, body: profile })
  const other = await devLogin(app, { openid: 'ic-bound-other', role: 'resident' })
  await call(app, 'POST', '/api/me/bind-request', {
    token: other,
    body: { ...profile, phone: '13655550000' },
  })
  const queue = await call(app, 'GET', '/api/bind-requests', { token: coord })
  const r = queue.body.items.find((i: { name: string }) => i.name === '冯已绑')
  expect(r.registry.state).toBe('bound')
  const res = await call(app, 'POST', `/api/bind-requests/${r.id}/decision`, {
    token: coord,
    body: { decision: 'confirm', note: '看过身份证' },
  })
  expect(res.status).toBe(409)
  expect(res.body.code).toBe('BIND_REQUEST.CANNOT_CONFIRM')
  expect(res.body.message).toContain('不予确认')
})
