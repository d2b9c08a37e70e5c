import { call, startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('regions', () => {
  it("lists Hai'an's towns under the county", async () => {
    const res = await call(app, 'GET', '/api/regions?parent=320621')
    expect(res.status).toBe(200)
    const names = res.body.items.map((r: { name: string }) => r.name)
    expect(names).toEqual(expect.arrayContaining(['海安镇', '曲塘镇', '李堡镇', '角斜镇']))
    expect(
      res.body.items.every((r: { code: string; level: string }) => r.code.length === 9 && r.level === 'town'),
    ).toBe(true)
  })

  it('lists a town’s communities and villages', async () => {
    const res = await call(app, 'GET', '/api/regions?parent=320621100')
    expect(res.body.items.length).toBeGreaterThan(10)
    expect(res.body.items[0]).toEqual({ code: '320621100001', name: '中坝社区', level: 'community' })
  })

  it('starts from the home county without a parent', async () => {
    const res = await call(app, 'GET', '/api/regions')
    expect(res.body.items).toEqual([{ code: '320621', name: '海安市', level: 'county' }])
  })

  it('answers 404 for an unknown division and 400 for a malformed one', async () => {
    expect((await call(app, 'GET', '/api/regions?parent=320699')).body.code).toBe('REGION.NOT_FOUND')
    const bad = await call(app, 'GET', '/api/regions?parent=abc')
    expect(bad.status).toBe(400)
    expect(bad.body.issues[0].field).toBe('parent')
  })
})
