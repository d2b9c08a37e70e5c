import { runFollowupMonthly, taskId } from '../../functions/contexts/followups/monthly-run'
import { createLogger } from '../../functions/platform/logger'
import { followupTasks, persons } from '../../functions/store/collections'
import { anIdNumber, aResident } from '../support/people'
import { aPersonRecord, REGISTERED } from '../support/registry'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The rules as the seeds write them: who is followed (key groups of working age, by the county's
 * bounds, on the birthday), the zero-employment household with its members set aside or labelled,
 * 就业登记 ending the unemployment registration, and the county's own deduction for it.
 */
const DEC_1 = new Date('2026-12-01T01:00:00.000Z') // first workday of December, 09:00 in Hai'an
const log = createLogger({ test: 'field-rules' })
const COMMUNITY = '320621100001'
let app: TestApp
let coord: string
let county: string

const hasTask = async (i: number, period = '2026-12') =>
  (await app.deps.store.get(followupTasks, taskId(period, aPersonRecord(i).id))) !== null
const add = (i: number, over: Parameters<typeof aPersonRecord>[1] = {}) =>
  app.deps.store.insert(persons, aPersonRecord(i, { idHash: `fr2-${i}`, ...over }))

beforeAll(async () => {
  app = await startTestApp({ now: DEC_1 })
  coord = await devLogin(app, { openid: 'fr2-coord', role: 'coordinator', region: COMMUNITY })
  county = await devLogin(app, { openid: 'fr2-county', role: 'county', region: '320621' })
})
afterAll(() => app.close())

describe('who is followed', () => {
  it('follows key groups of working age, leaving a man on his 60th birthday and a woman on her 55th', async () => {
    await add(1, { keyGroups: REGISTERED, gender: 'male', birthDate: '1966-12-01' }) // 60 today
    await add(2, { keyGroups: REGISTERED, gender: 'male', birthDate: '1966-12-02' }) // 60 tomorrow
    await add(3, { keyGroups: REGISTERED, gender: 'female', birthDate: '1971-12-01' }) // 55 today
    await add(4, { keyGroups: REGISTERED, gender: 'female', birthDate: '1971-12-02' }) // 55 tomorrow
    await add(5, { keyGroups: [], gender: 'male', birthDate: '1985-05-05' }) // no key group
    await add(6, { keyGroups: REGISTERED, gender: 'male', birthDate: '2010-12-02' }) // 15, 16 tomorrow
    await runFollowupMonthly(app.deps, DEC_1, log, 'manual')
    expect([await hasTask(1), await hasTask(2), await hasTask(3), await hasTask(4)]).toEqual([
      false,
      true,
      false,
      true,
    ])
    expect(await hasTask(5)).toBe(false)
    expect(await hasTask(6)).toBe(false)
    // Before the month closes the deductions report says what the workbench shows open.
    const report = await call(app, 'GET', '/api/followups/deductions?year=2026', { token: coord })
    expect(report.body.atRisk).toEqual({ overdue: 0, thisMonth: 2 })
    expect(report.body.items).toEqual([])
  })

  it("follows by the county's bounds and scope once it sets them", async () => {
    const staffTry = await call(app, 'PUT', '/api/county-settings', {
      token: coord,
      body: {
        workingAge: { male: { from: 16, to: 63 }, female: { from: 16, to: 58 } },
        followScope: 'all_registered',
      },
    })
    expect(staffTry.status).toBe(403)
    const bad = await call(app, 'PUT', '/api/county-settings', {
      token: county,
      body: {
        workingAge: { male: { from: 16, to: 63.5 }, female: { from: 30, to: 20 } },
        followScope: 'everyone',
      },
    })
    expect(bad.status).toBe(400)
    const fields = bad.body.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(
      expect.arrayContaining(['workingAge.male.to', 'workingAge.female.from', 'followScope']),
    )
    const set = await call(app, 'PUT', '/api/county-settings', {
      token: county,
      body: {
        workingAge: { male: { from: 16, to: 63 }, female: { from: 16, to: 58 } },
        followScope: 'all_registered',
      },
    })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ county: '320621', isDefault: false, followScope: 'all_registered' })
    // The coordinator's screens read the same parameters.
    const seen = await call(app, 'GET', '/api/county-settings', { token: coord })
    expect(seen.body.workingAge.female).toEqual({ from: 16, to: 58 })

    const JAN_4 = new Date('2027-01-04T01:00:00.000Z') // first workday of January 2027
    await runFollowupMonthly(app.deps, JAN_4, log, 'manual')
    // The man of 60 and the woman of 55 are of working age again; the person in no group is followed.
    expect(await hasTask(1, '2027-01')).toBe(true)
    expect(await hasTask(3, '2027-01')).toBe(true)
    expect(await hasTask(5, '2027-01')).toBe(true)
  })
})

