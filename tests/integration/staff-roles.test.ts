import { main as authMain } from '../../functions/auth/index'
import { main as followupsMain } from '../../functions/followups/index'
import { main as inboxMain } from '../../functions/inbox/index'
import { accounts, auditLog } from '../../functions/store/collections'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Staff roles outside the demo: a coordinator-to-be asks in the app, the county administrator
 * grants the role, and later takes it away; each takes effect on the next request, over HTTP
 * (a token minted before stops) and through CloudBase (the platform's openid, the account's role).
 */
let app: TestApp
let admin: string
const asCloudBase = async <T>(openid: string, fn: () => Promise<T>) => {
  process.env.WX_OPENID = openid
  try {
    return await fn()
  } finally {
    delete process.env.WX_OPENID
  }
}
const sessionViaCloudBase = (openid: string) =>
  asCloudBase(openid, () => authMain({ $http: { method: 'GET', path: '/api/auth/session' } }))
const tasksViaCloudBase = (openid: string) =>
  asCloudBase(openid, () =>
    followupsMain({ $http: { method: 'GET', path: '/api/followups/tasks', query: { period: '2026-11' } } }),
  )

beforeAll(async () => {
  app = await startTestApp()
  admin = await devLogin(app, { openid: 'sr-admin', role: 'county', region: '320621' })
})
afterAll(() => app.close())

it('takes a request, grants it, and the role holds from the next request on both paths', async () => {
  const resident = await devLogin(app, { openid: 'sr-new', role: 'resident' })
  const wrongLevel = await call(app, 'POST', '/api/me/staff-request', {
    token: resident,
    body: { name: '陈协理', role: 'coordinator', region: '320621100', unit: '中坝社区 劳动保障协理员' },
  })
  expect(wrongLevel.status).toBe(400)
  expect(JSON.stringify(wrongLevel.body)).toContain('所在社区')
  const asked = await call(app, 'POST', '/api/me/staff-request', {
    token: resident,
    body: { name: '陈协理', role: 'coordinator', region: '320621100001', unit: '中坝社区 劳动保障协理员' },
  })
  expect(asked.body).toMatchObject({ status: 'pending', regionName: expect.stringContaining('中坝') })
  expect((await call(app, 'GET', '/api/me/staff-request', { token: resident })).body.status).toBe('pending')

  const listed = await call(app, 'GET', '/api/staff', { token: admin })
  expect(listed.body.requests.map((r: { accountId: string }) => r.accountId)).toContain('wx:sr-new')

  // Before the grant, CloudBase sees a resident, who can't read follow-up tasks.
  expect((await tasksViaCloudBase('sr-new')).statusCode).toBe(403)
  const granted = await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:sr-new')}/role`, {
    token: admin,
    body: { role: 'coordinator', region: '320621100001' },
  })
  expect(granted.body).toMatchObject({ role: 'coordinator', name: '陈协理', admin: false })
  // The resident token minted before the grant no longer passes; CloudBase reads the new role.
  expect((await call(app, 'GET', '/api/auth/session', { token: resident })).body.code).toBe(
    'AUTH.ROLE_CHANGED',
  )
  expect((await sessionViaCloudBase('sr-new')).body).toMatchObject({
    role: 'coordinator',
    region: '320621100001',
  })
  expect((await tasksViaCloudBase('sr-new')).statusCode).toBe(200)
  expect((await call(app, 'GET', '/api/me/staff-request', { token: admin })).body).toBeNull()

  const revoked = await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:sr-new')}/revoke`, {
    token: admin,
    body: { reason: '调离社区岗位' },
  })
  expect(revoked.status).toBe(200)
  // Their request says so, with the reason, and they may ask again.
  const afterRevoke = await asCloudBase('sr-new', () =>
    authMain({ $http: { method: 'GET', path: '/api/me/staff-request' } }),
  )
  expect(afterRevoke.body).toMatchObject({ status: 'revoked', reason: '调离社区岗位' })
  expect((await sessionViaCloudBase('sr-new')).body).toMatchObject({ role: 'resident' })
  expect((await tasksViaCloudBase('sr-new')).statusCode).toBe(403)

  const audits = await app.deps.store.find(auditLog, {
    where: [{ field: 'subject', op: 'eq', value: 'wx:sr-new' }],
    orderBy: [{ field: 'at', dir: 'asc' }],
    limit: 10,
  })
  expect(audits.items.map((a) => a.action)).toEqual(
    expect.arrayContaining(['staff.request', 'staff.grant', 'staff.revoke']),
  )
  // Told both times, in 消息.
  const inbox = (await asCloudBase('sr-new', () =>
    inboxMain({ $http: { method: 'GET', path: '/api/inbox' } }),
  )) as { body: { items: { title: string }[] } }
  const titles = inbox.body.items.map((m) => m.title)
  expect(titles.some((t) => t.startsWith('已开通'))).toBe(true)
  expect(titles.some((t) => t.endsWith('权限已收回'))).toBe(true)
})

