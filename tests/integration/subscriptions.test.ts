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