describe('a zero-employment household', () => {
  it('counts only members of working age able to work, and shows the others with the reason', async () => {
    // Household Z: an unemployed man, a woman with no wish to work, a grandfather of 70,
    // and a son who can no longer work.
    await add(11, { householdId: 'hh_z1', keyGroups: REGISTERED, birthDate: '1980-02-02', gender: 'male' })
    await add(12, {
      householdId: 'hh_z1',
      birthDate: '1982-02-02',
      gender: 'female',
      employmentStatus: 'no_wish',
    })
    await add(13, {
      householdId: 'hh_z1',
      birthDate: '1956-02-02',
      gender: 'male',
      employmentStatus: 'stable',
    })
    await add(14, {
      householdId: 'hh_z1',
      birthDate: '2003-02-02',
      gender: 'male',
      employmentStatus: 'stable',
      exit: {
        reason: 'unable_to_work',
        date: '2026-06-01',
        note: '',
        by: 'test',
        at: '2026-06-01T00:00:00Z',
      },
    })
    // A rural household with the same situation is not an urban zero-employment household.
    await add(15, { householdId: 'hh_r1', keyGroups: REGISTERED, hukou: 'local_rural' })

    const hh = await call(app, 'GET', '/api/households/hh_z1', { token: coord })
    expect(hh.status).toBe(200)
    expect(hh.body.zeroEmployment).toBe(true)
    const byId = Object.fromEntries(
      hh.body.members.map((m: { id: string; counted: boolean; label: string | null }) => [
        m.id,
        [m.counted, m.label],
      ]),
    )
    expect(byId[aPersonRecord(11).id]).toEqual([true, null])
    expect(byId[aPersonRecord(12).id]).toEqual([true, '计入：无就业愿望，视同未就业'])
    expect(byId[aPersonRecord(13).id]).toEqual([false, '不在法定劳动年龄（70 岁）'])
    expect(byId[aPersonRecord(14).id]).toEqual([false, '丧失劳动能力'])
    expect(hh.body.members.every((m: { idNumberMasked: string }) => m.idNumberMasked.includes('*'))).toBe(
      true,
    )
    const rural = await call(app, 'GET', '/api/households/hh_r1', { token: coord })
    expect(rural.body).toMatchObject({ zeroEmployment: false, rural: true })

    // Back to the defaults: only key groups are followed, and members of an open placement case.
    await call(app, 'PUT', '/api/county-settings', {
      token: county,
      body: {
        workingAge: { male: { from: 16, to: 60 }, female: { from: 16, to: 55 } },
        followScope: 'key_groups',
      },
    })
    const standing = async (i: number) =>
      (await call(app, 'GET', `/api/people/${aPersonRecord(i).id}`, { token: coord })).body.followup
    expect(await standing(12)).toMatchObject({ followed: false })
    const watch = await app.host.runJob('zero-employment-watch', app.clock.now())
    expect(watch.opened).toBe(1)
    // An assistance target now: the woman with no wish to work, in no key group, is followed.
    expect(await standing(12)).toEqual({ followed: true, note: '按期跟踪中（安置个案成员，每半年一次）' })
    expect((await standing(13)).note).toBe('不在法定劳动年龄（70 岁），不生成跟踪任务')
    expect(await standing(5)).toMatchObject({ followed: false })

    // The card path: a member applies for certification as a zero-employment household member;
    // the reviewer sees what the registry says about the household.
    await app.deps.store.update(persons, aPersonRecord(11).id, { accountId: 'wx:fr2-res-11' })
    const member = await devLogin(app, { openid: 'fr2-res-11', role: 'resident' })
    const applied = await call(app, 'POST', '/api/applications', {
      token: member,
      body: {
        type: 'difficulty_certification',
        data: { category: 'zero_employment_household', statement: '家中两人均无工作，父亲年迈，需要帮助。' },
        idempotencyKey: 'fr2-zero-card-01',
      },
    })
    expect(applied.status).toBe(201)
    const seenByCoord = await call(app, 'GET', `/api/applications/${applied.body.id}`, { token: coord })
    expect(seenByCoord.body.registryCheck).toMatchObject({ label: '零就业家庭', ok: true })
    expect(applied.body.registryCheck).toBeUndefined()

    // A member added later joins the same household and its open case; no second case opens.
    await add(16, { birthDate: '2001-04-04', gender: 'female' })
    const members = [11, 12, 13, 14, 16].map((i) => aPersonRecord(i).id)
    const linked = await call(app, 'POST', '/api/households', { token: coord, body: { members } })
    expect(linked.status).toBe(201)
    expect(linked.body.id).toBe('hh_z1')
    expect(await app.host.runJob('zero-employment-watch', app.clock.now())).toMatchObject({ opened: 0 })
    const cases = await call(app, 'GET', '/api/placement-cases', { token: coord })
    const mine = cases.body.items.filter((c: { householdId: string }) => c.householdId === 'hh_z1')
    expect(mine).toHaveLength(1)
    expect(mine[0].members.map((m: { personId: string }) => m.personId)).toContain(aPersonRecord(16).id)
  })
})

