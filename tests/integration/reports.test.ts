import ExcelJS from 'exceljs'
import { freezeQuarter } from '../../functions/contexts/reports/freeze-quarter'
import { createLogger } from '../../functions/platform/logger'
import {
  auditLog,
  deductions,
  type FollowupTaskRecord,
  followupRecords,
  followupTasks,
  notifications,
  type PlacementCaseRecord,
  persons,
  placementCases,
  services,
} from '../../functions/store/collections'
import { findAll } from '../../functions/store/scan'
import { aPersonRecord } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * The quarter's tables against a hand-built registry, each cell's rule at its edge: a follow-up
 * at 00:30 on the quarter's first day (Shanghai) counts, one at 23:59 the day before does not; a
 * person employed on the quarter's last day counts as employed in it; a group ended mid-quarter
 * still counts, one begun after it does not; a person who left before it is not listed.
 */
const NOW = new Date('2026-11-20T02:00:00.000Z')
const TOWN = '320621100'
const C1 = '320621100001'
const C2 = '320621100002'
const OTHER_TOWN_COMMUNITY = '320621101001'
const log = createLogger({ test: 'reports' })
let app: TestApp
let coord: string
let street: string
let county: string

const since = (group: string, date = '2026-01-01') => ({ group, since: date, source: 'test' }) as never
const task = (
  i: number,
  period: string,
  status: FollowupTaskRecord['status'],
  community = C1,
): FollowupTaskRecord => ({
  id: `fu_${period.replace('-', '')}_${aPersonRecord(i).id}`,
  personId: aPersonRecord(i).id,
  personName: `居民${i}`,
  community,
  period,
  due: `${period}-20`,
  status,
  priority: 0,
  reason: 'test',
  createdAt: `${period}-01T01:00:00.000Z`,
  doneAt: status === 'done' ? `${period}-10T01:00:00.000Z` : null,
  recordId: null,
})
const record = (n: number, i: number, at: string, community = C1) => ({
  id: `fr_t${n}`,
  personId: aPersonRecord(i).id,
  community,
  taskId: null,
  at,
  actor: '协理员',
  actorAccount: 'wx:x',
  channel: 'phone' as const,
  outcome: '电话联系',
  employmentStatus: 'unemployed' as const,
  employmentSince: null,
  nextStep: null,
  note: null,
})
const service = (
  n: number,
  i: number,
  kind: 'guidance' | 'referral' | 'training',
  at: string,
  community = C1,
) => ({
  id: `svc_t${n}`,
  personId: aPersonRecord(i).id,
  community,
  year: Number(at.slice(0, 4)),
  kind,
  at,
  actor: '协理员',
  note: '',
  jobId: null,
})

