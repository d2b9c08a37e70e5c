import { springFestivalWindow } from '../../functions/contexts/seekers/returnee-campaign'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The Spring Festival count of returning migrant workers: the default window is 腊月初一 to
 * 正月十五; the county sees towns, the street its communities, each per week — returned, want
 * local work, referred through 我要应聘, hired.
 */
let app: TestApp
const EMPLOYER = { openid: 'rc-emp', role: 'employer' }
const STREET = { openid: 'rc-street', role: 'street', region: '320621100' }
const COUNTY = { openid: 'rc-county', role: 'county', region: '320621' }
const as = (who: { openid: string; role: string; region?: string }) => devLogin(app, who)

let jobId: string

const returnee = async (
  openid: string,
  community: string,
  returnedAt: string,
  wantsLocalWork: boolean,
): Promise<string> => {
  const token = await as({ openid, role: 'resident' })
  await putMe(app, { token, body: aResident({ community }) })
  const res = await call(app, 'PUT', '/api/me/returnee', {
    token,
    body: { returnedAt, lastWorkplace: '苏州工业园区', wantsLocalWork, skills: ['叉车'] },
  })
  expect(res.status).toBe(200)
  return token
}

beforeAll(async () => {
  // Wednesday 20 January 2027 (腊月十三), 10:00 in Hai'an.
  app = await startTestApp({ now: new Date('2027-01-20T02:00:00.000Z') })
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
  const created = await call(app, 'POST', '/api/vacancies', {
    token: unit,
    body: {
      title: '仓库管理员',
      category: 'logistics',
      count: 2,
      salaryMin: 5500,
      salaryMax: 7000,
      region: '320621100001',
      validUntil: '2027-03-31',
      description: '仓库收发货、盘点，会开叉车优先。',
    },
  })
  jobId = created.body.id
  await call(app, 'POST', `/api/vacancies/${jobId}/review`, {
    token: await as(STREET),
    body: { decision: 'approve' },
  })

  const first = await returnee('rc-r1', '320621100001', '2027-01-10', true) // week of 4 January
  await returnee('rc-r2', '320621100002', '2027-01-12', false) // week of 11 January
  await returnee('rc-r3', '320621101001', '2027-01-18', true) // another town, week of 18 January
  await returnee('rc-r4', '320621100001', '2026-12-01', true) // before the season
  const interest = await call(app, 'POST', `/api/jobs/${jobId}/interest`, { token: first, body: {} })
  await call(app, 'POST', `/api/interests/${interest.body.id}/outcome`, {
    token: unit,
    body: { outcome: 'hired', startedOn: '2027-01-21' },
  })
})
afterAll(() => app.close())

describe('the Spring Festival window', () => {
  it('runs from 腊月初一 to 正月十五 of the season ahead, or of the one under way', async () => {
    expect(await springFestivalWindow('2026-11-30')).toEqual({
      from: '2027-01-08',
      to: '2027-02-20',
      year: 2027,
    })
    expect(await springFestivalWindow('2027-02-10')).toEqual({
      from: '2027-01-08',
      to: '2027-02-20',
      year: 2027,
    })
    expect(await springFestivalWindow('2027-06-01')).toEqual({
      from: '2027-01-08',
      to: '2027-02-20',
      year: 2027,
    })
    // 2028's Spring Festival is 26 January: 腊月初一 is 28 December 2027, 正月十五 9 February.
    expect(await springFestivalWindow('2027-12-01')).toEqual({
      from: '2027-12-28',
      to: '2028-02-09',
      year: 2028,
    })
  })

  it('gives the same dates in a process west of UTC', async () => {
    const zone = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      expect(await springFestivalWindow('2026-11-30')).toEqual({
        from: '2027-01-08',
        to: '2027-02-20',
        year: 2027,
      })
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})

describe('the count', () => {
  it('gives the county its towns and the weeks, leaving out who came back before the season', async () => {
    const res = await call(app, 'GET', '/api/returnee-campaign', { token: await as(COUNTY) })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      from: '2027-01-08',
      to: '2027-02-20',
      label: '2027 年春节（腊月初一至正月十五）',
      rowLevel: 'town',
      total: { returned: 3, wantsLocal: 2, referred: 1, hired: 1 },
    })
    const town = (code: string) => res.body.rows.find((r: { code: string }) => r.code === code)
    expect(town('320621100')).toMatchObject({
      name: '海安镇',
      returned: 2,
      wantsLocal: 1,
      referred: 1,
      hired: 1,
    })
    expect(town('320621101')).toMatchObject({ returned: 1, wantsLocal: 1, referred: 0, hired: 0 })
    const week = (start: string) => res.body.weeks.find((w: { weekStart: string }) => w.weekStart === start)
    expect(week('2027-01-04')).toMatchObject({ returned: 1, wantsLocal: 1, label: '1月4日—1月10日' })
    expect(week('2027-01-11')).toMatchObject({ returned: 1, wantsLocal: 0 })
    expect(week('2027-01-18')).toMatchObject({ returned: 1, referred: 1, hired: 1 })
  })

  it('gives the street its own communities only', async () => {
    const res = await call(app, 'GET', '/api/returnee-campaign', { token: await as(STREET) })
    expect(res.body.rowLevel).toBe('community')
    expect(res.body.total).toEqual({ returned: 2, wantsLocal: 1, referred: 1, hired: 1 })
    expect(res.body.rows.find((r: { code: string }) => r.code === '320621100002')).toMatchObject({
      returned: 1,
    })
  })

  it('takes a chosen window, and refuses a reversed or overlong one in Chinese', async () => {
    const county = await as(COUNTY)
    const december = await call(app, 'GET', '/api/returnee-campaign?from=2026-11-01&to=2026-12-31', {
      token: county,
    })
    expect(december.body).toMatchObject({ label: '2026-11-01 至 2026-12-31', total: { returned: 1 } })
    const reversed = await call(app, 'GET', '/api/returnee-campaign?from=2027-02-01&to=2027-01-01', {
      token: county,
    })
    expect(reversed.status).toBe(400)
    expect(reversed.body.issues[0].message).toBe('结束日期不能早于开始日期')
    const long = await call(app, 'GET', '/api/returnee-campaign?from=2026-01-01&to=2026-12-31', {
      token: county,
    })
    expect(long.body.issues[0].message).toBe('统计期不超过 120 天')
    const resident = await as({ openid: 'rc-r1', role: 'resident' })
    expect((await call(app, 'GET', '/api/returnee-campaign', { token: resident })).status).toBe(403)
  })
})
