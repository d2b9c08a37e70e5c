import { spendCredit } from '../../functions/contexts/inbox/subscriptions'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/** The digest subscription: each 订阅 tap is one WeChat send; none left means the inbox only. */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

it('counts taps as credits, spends one per message and never goes below zero', async () => {
  const token = await devLogin(app, { openid: 'sub-coord', role: 'coordinator', region: '320621100001' })
  expect((await call(app, 'GET', '/api/subscriptions', { token })).body).toEqual({
    items: [
      { template: 'digest', credits: 0 },
      { template: 'status', credits: 0 },
      { template: 'policy', credits: 0 },
      { template: 'job', credits: 0 },
    ],
    wechatEnabled: false,
  })
  await call(app, 'POST', '/api/subscriptions/digest', { token, body: { accepted: true } })
  const two = await call(app, 'POST', '/api/subscriptions/digest', { token, body: { accepted: true } })
  expect(two.body).toEqual({ template: 'digest', credits: 2 })
  const refused = await call(app, 'POST', '/api/subscriptions/digest', { token, body: { accepted: false } })
  expect(refused.body.credits).toBeNull()
  const spent = await Promise.all([1, 2, 3].map(() => spendCredit(app.deps, 'wx:sub-coord', 'digest')))
  expect(spent.filter(Boolean)).toHaveLength(2)
  const after = await call(app, 'GET', '/api/subscriptions', { token })
  expect(after.body.items[0]).toEqual({ template: 'digest', credits: 0 })
})

it('refuses an unknown subscription', async () => {
  const token = await devLogin(app, { openid: 'sub-coord', role: 'coordinator', region: '320621100001' })
  expect(
    (await call(app, 'POST', '/api/subscriptions/jobs', { token, body: { accepted: true } })).status,
  ).toBe(400)
})

describe('the monthly digest', () => {
  it('goes to WeChat while the coordinator has credits, and to the inbox always', async () => {
    const sends: string[] = []
    const realFetch = global.fetch
    const spy = jest.spyOn(global, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input)
      if (!url.includes('api.weixin.qq.com')) return realFetch(input, init)
      if (url.includes('/cgi-bin/token'))
        return new Response(JSON.stringify({ access_token: 'T', expires_in: 7200 }))
      sends.push(JSON.parse(String(init?.body)).touser)
      return new Response(JSON.stringify({ errcode: 0 }))
    })
    const wx = await startTestApp({
      now: new Date('2026-12-01T01:00:00.000Z'),
      env: { WECHAT_APPID: 'wxapp', WECHAT_SECRET: 'secret', WECHAT_TEMPLATE_DIGEST: 'TPL' },
    })
    try {
      const { aPersonRecord, REGISTERED } = await import('../support/registry')
      const { persons } = await import('../../functions/store/collections')
      await wx.deps.store.insert(persons, aPersonRecord(1, { keyGroups: REGISTERED }))
      const token = await devLogin(wx, {
        openid: 'digest-coord',
        role: 'coordinator',
        region: '320621100001',
      })
      await call(wx, 'POST', '/api/subscriptions/digest', { token, body: { accepted: true } })
      await wx.host.runJob('followup-monthly', new Date('2026-12-01T01:00:00.000Z'))
      expect(sends).toEqual(['digest-coord'])
      await wx.host.runJob('followup-monthly', new Date('2027-01-04T01:00:00.000Z'))
      expect(sends).toEqual(['digest-coord']) // no credit left: the January digest is inbox-only
      const inbox = await call(wx, 'GET', '/api/inbox', {
        token: await devLogin(wx, { openid: 'digest-coord', role: 'coordinator', region: '320621100001' }),
      })
      expect(inbox.body.items.filter((m: { title: string }) => m.title.includes('跟踪服务'))).toHaveLength(2)
    } finally {
      spy.mockRestore()
      await wx.close()
    }
  })
})
