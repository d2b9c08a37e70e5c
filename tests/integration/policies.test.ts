import { seedPolicyCatalogue } from '../../functions/contexts/policies/seed-catalogue'
import { createLogger } from '../../functions/platform/logger'
import { auditLog, deductions, notifications, persons } from '../../functions/store/collections'
import { aPng } from '../support/images'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * 应知尽知、应享尽享 over HTTP: the catalogue as residents and the county see it, key groups as
 * the coordinator's record, eligibility with reasons, policies that find people (once), the
 * coordinator's 应享未享 list, subsidy overlap at application time, and deduction candidates.
 */
const NOV_30 = new Date('2026-11-30T02:00:00.000Z') // Monday, 10:00 in Hai'an
let app: TestApp
const COUNTY = { openid: 'pol-county', role: 'county', region: '320621' }
const STREET = { openid: 'pol-street', role: 'street', region: '320621100' }
const COORD = { openid: 'pol-coord', role: 'coordinator', region: '320621100001' }
const OTHER_COORD = { openid: 'pol-coord-2', role: 'coordinator', region: '320621102001' }

beforeAll(async () => {
  app = await startTestApp({ now: NOV_30 })
  await seedPolicyCatalogue(app.deps.store, NOV_30, createLogger({ test: 'policies' }))
})
afterAll(() => app.close())

const as = async (who: { openid: string; role: string; region?: string }) => devLogin(app, who)
const runMatch = async () =>
  (await app.host.runJob('policy-match', app.clock.now())) as Record<string, number>

/** A resident bound in 中坝社区 with the given status; returns their token and person id. */
const resident = async (openid: string, over: Record<string, unknown> = {}) => {
  const token = await as({ openid, role: 'resident' })
  const me = await putMe(app, { token, body: aResident({ name: '王建', ...over }) })
  expect(me.status).toBe(200)
  return { token, id: me.body.id as string }
}

const addGroup = async (personId: string, group: string, who = COORD) =>
  call(app, 'POST', `/api/people/${personId}/key-groups`, {
    token: await as(who),
    body: { group, since: '2026-10-01', reason: '入户核实' },
  })

const inboxOf = async (token: string) =>
  (await call(app, 'GET', '/api/inbox', { token })).body.items as {
    title: string
    body: string
    link: { kind: string; id: string } | null
  }[]