describe('就业登记', () => {
  it('ends the unemployment registration, closes the placement case, and lets the resident register again later', async () => {
    const cases = await call(app, 'GET', '/api/placement-cases', { token: coord })
    const open = cases.body.items.find((c: { householdId: string }) => c.householdId === 'hh_z1')
    expect(open).toBeTruthy()
    await app.deps.store.update(persons, aPersonRecord(11).id, {
      accountId: 'wx:fr2-res-11',
      registration: { certificateNo: '3206212026000011', registeredAt: '2026-01-05T02:00:00.000Z' },
    })

    const future = await call(app, 'POST', `/api/people/${aPersonRecord(11).id}/employment-registration`, {
      token: coord,
      body: { employer: '海安某纺织厂', date: '2027-02-01', kind: 'unit' },
    })
    expect(future.status).toBe(400)
    expect(future.body.issues[0].field).toBe('date')
    const reg = await call(app, 'POST', `/api/people/${aPersonRecord(11).id}/employment-registration`, {
      token: coord,
      body: { employer: '海安某纺织厂', date: '2026-12-01', kind: 'unit', post: '挡车工' },
    })
    expect(reg.status).toBe(200)
    expect(reg.body).toMatchObject({
      employmentStatus: 'stable',
      employmentSince: '2026-12-01',
      employmentRegistration: { employer: '海安某纺织厂', kindLabel: '单位就业', post: '挡车工' },
      registration: { certificateNo: '3206212026000011', endedAt: '2026-12-01' },
    })
    expect(reg.body.keyGroups.map((g: { group: string }) => g.group)).not.toContain('registered_unemployed')
    // Re-employed with a certificate: still followed, yearly, to learn how the work goes.
    expect(reg.body.followup).toEqual({ followed: true, note: '按期跟踪中（持就业失业登记证，每年一次）' })
    expect(reg.body.keyGroupHistory.at(-1)).toMatchObject({
      group: 'registered_unemployed',
      action: 'ended',
      reason: '就业登记：海安某纺织厂',
    })
    const after = await call(app, 'GET', '/api/placement-cases?status=placed', { token: coord })
    expect(after.body.items.find((c: { id: string }) => c.id === open.id)?.placement).toMatchObject({
      employer: '海安某纺织厂',
      post: '挡车工',
    })

    // Out of work again: the resident may register again; the certificate is not re-issued.
    const resident = await devLogin(app, { openid: 'fr2-res-11', role: 'resident' })
    const again = await call(app, 'POST', '/api/applications', {
      token: resident,
      body: {
        type: 'unemployment_registration',
        data: { unemployedSince: '2026-12-01', reason: 'contract_ended', hukou: 'local_urban' },
        idempotencyKey: 'fr2-again-0001',
      },
    })
    expect(again.status).toBe(201)
  })

  it('lets the county deduct for a missed 就业登记 prompt, once per request, never the coordinator', async () => {
    const body = {
      personId: aPersonRecord(2).id,
      rule: 'employment_registration',
      reason: '就业后三个月未通知办理就业登记',
      idempotencyKey: 'fr2-ded-0001',
    }
    expect((await call(app, 'POST', '/api/followups/deductions', { token: coord, body })).status).toBe(403)
    const first = await call(app, 'POST', '/api/followups/deductions', { token: county, body })
    const retry = await call(app, 'POST', '/api/followups/deductions', { token: county, body })
    expect([first.status, retry.status]).toEqual([201, 201])
    expect(retry.body.id).toBe(first.body.id)
    const again = await call(app, 'POST', '/api/followups/deductions', {
      token: county,
      body: { ...body, idempotencyKey: 'fr2-ded-0002' },
    })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('DEDUCTION.EXISTS')
    const report = await call(app, 'GET', '/api/followups/deductions?year=2026', { token: county })
    const mine = report.body.items.filter((d: { personId: string }) => d.personId === aPersonRecord(2).id)
    expect(mine).toHaveLength(1)
    expect(mine[0].rule).toContain('就业登记')
  })
})

