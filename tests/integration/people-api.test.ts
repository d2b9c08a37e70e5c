import { auditLog, persons } from '../../functions/store/collections'
import { anIdNumber, aResident } from '../support/people'
import {
  putMe as bindMe,
  call,
  capturedLogs,
  devLogin,
  lastCode,
  startTestApp,
  type TestApp,
} from '../support/test-app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const saveMe = (token: string, body: unknown) => bindMe(app, { token, body })

describe('a resident binds their identity', () => {
  it('is asked to register before anything is known', async () => {
    const token = await devLogin(app, { openid: 'me-new', role: 'resident' })
    const res = await call(app, 'GET', '/api/me', { token })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('PERSON.NOT_REGISTERED')
  })

  it('saves the record and answers it with the ID number and phone masked', async () => {
    const token = await devLogin(app, { openid: 'me-1', role: 'resident' })
    const input = aResident()
    const res = await saveMe(token, input)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: '张晓明',
      idNumber: `${input.idNumber.slice(0, 3)}***********${input.idNumber.slice(-4)}`,
      idNumberMasked: true,
      phone: '139****5678',
      community: '320621100001',
      communityName: '海安镇·中坝社区',
      employmentStatus: 'unemployed',
      birthDate: '1985-06-12',
      keyGroups: [],
    })
    expect(res.body.id).toMatch(/^psn_/)
    const again = await call(app, 'GET', '/api/me', { token })
    expect(again.body).toEqual(res.body)
  })

  it('stores the ID number and phone encrypted, never in the clear', async () => {
    const token = await devLogin(app, { openid: 'me-2', role: 'resident' })
    const input = aResident({ name: '李红' })
    const { body } = await saveMe(token, input)
    const raw = JSON.stringify(await app.deps.store.get(persons, body.id))
    expect(raw).not.toContain(input.idNumber)
    expect(raw).not.toContain('13912345678')
  })

  it('shows the owner their full ID number on request, and audits it', async () => {
    const token = await devLogin(app, { openid: 'me-3', role: 'resident' })
    const input = aResident({ name: '王芳' })
    const { body } = await saveMe(token, input)
    const shown = await call(app, 'GET', '/api/me?reveal=idNumber', { token })
    expect(shown.body).toMatchObject({ idNumber: input.idNumber, idNumberMasked: false })
    const audits = await app.deps.store.find(auditLog, {
      where: [{ field: 'subject', op: 'eq', value: body.id }],
      orderBy: [{ field: 'at', dir: 'asc' }],
      limit: 10,
    })
    expect(audits.items.map((a) => a.action).sort()).toEqual(['person.bind', 'person.reveal-id'])
  })

  it('lets the resident correct their data', async () => {
    const token = await devLogin(app, { openid: 'me-4', role: 'resident' })
    const input = aResident({ name: '赵强' })
    await saveMe(token, input)
    const res = await saveMe(token, {
      ...input,
      phone: '13800001111',
      employmentStatus: 'stable',
      community: '320621102001',
    })
    // A changed employment status is the resident's report until a follow-up confirms it: the
    // confirmed status (which the follow-up cadence follows) stays as it was.
    expect(res.body).toMatchObject({
      phone: '138****1111',
      employmentStatus: 'unemployed',
      reportedEmployment: { status: 'stable', since: '2026-09-01' },
      community: '320621102001',
    })
  })

  it('keeps the stored ID number and phone when a correction leaves them out; a first bind needs both', async () => {
    const token = await devLogin(app, { openid: 'me-4c', role: 'resident' })
    const { idNumber: _id, phone: _phone, ...rest } = aResident({ name: '冯敏' })
    const first = await saveMe(token, rest)
    expect(first.status).toBe(400)
    expect(first.body.issues.map((i: { field: string }) => i.field)).toEqual(['idNumber', 'phone'])
    await saveMe(token, aResident({ name: '冯敏', phone: '13700001234' }))
    const corrected = await saveMe(token, { ...rest, hukou: 'local_rural' })
    expect(corrected.status).toBe(200)
    expect(corrected.body).toMatchObject({ phone: '137****1234', hukou: 'local_rural' })
    expect(corrected.body.idNumber).toMatch(/^320\*+\d{3}[\dX]$/)
  })

  it('never lets a resident write the policies they enjoy', async () => {
    const token = await devLogin(app, { openid: 'me-4b', role: 'resident' })
    const res = await saveMe(token, { ...aResident({ name: '钱峰' }), policiesEnjoyed: ['社会保险补贴'] })
    expect(res.status).toBe(400)
    expect(res.body.issues).toEqual([{ field: 'policiesEnjoyed', message: '不支持的参数 policiesEnjoyed' }])
  })

  it('keeps one person per ID number', async () => {
    const input = aResident({ name: '孙丽' })
    await saveMe(await devLogin(app, { openid: 'me-5a', role: 'resident' }), input)
    const other = await saveMe(await devLogin(app, { openid: 'me-5b', role: 'resident' }), input)
    expect(other.status).toBe(409)
    expect(other.body.code).toBe('PERSON.ID_TAKEN')
  })

  it('survives a retried or concurrent first save without a second record', async () => {
    const token = await devLogin(app, { openid: 'me-6', role: 'resident' })
    const input = aResident({ name: '周杰' })
    // Asking for the code twice at once: one code sent, the other told to wait.
    const asks = await Promise.all([1, 2].map(() => call(app, 'PUT', '/api/me', { token, body: input })))
    expect(asks.map((r) => r.status).sort()).toEqual([202, 429])
    const phoneCode = lastCode(app)
    const withCode = { ...input, phoneCode }
    const results = await Promise.all(
      [1, 2, 3].map(() => call(app, 'PUT', '/api/me', { token, body: withCode })),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200, 200])
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
  })
})