describe('the catalogue', () => {
  it('anyone can browse the published policies, also before logging in', async () => {
    const res = await call(app, 'GET', '/api/policies')
    expect(res.status).toBe(200)
    const si = res.body.items.find((p: { id: string }) => p.id === 'pol_si_subsidy_difficulty')
    expect(si).toMatchObject({
      title: '就业困难人员社会保险补贴',
      applicationType: 'social_insurance_subsidy',
    })
    const one = await call(app, 'GET', '/api/policies/pol_si_subsidy_difficulty')
    expect(one.body.conditions).toEqual([
      { text: '属于就业困难人员', indent: 0 },
      { text: '就业状态为灵活就业或稳定就业', indent: 0 },
    ])
    expect(one.body.eligibility).toBeUndefined()
  })

  it('a county officer drafts, publishes and edits a policy; every version is kept', async () => {
    const token = await as(COUNTY)
    const draft = await call(app, 'POST', '/api/policies', {
      token,
      body: {
        title: '高校毕业生见习补贴',
        summary: '未就业高校毕业生参加就业见习的，按月享受见习补贴。',
        effectiveFrom: '2026-01-01',
        rules: { all: [{ fact: 'keyGroup', in: ['graduate'] }] },
      },
    })
    expect(draft.status).toBe(201)
    expect(draft.body).toMatchObject({
      status: 'draft',
      version: 1,
      regions: [{ code: '320621', name: '海安市' }],
    })
    // Drafts are not public.
    expect((await call(app, 'GET', `/api/policies/${draft.body.id}`)).status).toBe(404)
    const published = await call(app, 'POST', `/api/policies/${draft.body.id}/publish`, { token })
    expect(published.body.status).toBe('published')
    const twice = await call(app, 'POST', `/api/policies/${draft.body.id}/publish`, { token })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('POLICY.ALREADY_PUBLISHED')
    const edited = await call(app, 'PUT', `/api/policies/${draft.body.id}`, {
      token,
      body: {
        title: '高校毕业生见习补贴',
        summary: '离校两年内未就业高校毕业生参加就业见习的，按月享受见习补贴。',
        effectiveFrom: '2026-01-01',
        rules: {
          all: [
            { fact: 'keyGroup', in: ['graduate'] },
            { fact: 'age', max: 35 },
          ],
        },
        version: 1,
      },
    })
    expect(edited.body.version).toBe(2)
    // A stale form is refused, not silently applied over the newer version.
    const stale = await call(app, 'PUT', `/api/policies/${draft.body.id}`, {
      token,
      body: {
        title: '旧版本',
        summary: '这是过期表单提交的内容。',
        effectiveFrom: '2026-01-01',
        rules: { fact: 'gender', is: 'male' },
        version: 1,
      },
    })
    expect(stale.body.code).toBe('POLICY.STALE')
    const versions = await call(app, 'GET', `/api/policies/${draft.body.id}/versions`, { token })
    expect(
      versions.body.items.map((v: { version: number; action: string }) => `${v.version}:${v.action}`),
    ).toEqual(['2:edited', '1:published', '1:created'])
    const withdrawn = await call(app, 'POST', `/api/policies/${draft.body.id}/withdraw`, {
      token,
      body: { reason: '并入新政策' },
    })
    expect(withdrawn.body.status).toBe('withdrawn')
    const late = await call(app, 'PUT', `/api/policies/${draft.body.id}`, {
      token,
      body: {
        title: '再改',
        summary: '撤回后不应能再编辑政策。',
        effectiveFrom: '2026-01-01',
        rules: { fact: 'gender', is: 'male' },
      },
    })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('POLICY.WITHDRAWN')
  })

  it('refuses bad rule data naming the path, and unknown policies at save time', async () => {
    const token = await as(COUNTY)
    const body = (rules: unknown, extra: Record<string, unknown> = {}) => ({
      title: '测试政策',
      summary: '用于检查规则校验的测试政策。',
      effectiveFrom: '2026-01-01',
      rules,
      ...extra,
    })
    const bad = await call(app, 'POST', '/api/policies', {
      token,
      body: body({
        all: [
          { fact: 'keyGroup', in: ['difficulty'] },
          { fact: 'income', max: 3000 },
        ],
      }),
    })
    expect(bad.status).toBe(400)
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['rules.all.1.fact'])
    const dangling = await call(app, 'POST', '/api/policies', {
      token,
      body: body(
        { all: [{ fact: 'enjoying', policy: 'pol_nonexistent', is: false }] },
        { excludes: ['pol_nope'] },
      ),
    })
    expect(dangling.status).toBe(400)
    expect(dangling.body.issues.map((i: { field: string }) => i.field)).toEqual([
      'rules.all.0.policy',
      'excludes.0',
    ])
    const outside = await call(app, 'POST', '/api/policies', {
      token,
      body: body({ fact: 'gender', is: 'male' }, { regions: ['320602'] }),
    })
    expect(outside.body.issues[0].field).toBe('regions.0')
    const impossible = await call(app, 'POST', '/api/policies', {
      token,
      body: body({ fact: 'age', min: 40, max: 30 }),
    })
    expect(impossible.body.issues[0]).toMatchObject({ field: 'rules.max' })
    const nowhere = await call(app, 'POST', '/api/policies', {
      token,
      body: body({ all: [{ fact: 'region', in: ['320621100', '999999'] }] }),
    })
    expect(nowhere.body.issues.map((i: { field: string }) => i.field)).toEqual(['rules.all.0.in.1'])
    const list = await call(app, 'GET', '/api/policies?status=draft', { token })
    expect(list.body.items.map((p: { title: string }) => p.title)).not.toContain('测试政策')
  })

  it('only the county edits the catalogue; drafts are hidden from residents', async () => {
    const body = {
      title: '街道政策',
      summary: '街道不能自行发布县级政策。',
      effectiveFrom: '2026-01-01',
      rules: { fact: 'gender', is: 'male' },
    }
    expect((await call(app, 'POST', '/api/policies', { token: await as(STREET), body })).status).toBe(403)
    expect((await call(app, 'POST', '/api/policies', { token: await as(COORD), body })).status).toBe(403)
    const r = await resident('pol-res-browse')
    expect((await call(app, 'GET', '/api/policies?status=draft', { token: r.token })).status).toBe(403)
    expect(
      (await call(app, 'POST', '/api/policies/pol_si_subsidy_difficulty/publish', { token: r.token })).status,
    ).toBe(403)
  })
})