beforeAll(async () => {
  app = await startTestApp({ now: NOW })
  const s = app.deps.store
  coord = await devLogin(app, { openid: 'rp-coord', role: 'coordinator', region: C1 })
  street = await devLogin(app, { openid: 'rp-street', role: 'street', region: TOWN })
  county = await devLogin(app, { openid: 'rp-county', role: 'county', region: '320621' })
  // 1: registered unemployed all year, still out of work.
  await s.insert(persons, aPersonRecord(1, { keyGroups: [since('registered_unemployed')] }))
  // 2: registered and difficulty; took flexible work on the quarter's last day; one benefit overlapping.
  await s.insert(
    persons,
    aPersonRecord(2, {
      keyGroups: [since('registered_unemployed'), since('difficulty')],
      employmentStatus: 'flexible',
      employmentSince: '2026-09-30',
      enjoyments: [
        {
          id: 'e1',
          policyId: null,
          applicationType: null,
          label: '灵活就业社保补贴',
          from: '2026-05',
          to: '2026-07',
          source: 'staff:x',
          at: '2026-05-01',
        },
        {
          id: 'e2',
          policyId: null,
          applicationType: null,
          label: '公益性岗位补贴',
          from: '2026-10',
          to: null,
          source: 'staff:x',
          at: '2026-10-01',
        },
      ],
    }),
  )
  // 3: veteran of the second community, employed the day before the quarter.
  await s.insert(
    persons,
    aPersonRecord(3, {
      community: C2,
      keyGroups: [since('veteran')],
      employmentStatus: 'stable',
      employmentSince: '2026-06-30',
    }),
  )
  // 4: a graduate from the day after the quarter: not in it.
  await s.insert(persons, aPersonRecord(4, { keyGroups: [since('graduate', '2026-10-01')] }))
  // 5: registered unemployed until 15 August (found work): still in the quarter's table.
  await s.insert(
    persons,
    aPersonRecord(5, {
      keyGroups: [],
      keyGroupHistory: [
        {
          at: '2026-01-01',
          group: 'registered_unemployed',
          action: 'added',
          date: '2026-01-01',
          reason: null,
          by: '县级',
          evidence: null,
        },
        {
          at: '2026-08-15',
          group: 'registered_unemployed',
          action: 'ended',
          date: '2026-08-15',
          reason: '就业登记',
          by: '社区',
          evidence: null,
        },
      ],
      employmentStatus: 'stable',
      employmentSince: '2026-08-15',
    }),
  )
  // 6: left the labour market before the quarter began.
  await s.insert(
    persons,
    aPersonRecord(6, {
      keyGroups: [since('returning_migrant')],
      exit: { reason: 'moved_away', date: '2026-06-01', note: '', by: 'x', at: '2026-06-01' },
    }),
  )
  // 7: another town; 8: no key group.
  await s.insert(
    persons,
    aPersonRecord(7, { community: OTHER_TOWN_COMMUNITY, keyGroups: [since('registered_unemployed')] }),
  )
  await s.insert(persons, aPersonRecord(8))

  await s.insertMany(followupTasks, [
    task(1, '2026-06', 'done'),
    task(1, '2026-07', 'done'),
    task(1, '2026-08', 'missed'),
    task(1, '2026-09', 'done'),
    task(1, '2026-10', 'open'),
    task(2, '2026-09', 'exempt'),
    task(3, '2026-07', 'missed', C2),
    task(7, '2026-08', 'done', OTHER_TOWN_COMMUNITY),
  ])
  await s.insertMany(followupRecords, [
    record(1, 1, '2026-06-30T15:59:00.000Z'), // 30 June 23:59 in Hai'an: the quarter before
    record(2, 1, '2026-06-30T16:30:00.000Z'), // 1 July 00:30: in it
    record(3, 1, '2026-09-30T15:59:00.000Z'), // 30 September 23:59: in it
    record(4, 1, '2026-09-30T16:00:00.000Z'), // 1 October 00:00: the next
  ])
  await s.insertMany(services, [
    service(1, 1, 'guidance', '2026-07-10T02:00:00.000Z'),
    service(2, 1, 'referral', '2026-09-30T15:00:00.000Z'),
    service(3, 1, 'referral', '2026-09-30T16:00:00.000Z'), // 1 October
    service(4, 2, 'training', '2026-08-01T02:00:00.000Z'),
  ])
})
afterAll(() => app.close())

const row = (body: { summary: { group: string }[] }, group: string) =>
  body.summary.find((r) => r.group === group) as never as Record<string, number>