it('lets only a county administrator grant, never to itself a lower role, and refuses with a reason', async () => {
  const coordinator = await devLogin(app, { openid: 'sr-coord', role: 'coordinator', region: '320621100001' })
  expect((await call(app, 'GET', '/api/staff', { token: coordinator })).status).toBe(403)
  const plainCounty = await devLogin(app, { openid: 'sr-county', role: 'county', region: '320621' })
  await app.deps.store.update(accounts, 'wx:sr-county', { admin: false })
  expect((await call(app, 'GET', '/api/staff', { token: plainCounty })).body.code).toBe('STAFF.NOT_ADMIN')

  expect(
    (
      await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:sr-admin')}/revoke`, {
        token: admin,
        body: { reason: '测试收回自己' },
      })
    ).body.code,
  ).toBe('STAFF.SELF')
  expect(
    (
      await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:nobody')}/role`, {
        token: admin,
        body: { role: 'street', region: '320621100' },
      })
    ).body.code,
  ).toBe('STAFF.ACCOUNT_NOT_FOUND')
  expect(
    (
      await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:sr-coord')}/role`, {
        token: admin,
        body: { role: 'street', region: '320621100', admin: true },
      })
    ).status,
  ).toBe(400)

  const other = await devLogin(app, { openid: 'sr-other', role: 'resident' })
  await call(app, 'POST', '/api/me/staff-request', {
    token: other,
    body: { name: '王某', role: 'street', region: '320621100', unit: '海安镇 劳动保障所' },
  })
  const refused = await call(app, 'POST', `/api/staff/${encodeURIComponent('wx:sr-other')}/refusal`, {
    token: admin,
    body: { reason: '经核实不在编，请由单位出具证明' },
  })
  expect(refused.body).toMatchObject({ status: 'refused', reason: '经核实不在编，请由单位出具证明' })
  expect((await call(app, 'GET', '/api/me/staff-request', { token: other })).body.status).toBe('refused')
  const inbox = await call(app, 'GET', '/api/inbox', { token: other })
  expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('工作人员权限申请未通过')
  // Staff can't ask; a county staff list shows the coordinator, marked by region.
  expect(
    (
      await call(app, 'POST', '/api/me/staff-request', {
        token: coordinator,
        body: { name: '李四', role: 'street', region: '320621100', unit: '海安镇 劳动保障所' },
      })
    ).body.code,
  ).toBe('STAFF.ALREADY_STAFF')
  const staff = (await call(app, 'GET', '/api/staff', { token: admin })).body.staff
  expect(staff).toContainEqual(expect.objectContaining({ accountId: 'wx:sr-coord', role: 'coordinator' }))
  expect(staff).toContainEqual(expect.objectContaining({ accountId: 'wx:sr-admin', self: true, admin: true }))
})