describe("key groups are the coordinator's record", () => {
  it('staff in scope add and end a group, with the history and the audit', async () => {
    const { id } = await resident('pol-res-kg1')
    const added = await addGroup(id, 'relatively_poor')
    expect(added.status).toBe(201)
    expect(added.body.keyGroups).toEqual([
      { group: 'relatively_poor', label: '相对贫困群体', since: '2026-10-01', reason: '入户核实' },
    ])
    expect((await addGroup(id, 'relatively_poor')).body.code).toBe('KEY_GROUP.ALREADY_HELD')
    const future = await call(app, 'POST', `/api/people/${id}/key-groups`, {
      token: await as(COORD),
      body: { group: 'veteran', since: '2030-01-01', reason: '日期填错' },
    })
    expect(future.status).toBe(400)
    expect(future.body.issues).toEqual([{ field: 'since', message: '日期不能晚于今天' }])
    const ended = await call(app, 'POST', `/api/people/${id}/key-groups/relatively_poor/end`, {
      token: await as(STREET),
      body: { date: '2026-11-30', reason: '家庭收入已超过标准' },
    })
    expect(ended.body.keyGroups).toEqual([])
    expect(ended.body.keyGroupHistory.map((h: { action: string }) => h.action)).toEqual(['added', 'ended'])
    const audits = await app.deps.store.find(auditLog, {
      where: [{ field: 'subject', op: 'eq', value: id }],
      orderBy: [],
      limit: 20,
    })
    expect(audits.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['person.key-group.add', 'person.key-group.end']),
    )
  })

  it('staff attach evidence uploaded for the person; nobody else can upload in their name', async () => {
    const { id } = await resident('pol-res-kg-ev')
    const other = await resident('pol-res-kg-ev2')
    const png = aPng()
    const upload = async (token: string, personId: string) => {
      const res = await fetch(
        `${app.baseUrl}/api/files?name=${encodeURIComponent('退役证.png')}&personId=${personId}`,
        {
          method: 'POST',
          headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
          body: new Uint8Array(png),
        },
      )
      return { status: res.status, body: (await res.json()) as { id: string } }
    }
    const file = await upload(await as(COORD), id)
    expect(file.status).toBe(201)
    expect((await upload(await as(OTHER_COORD), id)).status).toBe(404)
    expect((await upload(other.token, id)).status).toBe(404)
    const added = await call(app, 'POST', `/api/people/${id}/key-groups`, {
      token: await as(COORD),
      body: { group: 'veteran', since: '2020-09-01', reason: '核验退役证', evidence: file.body.id },
    })
    expect(added.status).toBe(201)
    expect(added.body.keyGroupHistory.at(-1)).toMatchObject({ action: 'added', evidence: file.body.id })
    const wrong = await call(app, 'POST', `/api/people/${other.id}/key-groups`, {
      token: await as(COORD),
      body: { group: 'veteran', since: '2020-09-01', reason: '用了别人的材料', evidence: file.body.id },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.issues[0].field).toBe('evidence')
  })

  it('a resident cannot set a key group; staff out of scope do not find the person', async () => {
    const r = await resident('pol-res-kg2')
    const own = await call(app, 'POST', `/api/people/${r.id}/key-groups`, {
      token: r.token,
      body: { group: 'difficulty', since: '2026-10-01', reason: '我自己认定' },
    })
    expect(own.status).toBe(403)
    expect((await addGroup(r.id, 'difficulty', OTHER_COORD)).status).toBe(404)
    const me = await call(app, 'GET', '/api/me', { token: r.token })
    expect(me.body.keyGroups).toEqual([])
  })

  it('a resident declares 返乡农民工; it waits, then the coordinator confirms it', async () => {
    const r = await resident('pol-res-kg3')
    const declared = await call(app, 'POST', '/api/me/key-groups', {
      token: r.token,
      body: { group: 'returning_migrant', since: '2026-01-20', note: '在苏州打工八年，春节前返乡' },
    })
    expect(declared.status).toBe(200)
    expect(declared.body.keyGroups).toEqual([])
    expect(declared.body.pendingGroups[0]).toMatchObject({ group: 'returning_migrant', since: '2026-01-20' })
    const notAllowed = await call(app, 'POST', '/api/me/key-groups', {
      token: r.token,
      body: { group: 'difficulty', since: '2026-01-20' },
    })
    expect(notAllowed.status).toBe(400)
    const claims = await call(app, 'GET', '/api/key-group-claims', { token: await as(COORD) })
    expect(claims.body.items).toContainEqual(
      expect.objectContaining({ personId: r.id, group: 'returning_migrant' }),
    )
    expect(
      (await call(app, 'GET', '/api/key-group-claims', { token: await as(OTHER_COORD) })).body.items,
    ).toEqual([])
    const confirmed = await call(app, 'POST', `/api/people/${r.id}/key-groups/returning_migrant/decision`, {
      token: await as(COORD),
      body: { decision: 'confirm' },
    })
    expect(confirmed.body.keyGroups.map((g: { group: string }) => g.group)).toEqual(['returning_migrant'])
    expect(confirmed.body.pendingGroups).toEqual([])
    expect((await inboxOf(r.token))[0]!.title).toBe('您申报的返乡农民工身份已确认')
  })

  it('keeps every concurrent change (compare-and-set on the record)', async () => {
    const { id } = await resident('pol-res-kg4')
    const groups = ['registered_unemployed', 'difficulty', 'graduate', 'relatively_poor', 'veteran']
    const results = await Promise.all(groups.map((g) => addGroup(id, g)))
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    const stored = await app.deps.store.get(persons, id)
    expect(stored!.keyGroups.map((g) => g.group).sort()).toEqual([...groups].sort())
  })
})

