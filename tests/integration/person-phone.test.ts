import { auditLog } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The coordinator's 拨打 on the person card: the full phone number only for staff in scope who
 * ask for it, each time audited; everyone else keeps seeing it masked.
 */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-12-10T02:00:00.000Z') })
})
afterAll(() => app.close())

it('reveals the phone to the coordinator who calls, audited, and to nobody else', async () => {
  const token = await devLogin(app, { openid: 'ph-resident', role: 'resident' })
  const me = await putMe(app, {
    token,
    body: aResident({ name: '王建国', phone: '13912345678' }),
  })
  const id = me.body.id as string
  const coord = await devLogin(app, { openid: 'ph-coord', role: 'coordinator', region: '320621100001' })
  const masked = await call(app, 'GET', `/api/people/${id}`, { token: coord })
  expect(masked.body.phone).toBe('139****5678')
  const full = await call(app, 'GET', `/api/people/${id}?reveal=phone`, { token: coord })
  expect(full.body.phone).toBe('13912345678')
  const trail = await app.deps.store.find(auditLog, { orderBy: [], limit: 100 })
  expect(trail.items.filter((a) => a.action === 'person.reveal-phone' && a.subject === id)).toHaveLength(1)
  // Another community's coordinator: as if the person did not exist.
  const other = await devLogin(app, { openid: 'ph-coord-2', role: 'coordinator', region: '320621102001' })
  expect((await call(app, 'GET', `/api/people/${id}?reveal=phone`, { token: other })).status).toBe(404)
  // The owner asking through the staff route keeps the mask: the number is theirs already.
  expect((await call(app, 'GET', `/api/people/${id}?reveal=phone`, { token })).body.phone).toBe('139****5678')
  expect((await call(app, 'GET', `/api/people/${id}?reveal=email`, { token: coord })).status).toBe(400)
})