describe('finding a resident', () => {
  it('finds by name within the staff member’s region only, masked', async () => {
    await add(21, { name: '程远航', community: '320621100002' })
    const mine = await call(app, 'GET', `/api/people?q=${encodeURIComponent('居民1')}`, { token: coord })
    expect(mine.status).toBe(200)
    expect(mine.body.items.length).toBeGreaterThan(0)
    expect(mine.body.items.every((p: { community: string }) => p.community === COMMUNITY)).toBe(true)
    const other = await call(app, 'GET', `/api/people?q=${encodeURIComponent('程远航')}`, { token: coord })
    expect(other.body.items).toEqual([])
    const byCounty = await call(app, 'GET', `/api/people?q=${encodeURIComponent('程远航')}`, {
      token: county,
    })
    expect(byCounty.body.items).toHaveLength(1)
    expect(JSON.stringify(byCounty.body)).not.toMatch(/\d{17}[\dX]/)
    const nul = await call(app, 'GET', '/api/people?q=%00', { token: coord })
    expect(nul.status).toBe(400)
  })
})

describe('filing on a resident’s behalf', () => {
  it('needs the resident’s consent recorded, shows who filed it, and tells the resident', async () => {
    const resident = await devLogin(app, { openid: 'fr2-res-31', role: 'resident' })
    await add(31, { accountId: 'wx:fr2-res-31', keyGroups: [] })
    const personId = aPersonRecord(31).id
    const body = {
      type: 'unemployment_registration',
      data: { unemployedSince: '2026-11-01', reason: 'contract_ended', hukou: 'local_urban' },
      idempotencyKey: 'fr2-behalf-0001',
      personId,
    }
    const without = await call(app, 'POST', '/api/applications', { token: coord, body })
    expect(without.status).toBe(400)
    expect(without.body.issues).toEqual([{ field: 'consent', message: '代为申请须记录本人同意的方式' }])
    const mine = await call(app, 'GET', '/api/applications', { token: resident })
    expect(mine.body.items).toEqual([])

    const badMethod = await call(app, 'POST', '/api/applications', {
      token: coord,
      body: { ...body, consent: { method: 'nod' } },
    })
    expect(badMethod.status).toBe(400)
    expect(badMethod.body.issues[0].field).toBe('consent.method')

    const filed = await call(app, 'POST', '/api/applications', {
      token: coord,
      body: { ...body, consent: { method: 'in_person', note: '上门走访时本人在场，已阅读申请内容' } },
    })
    expect(filed.status).toBe(201)
    expect(filed.body.onBehalf).toMatchObject({
      method: 'in_person',
      methodLabel: '本人当面确认',
      note: '上门走访时本人在场，已阅读申请内容',
    })
    expect(filed.body.onBehalf.by).toContain('劳动保障协理员')
    const seen = await call(app, 'GET', `/api/applications/${filed.body.id}`, { token: resident })
    expect(seen.body.onBehalf.methodLabel).toBe('本人当面确认')
    const inbox = await call(app, 'GET', '/api/inbox', { token: resident })
    expect(inbox.body.items[0].title).toMatch(/已为您代为提交「失业登记」申请$/)
  })

  it('tells a resident who applies themselves that it arrived', async () => {
    const resident = await devLogin(app, { openid: 'fr2-res-32', role: 'resident' })
    await add(32, { accountId: 'wx:fr2-res-32' })
    const res = await call(app, 'POST', '/api/applications', {
      token: resident,
      body: {
        type: 'unemployment_registration',
        data: { unemployedSince: '2026-11-01', reason: 'contract_ended', hukou: 'local_urban' },
        idempotencyKey: 'fr2-self-00001',
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.onBehalf).toBeNull()
    const inbox = await call(app, 'GET', '/api/inbox', { token: resident })
    expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('已收到您的「失业登记」申请')
  })
})

describe('一人一策: the assistance agreement', () => {
  it('is drafted by the coordinator, agreed by the person, ticked off by follow-ups, and agreed again when revised', async () => {
    const resident = await devLogin(app, { openid: 'fr2-res-41', role: 'resident' })
    const stranger = await devLogin(app, { openid: 'fr2-res-42', role: 'resident' })
    await add(41, { accountId: 'wx:fr2-res-41', keyGroups: REGISTERED })
    const id = aPersonRecord(41).id
    const url = `/api/people/${id}/agreement`
    const draft = {
      goals: '三个月内实现稳定就业',
      items: [
        { kind: 'guidance', label: '一对一职业指导', due: '2026-12-20' },
        { kind: 'referral', label: '推荐三个仓管岗位', due: '2027-01-31' },
      ],
    }
    expect((await call(app, 'GET', url, { token: coord })).body).toEqual({ agreement: null })
    const empty = await call(app, 'PUT', url, { token: coord, body: { ...draft, items: [] } })
    expect(empty.status).toBe(400)
    expect(empty.body.issues[0]).toMatchObject({ field: 'items', message: '至少约定一项服务' })
    expect((await call(app, 'PUT', url, { token: county, body: draft })).status).toBe(403)

    const made = await call(app, 'PUT', url, { token: coord, body: draft })
    expect(made.status).toBe(200)
    expect(made.body.agreement).toMatchObject({
      status: 'draft',
      version: 1,
      progress: { done: 0, total: 2 },
    })
    const [guidance, referral] = made.body.agreement.items
    expect((await call(app, 'GET', url, { token: stranger })).status).toBe(404)
    const inbox = await call(app, 'GET', '/api/inbox', { token: resident })
    expect(inbox.body.items[0].title).toBe('社区为您制定了就业援助协议，请查看并确认')

    // Nothing can be ticked before the person agrees; the follow-up is refused whole.
    const visit = { channel: 'home_visit', outcome: '上门做了职业指导', employmentStatus: 'unemployed' }
    const early = await call(app, 'POST', `/api/people/${id}/followups`, {
      token: coord,
      body: { ...visit, agreementItems: [guidance.id] },
    })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('AGREEMENT.NOT_SIGNED')
    expect((await call(app, 'GET', `/api/people/${id}/history`, { token: coord })).body.followups).toEqual([])

    expect(
      (await call(app, 'POST', `${url}/sign`, { token: coord, body: { method: 'tap', version: 1 } })).status,
    ).toBe(400)
    const signed = await call(app, 'POST', `${url}/sign`, {
      token: resident,
      body: { method: 'tap', version: 1 },
    })
    expect(signed.body.agreement).toMatchObject({ status: 'signed', signed: { method: 'tap', by: '本人' } })

    const ticked = await call(app, 'POST', `/api/people/${id}/followups`, {
      token: coord,
      body: { ...visit, agreementItems: [guidance.id] },
    })
    expect(ticked.status).toBe(201)
    const after = (await call(app, 'GET', url, { token: resident })).body.agreement
    expect(after.progress).toEqual({ done: 1, total: 2 })
    expect(after.items[0].doneBy).toContain('劳动保障协理员')
    // The agreed guidance, delivered, counts as the year's 131 career guidance.
    const tally = (await call(app, 'GET', `/api/people/${id}/history`, { token: coord })).body.services131
    expect(tally.counts.guidance).toBe(1)
    const twice = await call(app, 'POST', `/api/people/${id}/followups`, {
      token: coord,
      body: { ...visit, agreementItems: [guidance.id] },
    })
    expect(twice.status).toBe(400)
    expect(twice.body.issues[0].field).toBe('agreementItems')

    // Revised: the delivered item stays delivered; the changed promise waits for the person again.
    const revised = await call(app, 'PUT', url, {
      token: coord,
      body: {
        ...draft,
        items: [draft.items[0], { kind: 'training', label: '叉车培训', due: '2027-02-28' }],
        expectedVersion: 1,
      },
    })
    expect(revised.body.agreement).toMatchObject({
      status: 'draft',
      version: 2,
      progress: { done: 1, total: 2 },
    })
    expect(revised.body.agreement.items.map((i: { id: string }) => i.id)).not.toContain(referral.id)
    const stale = await call(app, 'POST', `${url}/sign`, {
      token: resident,
      body: { method: 'tap', version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.code).toBe('AGREEMENT.CHANGED')
    const lost = await call(app, 'PUT', url, { token: coord, body: { ...draft, expectedVersion: 1 } })
    expect(lost.body.code).toBe('AGREEMENT.CHANGED')
  })
})

describe('a resident claiming a record made on a home visit', () => {
  it('keeps what the coordinator learned when the form leaves it empty', async () => {
    const idNumber = anIdNumber('19790505', true)
    const made = await call(app, 'POST', '/api/people', {
      token: coord,
      body: aResident({
        name: '吴立新',
        idNumber,
        skills: ['电焊'],
        jobWishes: { occupations: ['焊工'], places: [], expectedPay: null },
        hukou: 'local_urban',
        family: { householdSize: 4, situation: '妻子务农，两个孩子上学' },
      }),
    })
    expect(made.status).toBe(201)
    const resident = await devLogin(app, { openid: 'fr2-res-51', role: 'resident' })
    // As the profile form sends it: every field, the ones not filled in empty.
    const bound = await putMe(app, {
      token: resident,
      body: aResident({
        name: '吴立新',
        idNumber,
        skills: [],
        jobWishes: { occupations: [], places: [], expectedPay: null },
        hukou: null,
        family: { householdSize: null, situation: null },
        trainingWish: { wants: null, courses: [] },
      }),
    })
    expect(bound.status).toBe(200)
    expect(bound.body).toMatchObject({
      id: made.body.id,
      skills: ['电焊'],
      jobWishes: { occupations: ['焊工'] },
      hukou: 'local_urban',
      family: { householdSize: 4, situation: '妻子务农，两个孩子上学' },
    })
  })
})