describe('eligibility with reasons', () => {
  it('a certified difficulty person in flexible work may get the social insurance subsidy, with reasons and a prefilled next step', async () => {
    const r = await resident('pol-res-el1', { employmentStatus: 'flexible', employmentSince: '2026-09-01' })
    await addGroup(r.id, 'difficulty')
    const res = await call(app, 'GET', '/api/me/eligibility', { token: r.token })
    expect(res.status).toBe(200)
    const si = res.body.items.find((i: { policyId: string }) => i.policyId === 'pol_si_subsidy_difficulty')
    expect(si).toEqual({
      policyId: 'pol_si_subsidy_difficulty',
      title: '就业困难人员社会保险补贴',
      summary: expect.any(String),
      applicationType: 'social_insurance_subsidy',
      verdict: 'eligible',
      verdictLabel: '可享受',
      reasons: [
        { text: '已认定为就业困难人员', met: true },
        { text: '当前为灵活就业', met: true },
      ],
      nextStep: {
        kind: 'apply',
        label: '申请社会保险补贴',
        applicationType: 'social_insurance_subsidy',
        policyId: 'pol_si_subsidy_difficulty',
        prefill: { employmentType: 'flexible' },
      },
    })
    // What I can get now comes first.
    expect(res.body.items[0].verdict).toBe('eligible')
    const regCard = res.body.items.find(
      (i: { policyId: string }) => i.policyId === 'pol_unemployment_registration',
    )
    expect(regCard.verdict).toBe('not_eligible')
    expect(regCard.reasons[0]).toEqual({ text: '当前为灵活就业，需为失业', met: false })
  })

  it('a missing fact is 需补充信息 and leads to the profile field', async () => {
    const token = await as(COUNTY)
    const p = await call(app, 'POST', '/api/policies', {
      token,
      body: {
        title: '本地城镇户籍失业人员生活补助',
        summary: '本地城镇户籍的失业人员可申请临时生活补助。',
        effectiveFrom: '2026-01-01',
        rules: {
          all: [
            { fact: 'hukou', in: ['local_urban'] },
            { fact: 'employmentStatus', in: ['unemployed'] },
          ],
        },
      },
    })
    await call(app, 'POST', `/api/policies/${p.body.id}/publish`, { token })
    const r = await resident('pol-res-el2', { hukou: null })
    const item = (await call(app, 'GET', '/api/me/eligibility', { token: r.token })).body.items.find(
      (i: { policyId: string }) => i.policyId === p.body.id,
    )
    expect(item.verdict).toBe('need_info')
    expect(item.nextStep).toEqual({ kind: 'complete_profile', label: '补充信息', field: 'hukou' })
  })

  it('reading a policy as a resident shows my verdict', async () => {
    const r = await resident('pol-res-el3')
    const res = await call(app, 'GET', '/api/policies/pol_unemployment_registration', { token: r.token })
    expect(res.body.eligibility).toMatchObject({ verdict: 'eligible', nextStep: { kind: 'apply' } })
  })
})

