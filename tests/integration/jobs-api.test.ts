import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { jobs } from '../../functions/store/collections'
import type { Job } from '../../shared/jobs/job'
import { aJob } from '../support/job-fixtures'
import { call, startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
const now = new Date('2026-11-20T02:00:00.000Z')

const board: Job[] = [
  aJob({ title: '挡车工', category: 'textile', salaryMin: 5000, salaryMax: 8000, region: '320621100' }),
  aJob({
    title: '数控车床操作工',
    category: 'manufacturing',
    salaryMin: 6000,
    salaryMax: 9000,
    region: '320621102',
  }),
  aJob({
    title: '社区保洁员',
    category: 'cleaning',
    publicWelfare: true,
    salaryMin: 2300,
    salaryMax: 2500,
    region: '320621100001',
    regionName: '海安镇·中坝社区',
    employer: '海安镇中坝社区居委会',
  }),
  aJob({ title: '仓库管理员', category: 'logistics', salaryMin: 4000, salaryMax: 5500, region: '320621101' }),
  aJob({
    title: '治安巡防员',
    category: 'community',
    publicWelfare: true,
    salaryMin: 2400,
    salaryMax: 2800,
    region: '320621102',
  }),
  ...Array.from({ length: 20 }, (_, i) =>
    aJob({ title: `包装工${i}`, region: '320621103', salaryMax: 5000 + i * 100 }),
  ),
]
const expired = aJob({ title: '已过期的岗位', validUntil: '2026-11-01T00:00:00.000Z' })
const closed = aJob({ title: '已关闭的岗位', status: 'filled' })

beforeAll(async () => {
  app = await startTestApp({ now })
  for (const j of [...board, expired, closed]) await app.deps.store.insert(jobs, toJobRecord(j, now))
})
afterAll(() => app.close())

const list = (qs = '') => call(app, 'GET', `/api/jobs${qs}`)
const titles = (body: { items: { title: string }[] }) => body.items.map((j) => j.title)

describe('browsing jobs', () => {
  it('lists open jobs newest first, without expired or closed ones', async () => {
    const res = await list('?limit=50')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(board.length)
    const published = res.body.items.map((j: Job) => j.publishedAt)
    expect(published).toEqual([...published].sort().reverse())
    expect(titles(res.body)).not.toContain('已过期的岗位')
    expect(titles(res.body)).not.toContain('已关闭的岗位')
  })

  it('returns list fields only, never the search keywords or contact details', async () => {
    const res = await list('?limit=1')
    const item = res.body.items[0]
    expect(Object.keys(item).sort()).toEqual(
      [
        'benefits',
        'category',
        'education',
        'employer',
        'headcount',
        'id',
        'publicWelfare',
        'publishedAt',
        'region',
        'regionName',
        'salaryMax',
        'salaryMin',
        'title',
      ].sort(),
    )
  })

  it('pages through every job exactly once with the cursor', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await list(`?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((j: Job) => j.id))
      cursor = res.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(Math.ceil(board.length / 7))
    expect(new Set(seen).size).toBe(board.length)
    expect(seen.sort()).toEqual(board.map((j) => j.id).sort())
  })

  it('filters by keyword in title or employer', async () => {
    expect(titles((await list(`?q=${encodeURIComponent('数控')}`)).body)).toEqual(['数控车床操作工'])
    const byEmployer = await list(`?q=${encodeURIComponent('中坝社区')}`)
    expect(titles(byEmployer.body)).toEqual(['社区保洁员'])
  })

  it('filters by town, including the posts of its communities', async () => {
    const res = await list('?region=320621100')
    expect(titles(res.body).sort()).toEqual(['挡车工', '社区保洁员'].sort())
  })

  it('filters by category, public-welfare posts and minimum pay', async () => {
    expect(titles((await list('?category=textile')).body)).toEqual(['挡车工'])
    expect(titles((await list('?publicWelfare=true')).body).sort()).toEqual(
      ['治安巡防员', '社区保洁员'].sort(),
    )
    const paid = await list('?minSalary=8000&limit=50')
    expect(titles(paid.body).sort()).toEqual(['数控车床操作工', '挡车工'].sort())
  })

  it('combines filters', async () => {
    const res = await list('?region=320621102&publicWelfare=true')
    expect(titles(res.body)).toEqual(['治安巡防员'])
  })

  it('answers an empty page, not an error, when nothing matches', async () => {
    const res = await list(`?q=${encodeURIComponent('宇航员')}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ items: [], nextCursor: null })
  })

  it('shows a job in full', async () => {
    const res = await call(app, 'GET', `/api/jobs/${board[0]!.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: board[0]!.id, title: '挡车工', contactPhone: '0513-88000000' })
    expect(res.body.keywords).toBeUndefined()
  })

  it('answers 404 with a code for a missing, expired or closed job', async () => {
    for (const id of ['nope123', expired.id, closed.id]) {
      const res = await call(app, 'GET', `/api/jobs/${id}`)
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ code: 'JOB.NOT_FOUND', message: '岗位不存在或已下架' })
    }
  })
})

describe('bad input gets a clear answer', () => {
  const expectInvalid = async (qs: string, field: string) => {
    const res = await list(qs)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('REQUEST.INVALID')
    expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field)
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/)
  }

  it('names an unknown query parameter', () => expectInvalid('?salary=5000', 'salary'))
  it('names an ill-typed minimum salary', () => expectInvalid('?minSalary=abc', 'minSalary'))
  it('names a page size over the cap', () => expectInvalid('?limit=500', 'limit'))
  it('names an unknown category', () => expectInvalid('?category=astronaut', 'category'))
  it('names a malformed region code', () => expectInvalid('?region=3206X', 'region'))
  it('names a non-boolean public-welfare flag', () => expectInvalid('?publicWelfare=yes', 'publicWelfare'))

  it('refuses a tampered cursor', async () => {
    const res = await list('?cursor=not-a-cursor')
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('REQUEST.INVALID_CURSOR')
  })

  it('refuses a malformed job id with 400 and an unknown route with 404', async () => {
    expect((await call(app, 'GET', '/api/jobs/%E4%B8%AD%20x')).status).toBe(400)
    const missing = await call(app, 'GET', '/api/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe('ROUTE.NOT_FOUND')
    const wrongMethod = await call(app, 'DELETE', '/api/jobs')
    expect(wrongMethod.status).toBe(405)
  })
})

describe('the nightly expiry', () => {
  it('closes jobs past their validity once, and a second run changes nothing', async () => {
    const lapsing = aJob({ title: '即将过期', validUntil: '2026-11-25T00:00:00.000Z' })
    await app.deps.store.insert(jobs, toJobRecord(lapsing, now))
    expect(titles((await list('?limit=50')).body)).toContain('即将过期')

    const first = await app.host.runJob('jobs-expire', new Date('2026-11-26T01:30:00+08:00'))
    expect(first.expired).toBe(2) // the one above and the one that lapsed on Nov 1
    const second = await app.host.runJob('jobs-expire', new Date('2026-11-26T01:30:00+08:00'))
    expect(second.expired).toBe(0)
    expect((await app.deps.store.get(jobs, lapsing.id))?.status).toBe('expired')
  })
})
