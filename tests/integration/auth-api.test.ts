import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('health', () => {
  it('says it is up and names the store', async () => {
    const res = await call(app, 'GET', '/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, store: 'pglite', devLogin: true })
  })
})

describe('dev login', () => {
  it('logs a resident in and the session names the role', async () => {
    const token = await devLogin(app, { openid: 'dev-resident-1', role: 'resident' })
    const res = await call(app, 'GET', '/api/auth/session', { token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ role: 'resident', roleLabel: '居民', region: null, regionName: null })
  })

  it('names the resident’s community once their real-name record has one', async () => {
    const token = await devLogin(app, { openid: 'dev-resident-2', role: 'resident' })
    await putMe(app, { token, body: aResident({ community: '320621100001' }) })
    const res = await call(app, 'GET', '/api/auth/session', { token })
    expect(res.body).toMatchObject({
      role: 'resident',
      region: '320621100001',
      regionName: '海安镇·中坝社区',
    })
  })

  it('logs a coordinator in to a community, named by town and community', async () => {
    const token = await devLogin(app, { openid: 'dev-coord-1', role: 'coordinator', region: '320621100001' })
    const res = await call(app, 'GET', '/api/auth/session', { token })
    expect(res.body).toMatchObject({
      role: 'coordinator',
      region: '320621100001',
      regionName: '海安镇·中坝社区',
    })
  })

  it('requires staff to name a region of their level', async () => {
    const none = await call(app, 'POST', '/api/auth/dev-login', { body: { openid: 'x', role: 'street' } })
    expect(none.status).toBe(400)
    expect(none.body.issues[0].field).toBe('region')
    const wrongLevel = await call(app, 'POST', '/api/auth/dev-login', {
      body: { openid: 'x', role: 'street', region: '320621100001' },
    })
    expect(wrongLevel.status).toBe(400)
    const unknown = await call(app, 'POST', '/api/auth/dev-login', {
      body: { openid: 'x', role: 'street', region: '320621999' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.issues[0].field).toBe('region')
  })

  it('answers malformed JSON with 400 and writes nothing', async () => {
    const before = await app.deps.store.count((await import('../../functions/store/collections')).accounts)
    const res = await call(app, 'POST', '/api/auth/dev-login', { raw: '{"openid": "a", "role":' })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('REQUEST.MALFORMED_JSON')
    const after = await app.deps.store.count((await import('../../functions/store/collections')).accounts)
    expect(after).toBe(before)
  })

  it('refuses an unknown role and extra fields, naming them', async () => {
    const res = await call(app, 'POST', '/api/auth/dev-login', {
      body: { openid: 'x', role: 'mayor', admin: true },
    })
    expect(res.status).toBe(400)
    const fields = res.body.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['role', 'admin']))
  })
})

describe('sessions', () => {
  it('asks for login without a token, and refuses a forged one', async () => {
    expect((await call(app, 'GET', '/api/auth/session')).body.code).toBe('AUTH.REQUIRED')
    const token = await devLogin(app, { openid: 'dev-resident-2', role: 'resident' })
    const forged = `${token.slice(0, -4)}AAAA`
    const res = await call(app, 'GET', '/api/auth/session', { token: forged })
    expect(res.status).toBe(401)
    expect(res.body.code).toBe('AUTH.INVALID_TOKEN')
  })

  it('expires a session after its lifetime', async () => {
    const token = await devLogin(app, { openid: 'dev-resident-3', role: 'resident' })
    app.clock.advance(13 * 3600 * 1000)
    const res = await call(app, 'GET', '/api/auth/session', { token })
    expect(res.status).toBe(401)
    app.clock.advance(-13 * 3600 * 1000)
  })

  it('still lets a caller with a stale token browse public pages', async () => {
    const res = await call(app, 'GET', '/api/jobs', { token: 'garbage' })
    expect(res.status).toBe(200)
  })
})

describe('dev login outside the embedded demo', () => {
  it('is refused when dev mode is off', async () => {
    const off = await startTestApp({ env: { DEV_LOGIN: 'false' } })
    try {
      const res = await call(off, 'POST', '/api/auth/dev-login', { body: { openid: 'x', role: 'resident' } })
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('AUTH.DEV_LOGIN_DISABLED')
      expect((await call(off, 'GET', '/api/health')).body.devLogin).toBe(false)
    } finally {
      await off.close()
    }
  })
})