describe('policies find people', () => {
  it('publishing notifies exactly the eligible residents, once; a rerun sends nothing; a later change notifies the newly eligible', async () => {
    const token = await as(COUNTY)
    const graduate = await resident('pol-res-m1', { name: '陈晨' })
    await addGroup(graduate.id, 'graduate')
    const other = await resident('pol-res-m2', { name: '周一' })
    await runMatch() // settle everything published so far
    const before = {
      graduate: (await inboxOf(graduate.token)).length,
      other: (await inboxOf(other.token)).length,
    }

    const p = await call(app, 'POST', '/api/policies', {
      token,
      body: {
        title: '高校毕业生求职创业补贴',
        summary: '未就业的高校毕业生求职创业，可申请一次性求职创业补贴。',
        effectiveFrom: '2026-01-01',
        rules: { fact: 'keyGroup', in: ['graduate'] },
      },
    })
    await call(app, 'POST', `/api/policies/${p.body.id}/publish`, { token })
    const first = await runMatch()
    expect(first.policiesMatched).toBe(1)
    const inbox = await inboxOf(graduate.token)
    expect(inbox.length).toBe(before.graduate + 1)
    expect(inbox.find((m) => m.link?.id === p.body.id)).toMatchObject({
      title: '您可能符合「高校毕业生求职创业补贴」',
      link: { kind: 'policy', id: p.body.id },
    })
    expect((await inboxOf(other.token)).length).toBe(before.other)

    const again = await runMatch()
    expect(again.notified).toBe(0)
    expect((await inboxOf(graduate.token)).length).toBe(before.graduate + 1)

    // The coordinator confirms the other resident as a graduate: the next pass tells them.
    app.clock.advance(60_000)
    await addGroup(other.id, 'graduate')
    const later = await runMatch()
    expect(later.notified).toBeGreaterThanOrEqual(1)
    // Graduates qualify for several policies at once: one message names them all.
    const told = (await inboxOf(other.token)).filter((m) => m.body.includes('高校毕业生求职创业补贴'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({
      title: expect.stringMatching(/^您可能符合 \d 项就业政策$/),
      link: { kind: 'policies' },
    })
    expect((await inboxOf(graduate.token)).length).toBe(before.graduate + 1)
    const sent = await app.deps.store.count(notifications, [
      { field: 'recipient', op: 'eq', value: `psn:${other.id}` },
    ])
    expect(await runMatch()).toMatchObject({ notified: 0 })

    // Withdrawn: nobody is left to brief about it, and the message counts as read when opened.
    const listed = async () =>
      (
        await call(app, 'GET', `/api/policy-reach/unenjoyed?personId=${other.id}&state=all`, {
          token: await as(COORD),
        })
      ).body.items.map((i: { policyId: string }) => i.policyId)
    expect(await listed()).toContain(p.body.id)
    await call(app, 'POST', `/api/policies/${p.body.id}/withdraw`, {
      token,
      body: { reason: '并入其他政策' },
    })
    expect(await listed()).not.toContain(p.body.id)
    expect(
      await app.deps.store.count(notifications, [{ field: 'recipient', op: 'eq', value: `psn:${other.id}` }]),
    ).toBe(sent)
  })

  it('a policy notice reaches the eligible of its policies, once', async () => {
    const token = await as(COUNTY)
    const r = await resident('pol-res-n1', { employmentStatus: 'flexible' })
    await addGroup(r.id, 'difficulty')
    await runMatch()
    const notice = await call(app, 'POST', '/api/policy-notices', {
      token,
      body: {
        title: '2027 年春风行动社保补贴申领开始',
        body: '2027 年 1 月 1 日起受理就业困难人员社会保险补贴申请，请符合条件的居民及时申请。',
        policyIds: ['pol_si_subsidy_difficulty'],
      },
    })
    expect(notice.status).toBe(201)
    await call(app, 'POST', `/api/policy-notices/${notice.body.id}/publish`, { token })
    const run = await runMatch()
    expect(run.noticesSent).toBe(1)
    expect((await inboxOf(r.token)).find((m) => m.link?.kind === 'notice')).toMatchObject({
      title: '2027 年春风行动社保补贴申领开始',
      link: { kind: 'notice', id: notice.body.id },
    })
    expect((await call(app, 'GET', '/api/policy-notices')).body.items[0].id).toBe(notice.body.id)
    await runMatch()
    expect((await inboxOf(r.token)).filter((m) => m.link?.id === notice.body.id)).toHaveLength(1)
    // Opening the message is reading about its policy.
    const message = (await call(app, 'GET', '/api/inbox', { token: r.token })).body.items.find(
      (m: { link: { kind: string } | null }) => m.link?.kind === 'notice',
    )
    await call(app, 'POST', `/api/inbox/${message.id}/read`, { token: r.token })
    const row = (
      await call(app, 'GET', `/api/policy-reach/unenjoyed?personId=${r.id}&state=all`, {
        token: await as(COORD),
      })
    ).body.items.find((i: { policyId: string }) => i.policyId === 'pol_si_subsidy_difficulty')
    expect(row.readAt).not.toBeNull()
  })

  it('the coordinator sees 应享未享 in their community and records the briefing', async () => {
    const r = await resident('pol-res-u1', { name: '吴敏', employmentStatus: 'flexible' })
    await addGroup(r.id, 'difficulty')
    await runMatch()
    const coord = await as(COORD)
    const list = await call(app, 'GET', '/api/policy-reach/unenjoyed?policyId=pol_si_subsidy_difficulty', {
      token: coord,
    })
    const row = list.body.items.find((i: { personId: string }) => i.personId === r.id)
    expect(row).toMatchObject({
      personName: '吴敏',
      policyTitle: '就业困难人员社会保险补贴',
      explainedAt: null,
    })
    expect(row.notifiedAt).not.toBeNull()
    const elsewhere = await call(app, 'GET', '/api/policy-reach/unenjoyed', { token: await as(OTHER_COORD) })
    expect(elsewhere.body.items.find((i: { personId: string }) => i.personId === r.id)).toBeUndefined()
    expect(
      (
        await call(app, 'POST', `/api/policy-reach/${row.id}/explained`, {
          token: await as(OTHER_COORD),
          body: { channel: 'phone', date: '2026-11-30' },
        })
      ).status,
    ).toBe(404)
    const briefed = await call(app, 'POST', `/api/policy-reach/${row.id}/explained`, {
      token: coord,
      body: { channel: 'home_visit', date: '2026-11-30', note: '已讲解申领材料' },
    })
    expect(briefed.body.explained).toMatchObject({ channel: 'home_visit', channelLabel: '上门走访' })
    const after = await call(app, 'GET', '/api/policy-reach/unenjoyed?policyId=pol_si_subsidy_difficulty', {
      token: coord,
    })
    expect(after.body.items.find((i: { personId: string }) => i.personId === r.id)).toBeUndefined()
    const stats = await call(app, 'GET', '/api/policy-reach?policyId=pol_si_subsidy_difficulty', {
      token: await as(STREET),
    })
    const total = stats.body.rows[0]
    expect(total.targeted).toBeGreaterThanOrEqual(1)
    expect(total.explained).toBeGreaterThanOrEqual(1)
    expect(total.knowRate).toBeGreaterThan(0)
    expect((await call(app, 'GET', '/api/policy-reach', { token: r.token })).status).toBe(403)
  })
})

describe('a person who left', () => {
  it('is no longer someone to brief once recorded as moved away, and their 政策 page says why', async () => {
    const r = await resident('pol-res-x1', { name: '钱外迁', employmentStatus: 'flexible' })
    await addGroup(r.id, 'difficulty')
    await runMatch()
    const coord = await as(COORD)
    const listed = async () =>
      (
        await call(app, 'GET', `/api/policy-reach/unenjoyed?personId=${r.id}&state=all`, { token: coord })
      ).body.items.map((i: { policyId: string }) => i.policyId)
    expect(await listed()).toContain('pol_si_subsidy_difficulty')
    const exit = await call(app, 'POST', `/api/people/${r.id}/exit`, {
      token: coord,
      body: { reason: 'moved_away', date: '2026-11-20', note: '全家迁往南通市区' },
    })
    expect(exit.status).toBe(200)
    await runMatch()
    expect(await listed()).toEqual([])
    const mine = await call(app, 'GET', '/api/me/eligibility', { token: r.token })
    const row = mine.body.items.find((i: { policyId: string }) => i.policyId === 'pol_si_subsidy_difficulty')
    expect(row.verdict).toBe('not_eligible')
    expect(JSON.stringify(row.reasons)).toContain('迁出')
  })
})

describe('subsidy overlap is refused when applying', () => {
  it('refuses social insurance subsidy months that a post subsidy already covers, accepts other months', async () => {
    const r = await resident('pol-res-o1', { employmentStatus: 'flexible' })
    await addGroup(r.id, 'difficulty')
    const entered = await call(app, 'POST', `/api/people/${r.id}/enjoyments`, {
      token: await as(COORD),
      body: {
        policyId: 'pol_post_subsidy',
        from: '2026-03',
        to: '2026-08',
        note: '公益性岗位补贴（线下发放）',
      },
    })
    expect(entered.status).toBe(201)
    const tooLong = await call(app, 'POST', `/api/people/${r.id}/enjoyments`, {
      token: await as(COORD),
      body: { policyId: 'pol_unemployment_benefit', from: '2026-11', to: '2031-12', note: '月份填错' },
    })
    expect(tooLong.body.issues[0]).toMatchObject({ field: 'to' })
    expect(entered.body.enjoyments[0]).toMatchObject({
      label: '公益性岗位补贴',
      from: '2026-03',
      to: '2026-08',
      source: 'staff',
    })
    const submit = (insuredFrom: string, key: string) =>
      call(app, 'POST', '/api/applications', {
        token: r.token,
        body: {
          type: 'social_insurance_subsidy',
          policyId: 'pol_si_subsidy_difficulty',
          data: { employmentType: 'flexible', insuredFrom, months: 3 },
          idempotencyKey: key,
        },
      })
    const clash = await submit('2026-07', 'overlap-key-1')
    expect(clash.status).toBe(409)
    expect(clash.body.code).toBe('APPLICATION.SUBSIDY_OVERLAP')
    expect(clash.body.message).toBe(
      '申请的月份（2026-07 至 2026-09）与已享受的「公益性岗位补贴」（2026-03 至 2026-08）重叠，同一时期不能重复享受',
    )
    expect((await call(app, 'GET', '/api/applications', { token: r.token })).body.items).toEqual([])
    const fine = await submit('2026-09', 'overlap-key-2')
    expect(fine.status).toBe(201)
    // Someone who applied knows the policy: not on the coordinator's list of people to brief.
    await runMatch()
    const toBrief = await call(app, 'GET', '/api/policy-reach/unenjoyed?policyId=pol_si_subsidy_difficulty', {
      token: await as(COORD),
    })
    expect(toBrief.body.items.find((i: { personId: string }) => i.personId === r.id)).toBeUndefined()
    const all = await call(
      app,
      'GET',
      '/api/policy-reach/unenjoyed?policyId=pol_si_subsidy_difficulty&state=all',
      {
        token: await as(COORD),
      },
    )
    expect(all.body.items.find((i: { personId: string }) => i.personId === r.id).appliedAt).not.toBeNull()
  })

  it('a resident cannot enter a benefit for themselves', async () => {
    const r = await resident('pol-res-o2')
    const res = await call(app, 'POST', `/api/people/${r.id}/enjoyments`, {
      token: r.token,
      body: { policyId: 'pol_post_subsidy', from: '2026-03', to: null, note: '自己填写' },
    })
    expect(res.status).toBe(403)
  })
})

describe('a subsidy the eligible did not get', () => {
  it('becomes a deduction candidate after the quarter; the county confirms or dismisses it', async () => {
    const r = await resident('pol-res-d1', { name: '郑华', employmentStatus: 'flexible' })
    await addGroup(r.id, 'difficulty')
    await runMatch()
    // The first run in the new quarter lists the 2026Q4 candidates.
    app.clock.set(new Date('2027-01-04T02:00:00.000Z'))
    const run = await runMatch()
    expect(run.candidates).toBeGreaterThanOrEqual(1)
    const street = await call(app, 'GET', '/api/policy-deductions?quarter=2026Q4', {
      token: await as(STREET),
    })
    const mine = street.body.items.find(
      (c: { personId: string; policyId: string }) =>
        c.personId === r.id && c.policyId === 'pol_si_subsidy_difficulty',
    )
    expect(mine).toMatchObject({ status: 'candidate', personName: '郑华', townName: '海安镇' })
    expect(
      (
        await call(app, 'POST', `/api/policy-deductions/${mine.id}`, {
          token: await as(STREET),
          body: { decision: 'confirm', reason: '确未发放' },
        })
      ).status,
    ).toBe(403)
    const confirmed = await call(app, 'POST', `/api/policy-deductions/${mine.id}`, {
      token: await as(COUNTY),
      body: { decision: 'confirm', reason: '符合条件但未申领，社区未宣讲到位' },
    })
    expect(confirmed.body.status).toBe('confirmed')
    const again = await call(app, 'POST', `/api/policy-deductions/${mine.id}`, {
      token: await as(COUNTY),
      body: { decision: 'dismiss', reason: '重复' },
    })
    expect(again.body.code).toBe('CANDIDATE.DECIDED')
    const ded = await app.deps.store.find(deductions, {
      where: [{ field: 'year', op: 'eq', value: 2026 }],
      orderBy: [],
      limit: 100,
    })
    expect(ded.items.map((d) => d.reason)).toContain('2026Q4 补贴应享未享：郑华（就业困难人员社会保险补贴）')
    // A second run in the same quarter lists nothing new.
    expect((await runMatch()).candidates).toBe(0)
    app.clock.set(NOV_30)
  })
})