describe('bad input changes nothing', () => {
  it('names each wrong field in Chinese', async () => {
    const token = await devLogin(app, { openid: 'me-bad', role: 'resident' })
    const good = aResident()
    const bad = {
      ...good,
      idNumber: `${good.idNumber.slice(0, 17)}${good.idNumber.endsWith('0') ? '1' : '0'}`,
      phone: '12345',
      community: '320621100',
    }
    const res = await saveMe(token, bad)
    expect(res.status).toBe(400)
    const fields = res.body.issues.map((i: { field: string }) => i.field).sort()
    expect(fields).toEqual(['community', 'idNumber', 'phone'])
    expect(res.body.issues.find((i: { field: string }) => i.field === 'idNumber').message).toMatch(/身份证/)
    expect((await call(app, 'GET', '/api/me', { token })).status).toBe(404)
  })

  it('refuses key groups or registration set by the resident', async () => {
    const token = await devLogin(app, { openid: 'me-bad2', role: 'resident' })
    const res = await saveMe(token, { ...aResident(), keyGroups: ['difficulty'] })
    expect(res.status).toBe(400)
    expect(res.body.issues[0].field).toBe('keyGroups')
  })

  it('refuses a community outside the county', async () => {
    const token = await devLogin(app, { openid: 'me-bad3', role: 'resident' })
    const res = await saveMe(token, aResident({ community: '320602001001' }))
    expect(res.status).toBe(400)
    expect(res.body.issues[0].field).toBe('community')
  })
})

describe('who sees a person', () => {
  let personId: string
  beforeAll(async () => {
    const token = await devLogin(app, { openid: 'seen-1', role: 'resident' })
    personId = (await saveMe(token, aResident({ name: '钱多', idNumber: anIdNumber('19700101') }))).body.id
  })

  it('shows the person to staff whose region holds their community', async () => {
    for (const who of [
      { openid: 'c-own', role: 'coordinator', region: '320621100001' },
      { openid: 's-own', role: 'street', region: '320621100' },
      { openid: 'k-own', role: 'county', region: '320621' },
    ]) {
      const res = await call(app, 'GET', `/api/people/${personId}`, { token: await devLogin(app, who) })
      expect(res.status).toBe(200)
      expect(res.body.idNumber).toContain('*')
    }
  })

  it('answers 404 to another resident and to staff of another region, as for a missing person', async () => {
    const missing = await call(app, 'GET', '/api/people/psn_nobody', {
      token: await devLogin(app, { openid: 'k2', role: 'county', region: '320621' }),
    })
    for (const who of [
      { openid: 'other-res', role: 'resident' },
      { openid: 'c-other', role: 'coordinator', region: '320621100002' },
      { openid: 's-other', role: 'street', region: '320621101' },
    ]) {
      const res = await call(app, 'GET', `/api/people/${personId}`, { token: await devLogin(app, who) })
      expect(res.status).toBe(404)
      expect({ code: res.body.code, message: res.body.message }).toEqual({
        code: missing.body.code,
        message: missing.body.message,
      })
    }
  })
})

it('never writes a full ID number or phone to the logs', () => {
  const all = capturedLogs.join('\n')
  expect(all).not.toMatch(/\b\d{17}[\dX]\b/)
  expect(all).not.toMatch(/\b1[3-9]\d{9}\b/)
})

describe('registered on a home visit', () => {
  it('is registered by the coordinator and later claimed by the resident with the same ID and name', async () => {
    const coordinator = await devLogin(app, {
      openid: 'visit-coord',
      role: 'coordinator',
      region: '320621100001',
    })
    const input = aResident({ name: '上门登记', idNumber: anIdNumber('19660505') })
    const registered = await call(app, 'POST', '/api/people', { token: coordinator, body: input })
    expect(registered.status).toBe(201)
    const stranger = await devLogin(app, { openid: 'visit-stranger', role: 'resident' })
    expect((await saveMe(stranger, { ...input, name: '冒名顶替' })).status).toBe(409)
    const owner = await devLogin(app, { openid: 'visit-owner', role: 'resident' })
    const claimed = await saveMe(owner, input)
    expect(claimed.status).toBe(200)
    expect(claimed.body.id).toBe(registered.body.id)
  })

  it('may only be registered in the coordinator’s own region', async () => {
    const coordinator = await devLogin(app, {
      openid: 'visit-coord',
      role: 'coordinator',
      region: '320621100001',
    })
    const res = await call(app, 'POST', '/api/people', {
      token: coordinator,
      body: aResident({ community: '320621101001' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('households', () => {
  it('links people of one community into a household the coordinator can see', async () => {
    const coordinator = await devLogin(app, {
      openid: 'hh-coord',
      role: 'coordinator',
      region: '320621100001',
    })
    const a = await call(app, 'POST', '/api/people', {
      token: coordinator,
      body: aResident({ name: '户主甲' }),
    })
    const b = await call(app, 'POST', '/api/people', {
      token: coordinator,
      body: aResident({ name: '配偶乙', employmentStatus: 'unemployed' }),
    })
    const hh = await call(app, 'POST', '/api/households', {
      token: coordinator,
      body: { members: [a.body.id, b.body.id] },
    })
    expect(hh.status).toBe(201)
    expect(hh.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['户主甲', '配偶乙'].sort())
    const other = await devLogin(app, { openid: 'hh-coord-2', role: 'coordinator', region: '320621100002' })
    expect((await call(app, 'GET', `/api/households/${hh.body.id}`, { token: other })).status).toBe(404)
    expect(
      (await call(app, 'POST', '/api/households', { token: other, body: { members: [a.body.id] } })).status,
    ).toBe(404)
  })
})