describe('the quarterly 一览表 and 明细表', () => {
  it('counts each cell by its rule at the edges of the quarter', async () => {
    const res = await call(app, 'GET', `/api/reports/quarterly?region=${TOWN}&quarter=2026Q3`, {
      token: street,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      quarter: '2026Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      source: 'live',
      partial: false,
    })
    expect(res.body.details.map((d: { name: string }) => d.name)).toEqual([
      '居民1',
      '居民2',
      '居民5',
      '居民3',
    ])
    const one = res.body.details.find((d: { name: string }) => d.name === '居民1')
    expect(one).toMatchObject({
      followupsDue: 3,
      followupsDone: 2,
      followupsMissed: 1,
      followupRecords: 2,
      guidance: 1,
      referral: 1,
      training: 0,
      employedInQuarter: false,
    })
    expect(one.idNumberMasked).toMatch(/\*{6,}/)
    const two = res.body.details.find((d: { name: string }) => d.name === '居民2')
    expect(two).toMatchObject({
      employedInQuarter: true,
      training: 1,
      followupsDue: 0,
      policiesEnjoyed: ['灵活就业社保补贴'],
    })
    expect(res.body.details.find((d: { name: string }) => d.name === '居民5')).toMatchObject({
      groups: ['registered_unemployed'],
      employedInQuarter: true,
    })
    expect(res.body.details.find((d: { name: string }) => d.name === '居民3')).toMatchObject({
      employedInQuarter: false,
      followupsMissed: 1,
    })
    expect(row(res.body, 'registered_unemployed')).toMatchObject({
      persons: 3,
      followupsDue: 3,
      followupsMissed: 1,
      employedInQuarter: 2,
      policiesEnjoyed: 1,
    })
    expect(row(res.body, 'difficulty')).toMatchObject({ persons: 1, training: 1, employedInQuarter: 1 })
    expect(row(res.body, 'veteran')).toMatchObject({ persons: 1, followupsMissed: 1 })
    expect(row(res.body, 'graduate')).toMatchObject({ persons: 0 })
    expect(row(res.body, 'total')).toMatchObject({ persons: 5, followupsMissed: 2, referral: 1 })
    expect(res.body.distinctPersons).toBe(4)
    // The summary of the whole county takes in the other town too.
    const all = await call(app, 'GET', '/api/reports/quarterly?region=320621&quarter=2026Q3', {
      token: county,
    })
    expect(row(all.body, 'registered_unemployed').persons).toBe(4)
  })

  it('agrees with the workbench: its done and missed tasks of the three months are the table’s', async () => {
    const q = await call(app, 'GET', `/api/reports/quarterly?region=${TOWN}&quarter=2026Q3`, {
      token: street,
    })
    const tally = { done: 0, missed: 0 }
    for (const period of ['2026-07', '2026-08', '2026-09'])
      for (const status of ['done', 'missed'] as const) {
        const wb = await call(app, 'GET', `/api/followups/tasks?period=${period}&status=${status}`, {
          token: street,
        })
        tally[status] += wb.body.items.length
      }
    expect(tally).toEqual({
      done: row(q.body, 'total').followupsDone,
      missed: row(q.body, 'total').followupsMissed,
    })
    expect(tally).toEqual({ done: 2, missed: 2 })
  })

  it('downloads the workbook in the official layout, totals equal to the rows, no full ID', async () => {
    const res = await fetch(
      `${app.baseUrl}/api/reports/quarterly?region=${TOWN}&quarter=2026Q3&format=xlsx`,
      {
        headers: { authorization: `Bearer ${street}` },
      },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const sum = wb.getWorksheet('一览表')!
    expect(sum.getCell('A1').value).toBe('服务重点群体情况一览表')
    expect(String(sum.getCell('A2').value)).toContain('海安')
    expect(String(sum.getCell('G2').value)).toContain('2026年第三季度')
    expect(sum.getCell('K2').master.address).toBe('G2')
    expect(String(sum.getCell('A3').value)).toContain('单位：人、人次')
    // Merged two-level header: 跟踪服务 over four columns, "131"服务 over three.
    expect(sum.getCell('C4').value).toBe('跟踪服务')
    expect(sum.getCell('F4').isMerged && sum.getCell('F4').master.address).toBe('C4')
    expect(sum.getCell('G4').value).toBe('“131”服务')
    expect(sum.getCell('A5').master.address).toBe('A4')
    expect(sum.getCell('C5').value).toBe('应跟踪（人次）')
    const labels = [6, 7, 8, 9, 10, 11].map((r) => sum.getCell(`A${r}`).value)
    expect(labels).toEqual([
      '登记失业人员',
      '就业困难人员',
      '高校毕业生',
      '相对贫困群体',
      '复员转业退役军人',
      '返乡农民工',
    ])
    expect(sum.getCell('A12').value).toBe('合计')
    for (const column of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']) {
      const rows = [6, 7, 8, 9, 10, 11].reduce((s, r) => s + Number(sum.getCell(`${column}${r}`).value), 0)
      const total = sum.getCell(`${column}12`).value as { formula: string; result: number }
      expect(total.formula).toBe(`SUM(${column}6:${column}11)`)
      expect(total.result).toBe(rows)
    }
    expect(sum.getCell('B6').value).toBe(3)
    let signature = ''
    sum.eachRow((r) => {
      if (String(r.getCell(1).value).startsWith('填报人')) signature = String(r.getCell(1).value)
    })
    expect(signature).toContain('单位负责人（签字）')
    const det = wb.getWorksheet('明细表')!
    expect(det.getCell('B4').value).toBe('姓名')
    const names = [5, 6, 7, 8].map((r) => det.getCell(`B${r}`).value)
    expect(names).toEqual(['居民1', '居民2', '居民5', '居民3'])
    expect(det.getCell('A9').value).toBe('合计')
    expect((det.getCell('J9').value as { result: number }).result).toBe(2) // 漏跟踪, as the summary
    det.eachRow((r) =>
      r.eachCell((c) => {
        expect(String(c.value)).not.toMatch(/\d{17}[\dX]/)
        expect(String(c.value)).not.toMatch(/1\d{10}/)
      }),
    )
    const audits = await findAll(app.deps.store, auditLog, {
      where: [{ field: 'action', op: 'eq', value: 'report.export.quarterly' }],
      orderBy: [],
    })
    expect(audits.map((a) => a.subject)).toContain(TOWN)
  })

  it('keeps a coordinator to their community and refuses a bad or future quarter', async () => {
    const own = await call(app, 'GET', `/api/reports/quarterly?region=${C1}&quarter=2026Q3`, { token: coord })
    expect(own.status).toBe(200)
    expect(own.body.details.every((d: { community: string }) => d.community === C1)).toBe(true)
    const other = await call(app, 'GET', `/api/reports/quarterly?region=${C2}&quarter=2026Q3&format=xlsx`, {
      token: coord,
    })
    expect(other.status).toBe(403)
    const town = await call(app, 'GET', `/api/reports/quarterly?region=${TOWN}&quarter=2026Q3`, {
      token: coord,
    })
    expect(town.status).toBe(403)
    const bad = await call(app, 'GET', `/api/reports/quarterly?region=${C1}&quarter=2026Q5`, { token: coord })
    expect(bad.status).toBe(400)
    expect(bad.body.issues[0].field).toBe('quarter')
    const future = await call(app, 'GET', `/api/reports/quarterly?region=${C1}&quarter=2027Q1`, {
      token: coord,
    })
    expect(future.status).toBe(400)
    expect(future.body.issues[0].message).toContain('尚未开始')
    const resident = await devLogin(app, { openid: 'rp-resident', role: 'resident' })
    expect(
      (await call(app, 'GET', '/api/reports/quarterly?quarter=2026Q3', { token: resident })).status,
    ).toBe(403)
    const current = await call(app, 'GET', `/api/reports/quarterly?region=${C1}&quarter=2026Q4`, {
      token: coord,
    })
    expect(current.body.partial).toBe(true)
  })

  it('report-quarterly freezes the quarter: a later edit does not change it, officers are told once', async () => {
    const before = await call(app, 'GET', `/api/reports/quarterly?region=${TOWN}&quarter=2026Q3`, {
      token: street,
    })
    const at = new Date('2026-10-09T01:00:00.000Z')
    const first = await freezeQuarter(app.deps, at, log, 'manual')
    expect(first).toMatchObject({ quarter: '2026Q3', persons: 5 })
    expect(await freezeQuarter(app.deps, at, log, 'manual')).toMatchObject({ alreadyFrozen: 1 })
    // A record is edited afterwards: 居民1's August follow-up turns out done.
    await app.deps.store.update(followupTasks, `fu_202608_${aPersonRecord(1).id}`, { status: 'done' })
    const after = await call(app, 'GET', `/api/reports/quarterly?region=${TOWN}&quarter=2026Q3`, {
      token: street,
    })
    expect(after.body.source).toBe('frozen')
    expect(after.body.computedAt).toBe(at.toISOString())
    expect(after.body.summary).toEqual(before.body.summary)
    expect(after.body.dataVersion).toBe(before.body.dataVersion)
    // The coordinator's community reads its own part of the frozen rows.
    const mine = await call(app, 'GET', `/api/reports/quarterly?region=${C1}&quarter=2026Q3`, {
      token: coord,
    })
    expect(mine.body).toMatchObject({ source: 'frozen', distinctPersons: 3 })
    const told = await findAll(app.deps.store, notifications, {
      where: [{ field: 'recipient', op: 'eq', value: 'wx:rp-street' }],
      orderBy: [],
    })
    expect(told.filter((m) => m.title.includes('2026年第三季度'))).toHaveLength(1)
    await app.deps.store.update(followupTasks, `fu_202608_${aPersonRecord(1).id}`, { status: 'missed' })
  })
})

describe('the registered urban unemployment rate', () => {
  it('divides by the town’s labour force and flags it above the threshold', async () => {
    const none = await call(app, 'GET', `/api/reports/unemployment-rate?region=${TOWN}&month=2026-10`, {
      token: street,
    })
    expect(none.body).toMatchObject({
      rate: null,
      registeredUnemployed: 2,
      labourForce: null,
      threshold: 0.03,
      above: false,
    })
    const put = await call(app, 'PUT', '/api/reports/labour-force', {
      token: street,
      body: { region: TOWN, entries: [{ month: '2026-10', employed: 98 }] },
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ rate: 0.02, registeredUnemployed: 2, labourForce: 98, above: false })
    // A month without its own entry carries the latest earlier one, and says which.
    const nov = await call(app, 'GET', `/api/reports/unemployment-rate?region=${TOWN}&month=2026-11`, {
      token: street,
    })
    expect(nov.body).toMatchObject({ labourForce: 98, labourForceMonth: '2026-10' })
    await call(app, 'PUT', '/api/reports/labour-force', {
      token: street,
      body: { region: TOWN, entries: [{ month: '2026-11', employed: 48 }] },
    })
    const high = await call(app, 'GET', `/api/reports/unemployment-rate?region=${TOWN}&month=2026-11`, {
      token: street,
    })
    expect(high.body).toMatchObject({ rate: 0.04, above: true })
    expect(high.body.trend).toHaveLength(12)
    // Exactly at the threshold is not above it.
    await call(app, 'PUT', '/api/reports/labour-force', {
      token: street,
      body: { region: TOWN, entries: [{ month: '2026-11', employed: 64 }] }, // 2 / 66 = 3.03 % (4 places)
    })
    const settings = await call(app, 'GET', '/api/reports/settings', { token: county })
    const put2 = await call(app, 'PUT', '/api/reports/settings', {
      token: county,
      body: { ...settings.body, isDefault: undefined, updatedAt: undefined, unemploymentThreshold: 0.0303 },
    })
    expect(put2.status).toBe(200)
    const edge = await call(app, 'GET', `/api/reports/unemployment-rate?region=${TOWN}&month=2026-11`, {
      token: street,
    })
    expect(edge.body).toMatchObject({ rate: 0.0303, threshold: 0.0303, above: false })
  })

  it('rates the county over the towns that entered their labour force, naming the others', async () => {
    const res = await call(app, 'GET', '/api/reports/unemployment-rate?region=320621&month=2026-11', {
      token: county,
    })
    // Only 海安镇 entered: its 2 registered unemployed over its 64; 居民7's town is named, not divided in.
    expect(res.body).toMatchObject({ registeredUnemployed: 2, labourForce: 64, rate: 0.0303 })
    expect(res.body.missingTowns.length).toBeGreaterThan(5)
    expect(res.body.missingTowns).not.toContain('海安镇')
  })

  it('refuses a future month, a negative count and a coordinator entering it', async () => {
    expect(
      (
        await call(app, 'GET', `/api/reports/unemployment-rate?region=${TOWN}&month=2027-01`, {
          token: street,
        })
      ).status,
    ).toBe(400)
    const neg = await call(app, 'PUT', '/api/reports/labour-force', {
      token: street,
      body: { region: TOWN, entries: [{ month: '2026-09', employed: -1 }] },
    })
    expect(neg.status).toBe(400)
    expect(neg.body.issues[0].field).toBe('entries.0.employed')
    const c = await call(app, 'PUT', '/api/reports/labour-force', {
      token: coord,
      body: { region: TOWN, entries: [{ month: '2026-09', employed: 10 }] },
    })
    expect(c.status).toBe(403)
    const zero = await call(app, 'PUT', '/api/reports/labour-force', {
      token: street,
      body: { region: TOWN, entries: [{ month: '2026-09', employed: 0 }] },
    })
    expect(zero.status).toBe(400)
    // Refusals are in the audit log, with who and what they asked for.
    const refused = (
      await findAll(app.deps.store, auditLog, {
        where: [{ field: 'actor', op: 'eq', value: 'wx:rp-coord' }],
        orderBy: [],
      })
    ).filter((a) => a.result === 'refused')
    expect(refused.map((a) => `${a.action} ${a.subject}`)).toEqual(
      expect.arrayContaining([`report.quarterly ${C2}`, `report.labour-force ${TOWN}`]),
    )
  })
})

describe('the full-employment community rating', () => {
  it('computes each criterion with the persons behind it and records the county’s decision', async () => {
    const res = await call(app, 'GET', `/api/reports/community-rating?community=${C1}&year=2026`, {
      token: coord,
    })
    expect(res.status).toBe(200)
    const reemploy = res.body.criteria.find((c: { key: string }) => c.key === 'reemploymentRate')
    // 居民1 still out of work; 居民2 and 居民5 employed: 2 of 3.
    expect(reemploy.counts).toEqual({ base: 3, short: 1 })
    // Everyone behind the number, the one it is short of first.
    expect(reemploy.evidence.map((e: { name: string; note: string }) => `${e.name} ${e.note}`)).toEqual([
      '居民1 未就业',
      '居民2 已就业',
      '居民5 已就业',
    ])
    expect(res.body.proposed).toBe(0)
    const denied = await call(app, 'PUT', '/api/reports/community-rating', {
      token: coord,
      body: { community: C1, year: 2026, level: 3, note: '自评三星' },
    })
    expect(denied.status).toBe(403)
    const decided = await call(app, 'PUT', '/api/reports/community-rating', {
      token: county,
      body: { community: C1, year: 2026, level: 0, note: '再就业比例未达 90%，暂不评定' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.decision).toMatchObject({ level: 0, note: '再就业比例未达 90%，暂不评定' })
    const again = await call(app, 'PUT', '/api/reports/community-rating', {
      token: county,
      body: { community: C1, year: 2026, level: 3, note: '复核后按三星评定' },
    })
    expect(again.body.decision).toMatchObject({ level: 3, history: [expect.objectContaining({ level: 0 })] })
  })
})

describe('the monthly zero-employment dispatch, the annual score and the rosters', () => {
  const aCase = (
    id: string,
    openedAt: string,
    placedAt: string | null,
    escalatedAt?: string,
  ): PlacementCaseRecord => ({
    id,
    kind: 'zero_employment',
    status: placedAt ? 'placed' : 'open',
    householdId: `hh_${id}`,
    personIds: [aPersonRecord(1).id],
    community: C1,
    openedAt,
    deadline: new Date(Date.parse(openedAt) + 86_400_000).toISOString(),
    level: escalatedAt ? 'street' : 'community',
    history: [
      { at: openedAt, action: 'opened', level: 'community' },
      ...(escalatedAt ? [{ at: escalatedAt, action: 'escalated' as const, level: 'street' }] : []),
    ],
    placement: placedAt
      ? {
          personId: aPersonRecord(1).id,
          employer: '某公司',
          post: '保洁',
          startedOn: placedAt.slice(0, 10),
          note: null,
          at: placedAt,
          actor: '协理员',
        }
      : null,
  })

  it('counts cases opened, placed within 24 hours or late, escalated and open at the month end', async () => {
    await app.deps.store.insertMany(placementCases, [
      aCase('pc_a', '2026-10-03T02:00:00.000Z', '2026-10-03T20:00:00.000Z'), // 18 h
      aCase('pc_b', '2026-10-10T02:00:00.000Z', '2026-10-12T02:00:00.000Z', '2026-10-11T02:00:00.000Z'), // 48 h, escalated
      aCase('pc_c', '2026-10-30T02:00:00.000Z', '2026-11-02T02:00:00.000Z', '2026-10-31T02:00:00.000Z'), // open at October's end
      aCase('pc_d', '2026-09-20T02:00:00.000Z', null), // an older case still open
    ])
    const res = await call(app, 'GET', `/api/reports/dispatch?region=${TOWN}&month=2026-10`, {
      token: street,
    })
    expect(res.status).toBe(200)
    expect(res.body.total).toMatchObject({
      opened: 3,
      placedInTime: 1,
      placedLate: 1,
      escalated: 2,
      openAtEnd: 2,
    })
    expect(res.body.rows).toHaveLength(1)
    const both = await call(app, 'GET', `/api/reports/dispatch?region=${TOWN}&month=2026-10&quarter=2026Q4`, {
      token: street,
    })
    expect(both.status).toBe(400)
    const q = await call(app, 'GET', `/api/reports/dispatch?region=${TOWN}&quarter=2026Q3`, { token: street })
    // A street office reads its communities; the county its towns.
    expect(q.body.unit).toBe('community')
    expect(q.body.difficulty).toEqual([
      expect.objectContaining({
        town: C1,
        persons: 1,
        employedNow: 1,
        employed: 1,
        unemployed: 0,
        served: 1,
      }),
    ])
    const byTown = await call(app, 'GET', '/api/reports/dispatch?region=320621&month=2026-10', {
      token: county,
    })
    expect(byTown.body).toMatchObject({
      unit: 'town',
      rows: [expect.objectContaining({ town: TOWN, opened: 3 })],
    })
  })

  it('scores each town from its base, a cancelled deduction not counted', async () => {
    const d = (id: string, cancelled: boolean) => ({
      id,
      town: TOWN,
      community: C1,
      year: 2026,
      points: 1,
      reason: '漏跟踪',
      source: 'test',
      at: '2026-09-01T00:00:00.000Z',
      rule: '海安 2021 §四3',
      personId: aPersonRecord(1).id,
      cancelled: cancelled ? { reason: '已迁出', by: '县级', at: '2026-09-02T00:00:00.000Z' } : null,
    })
    await app.deps.store.insertMany(deductions, [d('ded_t1', false), d('ded_t2', false), d('ded_t3', true)])
    const res = await call(app, 'GET', '/api/reports/annual-score?region=320621&year=2026', { token: county })
    const town = res.body.towns.find((t: { town: string }) => t.town === TOWN)
    expect(town).toMatchObject({ base: 100, deducted: 2, cancelled: 1, score: 98 })
    expect(res.body.towns.length).toBeGreaterThan(5) // every town of the county, deducted or not
    expect(res.body.items).toHaveLength(3)
  })

  it('exports the roster of registered unemployed masked, and audits it', async () => {
    const res = await fetch(
      `${app.baseUrl}/api/reports/roster?region=${TOWN}&kind=registered_unemployed&format=xlsx`,
      {
        headers: { authorization: `Bearer ${street}` },
      },
    )
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const ws = wb.getWorksheet('花名册')!
    expect(ws.getCell('A1').value).toBe('登记失业人员花名册')
    // Every value under its own heading, and nothing outside the headed columns.
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '身份证号',
      '性别',
      '所在社区',
      '联系电话',
      '列入原因',
      '人员类别',
      '就业状态',
      '认定/登记日期',
      '就业失业登记证号',
    ])
    expect(ws.getRow(5).cellCount).toBeLessThanOrEqual(11)
    expect([ws.getCell('B4').value, ws.getCell('B5').value]).toEqual(['居民1', '居民2'])
    // 居民2 is in flexible work and still registered unemployed: the roster says so.
    expect(ws.getCell('I5').value).toBe('灵活就业（未办就业登记）')
    expect(String(ws.getCell('F4').value)).toMatch(/^\d{3}\*{4}\d{4}$/)
    const audits = await findAll(app.deps.store, auditLog, {
      where: [{ field: 'action', op: 'eq', value: 'report.export.roster.registered_unemployed' }],
      orderBy: [],
    })
    expect(audits).toHaveLength(1)
  })
})
