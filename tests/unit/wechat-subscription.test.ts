import { randomBytes } from 'node:crypto'
import { inboxNotifier } from '../../functions/contexts/inbox/notifier'
import { allChannels, wechatSubscriptionNotifier } from '../../functions/contexts/inbox/wechat-subscription'
import { createLogger } from '../../functions/platform/logger'
import { notifications, type PersonRecord, persons } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { SqlStore } from '../../functions/store/sql-store'

/** WeChat's server stood in for by a recording fetch: what we would send, and what happens on refusal. */
let store: SqlStore
const sent: { url: string; body?: string }[] = []
let sendReply: unknown = { errcode: 0 }
const fakeFetch = async (url: string, init?: { body?: string }) => {
  sent.push({ url, body: init?.body })
  return {
    json: async () => (url.includes('/cgi-bin/token') ? { access_token: 'T1', expires_in: 7200 } : sendReply),
  }
}
const person = (id: string, accountId: string | null): PersonRecord =>
  ({ id, accountId, name: '张晓明', community: '320621100001' }) as unknown as PersonRecord

beforeAll(async () => {
  store = await openPgliteStore()
  await migrate(store.sql)
  await store.insert(persons, { ...person('psn_a', 'wx:openid-a'), idHash: randomBytes(8).toString('hex') })
  await store.insert(persons, { ...person('psn_b', null), idHash: randomBytes(8).toString('hex') })
})
afterAll(() => store.close())

const notifier = () =>
  allChannels(inboxNotifier(store), [
    wechatSubscriptionNotifier(
      store,
      { appid: 'wxapp', secret: 's', templateId: 'TPL', page: 'pages/application/index' },
      createLogger(),
      fakeFetch,
    ),
  ])

it('puts the message in the inbox and pushes it to the resident’s WeChat, titles trimmed to 20 characters', async () => {
  sent.length = 0
  const at = new Date('2026-11-23T02:05:00.000Z')
  await notifier().notify(
    'psn:psn_a',
    {
      title: '您的「就业困难人员认定」申请：公示中，请留意公示结果',
      body: '公示至 2026-11-30',
      applicationId: 'app_1',
    },
    at,
  )
  expect(await store.count(notifications, [{ field: 'recipient', op: 'eq', value: 'psn:psn_a' }])).toBe(1)
  const push = sent.find((s) => s.url.includes('subscribe/send'))!
  expect(push.url).toContain('access_token=T1')
  const body = JSON.parse(push.body!)
  expect(body).toMatchObject({
    touser: 'openid-a',
    template_id: 'TPL',
    page: 'pages/application/index?id=app_1',
  })
  expect(body.data.thing1.value).toHaveLength(20)
  expect(body.data.time2.value).toBe('2026-11-23 10:05')
})

it('fetches the access token once and reuses it', async () => {
  sent.length = 0
  const n = notifier()
  await n.notify('psn:psn_a', { title: 'a', body: 'b' }, new Date('2026-11-23T03:00:00.000Z'))
  await n.notify('psn:psn_a', { title: 'c', body: 'd' }, new Date('2026-11-23T03:01:00.000Z'))
  expect(sent.filter((s) => s.url.includes('/cgi-bin/token'))).toHaveLength(1)
})

it('keeps the inbox message when the user has no send credit left, and skips people without WeChat', async () => {
  sendReply = { errcode: 43101, errmsg: 'user refuse to accept the msg' }
  // Delivered to the inbox; WeChat's refusal costs nothing.
  await expect(notifier().notify('psn:psn_a', { title: '已通过', body: '' }, new Date())).resolves.toBe(true)
  sent.length = 0
  await notifier().notify('psn:psn_b', { title: '已通过', body: '' }, new Date())
  expect(sent.filter((s) => s.url.includes('subscribe/send'))).toHaveLength(0)
  expect(await store.count(notifications, [{ field: 'recipient', op: 'eq', value: 'psn:psn_b' }])).toBe(1)
})
