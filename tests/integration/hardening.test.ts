import { connect } from 'node:net'
import { jobs, placementCases } from '../../functions/store/collections'
import { aJob } from '../support/job-fixtures'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Issue 12's defects, one regression test each, driven over HTTP as the probe drove them.
 * (Storage races are in tests/contract, where they also run on PostgreSQL.)
 */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
})
afterAll(() => app.close())

/** One raw request line over a socket, as no HTTP client would send it; the status line back. */
const rawRequest = (app: TestApp, lines: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(app.baseUrl)
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(lines))
    let text = ''
    socket.on('data', (d) => {
      text += d.toString('latin1')
    })
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
    socket.setTimeout(5000, () => {
      socket.destroy()
      resolve(text.split('\r\n')[0] ?? '')
    })
  })

describe('1. no request line or path takes the host down', () => {
  it.each([
    'GET /%E0%A4%A HTTP/1.1',
    'GET /% HTTP/1.1',
    'GET /index.html%ZZ HTTP/1.1',
    'GET /%00 HTTP/1.1',
    'GET http://[ HTTP/1.1',
    'GET http://example.com/api/health HTTP/1.1',
    'GET //evil HTTP/1.1',
    'BREW / HTTP/1.1',
    'GET / HTTP/9.9',
    'GET /api/jobs%00 HTTP/1.1',
    'GET /api/%E0%A4%A HTTP/1.1',
    'PUT / HTTP/1.1',
    'POST /index.html HTTP/1.1',
  ])('%s → 400, and the host still answers', async (line) => {
    const status = await rawRequest(app, `${line}\r\nhost: x\r\nconnection: close\r\n\r\n`)
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d /)
    expect((await call(app, 'GET', '/api/health')).status).toBe(200)
  })

  it('listens on 127.0.0.1 unless HOST says otherwise', async () => {
    const address = app.host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(app.env.HOST).toBe('127.0.0.1')
  })
})

describe('10. a body over the limit is a 413 whatever its size', () => {
  it.each([9, 30])('%i MB → 413 with a Chinese message', async (mb) => {
    const token = await devLogin(app, { openid: `big-${mb}`, role: 'resident' })
    const res = await putMe(app, {
      token,
      raw: `{"name":"${'x'.repeat(mb * 1024 * 1024)}"}`,
    })
    expect(res.status).toBe(413)
    expect(res.body.code).toBe('REQUEST.TOO_LARGE')
    expect((await call(app, 'GET', '/api/health')).status).toBe(200)
  })
})

describe('2. NUL, lone surrogates and control characters are a 400 naming the field', () => {
  const NUL = '\u0000'
  it('in a profile, a job search, a dev-login openid and an application form', async () => {
    const token = await devLogin(app, { openid: 'text-1', role: 'resident' })
    const me = await putMe(app, { token, body: aResident({ skills: [`电工${NUL}`] }) })
    expect(me.status).toBe(400)
    expect(me.body.issues.map((i: { field: string }) => i.field)).toContain('skills.0')
    expect(me.body.message).toContain('skills.0')

    const search = await call(app, 'GET', '/api/jobs?q=%00')
    expect(search.status).toBe(400)
    expect(search.body.issues[0].field).toBe('q')

    // A lone surrogate can only travel as a JSON escape; fetch would replace a raw one.
    const login = await call(app, 'POST', '/api/auth/dev-login', {
      raw: '{"openid":"abc\\ud800","role":"resident"}',
    })
    expect(login.status).toBe(400)
    expect(login.body.issues[0].field).toBe('openid')

    const ok = await putMe(app, { token, body: aResident({ name: '李四' }) })
    expect(ok.status).toBe(200)
    const form = await call(app, 'POST', '/api/applications', {
      token,
      body: {
        type: 'training_subsidy',
        data: { course: `电\u0007工`, institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
        idempotencyKey: 'nul-form-1',
      },
    })
    expect(form.status).toBe(400)
    expect(form.body.issues[0].field).toBe('data.course')
    // Nothing was half-written: the same key with good data is a fresh submission.
    const good = await call(app, 'POST', '/api/applications', {
      token,
      body: {
        type: 'training_subsidy',
        data: { course: '电工', institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
        idempotencyKey: 'nul-form-1',
      },
    })
    expect(good.status).toBe(201)
  })

  it('as an object key too', async () => {
    const res = await call(app, 'POST', '/api/auth/dev-login', {
      raw: '{"openid":"abc","role":"resident","\\u0000":1}',
    })
    expect(res.status).toBe(400)
  })

  it('keeps tabs and line breaks in long text', async () => {
    const token = await devLogin(app, { openid: 'text-2', role: 'resident' })
    const res = await putMe(app, {
      token,
      body: aResident({ family: { householdSize: 3, situation: '父母年迈\n需要照顾\t。' } }),
    })
    expect(res.status).toBe(200)
  })
})

describe('2. crafted cursors are a 400, not a database error', () => {
  const forged = (v: unknown[]) =>
    Buffer.from(JSON.stringify({ s: 'publishedAt:desc,id:desc', v })).toString('base64url')
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await app.deps.store.insert(jobs, aJob() as never)
  })

  it('a real cursor pages', async () => {
    const first = await call(app, 'GET', '/api/jobs?limit=1')
    expect(first.status).toBe(200)
    expect(first.body.nextCursor).toBeTruthy()
    const second = await call(app, 'GET', `/api/jobs?limit=1&cursor=${first.body.nextCursor}`)
    expect(second.status).toBe(200)
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id)
  })

  it.each([
    ['NUL in a value', ['2026-11-01\u0000', 't1']],
    ['lone surrogate', ['\ud800', 't1']],
    ['number for text', [5, 't1']],
    ['object', [{ $gt: '' }, 't1']],
    ['no id', ['2026-11-01', null]],
    ['too few', ['2026-11-01']],
  ])('%s', async (_label, v) => {
    const res = await call(app, 'GET', `/api/jobs?limit=1&cursor=${forged(v as unknown[])}`)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('REQUEST.INVALID_CURSOR')
  })
})

describe('15. a stale lock file does not block npm start or npm run job', () => {
  it('a lock naming a live process that is not our host is ignored; our own is honoured', async () => {
    const { spawn } = await import('node:child_process')
    const { writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { readHostLock, writeHostLock } = await import('../../functions/local/boot')
    const other = spawn('sleep', ['30'])
    try {
      const ours = writeHostLock(app.env, 8787)
      expect(readHostLock(app.env)?.secret).toBe(ours.secret)
      // After a crash the pid was reused by something else (here: sleep).
      writeFileSync(join(app.env.DATA_DIR, 'host.json'), JSON.stringify({ ...ours, pid: other.pid }))
      expect(readHostLock(app.env)).toBeNull()
    } finally {
      other.kill()
    }
  })
})

describe('12. a token is trusted no further than a session can reach', () => {
  const key = () => new TextEncoder().encode(app.env.SESSION_SECRET!)
  const now = () => Math.floor(app.clock.now().getTime() / 1000)
  const mint = async (
    claims: { role: string; region: string | null },
    opts: { exp?: number | null; aud?: string; iss?: string } = {},
  ) => {
    const { SignJWT } = await import('jose')
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forger')
      .setIssuer(opts.iss ?? 'grassroots-employment')
      .setAudience(opts.aud ?? 'pes-api')
      .setIssuedAt(now())
    if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now() + 3600)
    return jwt.sign(key())
  }
  beforeAll(async () => {
    // The forger's account exists as a county officer: only the token's claims are wrong.
    await devLogin(app, { openid: 'forger', role: 'county', region: '320621' })
  })

  it('a well-formed county token works (the control)', async () => {
    const token = await mint({ role: 'county', region: '320621' })
    expect((await call(app, 'GET', '/api/reviews', { token })).status).toBe(200)
  })

  it.each([
    ['no expiry', { role: 'county', region: '320621' }, { exp: null }],
    [
      'a ten-year expiry',
      { role: 'county', region: '320621' },
      { exp: Math.floor(Date.parse('2036-11-23') / 1000) },
    ],
    ['another audience', { role: 'county', region: '320621' }, { aud: 'someone-else' }],
    ['another issuer', { role: 'county', region: '320621' }, { iss: 'someone-else' }],
    ['region "32"', { role: 'county', region: '32' }, {}],
    ['region "110101"', { role: 'county', region: '110101' }, {}],
    ['region "%"', { role: 'county', region: '%' }, {}],
    ['no region for staff', { role: 'county', region: null }, {}],
    ['a town code for a county role', { role: 'county', region: '320621100' }, {}],
  ] as const)('%s → 401', async (_label, claims, opts) => {
    const token = await mint(claims as never, opts as never)
    const res = await call(app, 'GET', '/api/reviews', { token })
    expect(res.status).toBe(401)
    expect(res.body.code).toBe('AUTH.INVALID_TOKEN')
  })

  it('a role taken away stops at once, not when the token expires', async () => {
    const officer = await devLogin(app, { openid: 'demoted', role: 'street', region: '320621100' })
    expect((await call(app, 'GET', '/api/reviews', { token: officer })).status).toBe(200)
    // The account becomes a resident's (in production: staff management; here: a new login).
    await devLogin(app, { openid: 'demoted', role: 'resident' })
    expect((await call(app, 'GET', '/api/reviews', { token: officer })).status).toBe(401)
  })
})

describe('11. placement cases page like every list', () => {
  it('60 open cases come in pages with a cursor, each once, by deadline', async () => {
    for (let i = 0; i < 60; i++) {
      await app.deps.store.insert(placementCases, {
        id: `pc_page_${String(i).padStart(2, '0')}`,
        kind: 'immediate_72h',
        status: 'open',
        householdId: null,
        personIds: [],
        community: '320621100001',
        openedAt: '2026-11-22T00:00:00.000Z',
        deadline: new Date(Date.parse('2026-11-24T00:00:00.000Z') + (i % 7) * 3_600_000).toISOString(),
        level: 'community',
        history: [],
        placement: null,
      })
    }
    const token = await devLogin(app, { openid: 'cases-c', role: 'coordinator', region: '320621100001' })
    const seen: { id: string; deadline: string }[] = []
    let cursor: string | null = null
    do {
      const q: string = cursor ? `&cursor=${cursor}` : ''
      const res = await call(app, 'GET', `/api/placement-cases?status=open${q}`, { token })
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeLessThanOrEqual(20)
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen.length).toBe(60)
    expect(new Set(seen.map((c) => c.id)).size).toBe(60)
    expect(seen.map((c) => c.deadline)).toEqual([...seen.map((c) => c.deadline)].sort())
  })
})

describe('5. nobody decides their own case', () => {
  const training = (key: string) => ({
    type: 'training_subsidy',
    data: { course: '电工', institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
    idempotencyKey: key,
  })

  it("a coordinator's own application waits for a peer", async () => {
    const self = await devLogin(app, { openid: 'own-c1', role: 'coordinator', region: '320621100001' })
    const peer = await devLogin(app, { openid: 'own-c2', role: 'coordinator', region: '320621100001' })
    expect((await putMe(app, { token: self, body: aResident({ name: '周协理' }) })).status).toBe(200)
    const mine = await call(app, 'POST', '/api/applications', {
      token: self,
      body: training('own-case-0001'),
    })
    expect(mine.status).toBe(201)
    const queue = await call(app, 'GET', '/api/reviews?stage=community_review', { token: self })
    expect(queue.body.items.find((a: { id: string }) => a.id === mine.body.id).ownCase).toBe(true)
    // Opened from the queue, it shows as a reviewer sees it, marked.
    const opened = await call(app, 'GET', `/api/applications/${mine.body.id}`, { token: self })
    expect(opened.body).toMatchObject({ ownCase: true, applicant: { name: '周协理' } })
    expect(opened.body.timeline[0].actor).toBe('申请人')
    const refused = await call(app, 'POST', `/api/reviews/${mine.body.id}`, {
      token: self,
      body: { decision: 'approve' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('APPLICATION.OWN_CASE')
    expect((await call(app, 'GET', `/api/applications/${mine.body.id}`, { token: self })).body.status).toBe(
      'community_review',
    )
    const peerQueue = await call(app, 'GET', '/api/reviews?stage=community_review', { token: peer })
    expect(peerQueue.body.items.find((a: { id: string }) => a.id === mine.body.id).ownCase).toBe(false)
    const ok = await call(app, 'POST', `/api/reviews/${mine.body.id}`, {
      token: peer,
      body: { decision: 'approve' },
    })
    expect(ok.status).toBe(200)
  })

  it("a street officer can't approve their own registration (and get a certificate)", async () => {
    const self = await devLogin(app, { openid: 'own-s1', role: 'street', region: '320621100' })
    const peer = await devLogin(app, { openid: 'own-s2', role: 'street', region: '320621100' })
    const coord = await devLogin(app, { openid: 'own-c3', role: 'coordinator', region: '320621100001' })
    await putMe(app, { token: self, body: aResident({ name: '吴事务' }) })
    const reg = await call(app, 'POST', '/api/applications', {
      token: self,
      body: {
        type: 'unemployment_registration',
        data: { unemployedSince: '2026-10-01', reason: 'dismissed', hukou: 'local_urban' },
        idempotencyKey: 'own-case-reg1',
      },
    })
    expect(reg.status).toBe(201)
    expect(
      (
        await call(app, 'POST', `/api/reviews/${reg.body.id}`, {
          token: coord,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200)
    const refused = await call(app, 'POST', `/api/reviews/${reg.body.id}`, {
      token: self,
      body: { decision: 'approve' },
    })
    expect(refused.status).toBe(403)
    const ok = await call(app, 'POST', `/api/reviews/${reg.body.id}`, {
      token: peer,
      body: { decision: 'approve' },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.status).toBe('approved')
  })
})

describe('8. after a move, the new community views and decides; the old one neither', () => {
  it('one scope rule, the move kept in the timeline', async () => {
    const resident = await devLogin(app, { openid: 'mover', role: 'resident' })
    const oldCoord = await devLogin(app, { openid: 'mv-c1', role: 'coordinator', region: '320621100001' })
    const newCoord = await devLogin(app, { openid: 'mv-c2', role: 'coordinator', region: '320621100002' })
    const profile = aResident({ name: '搬家人' })
    await putMe(app, { token: resident, body: profile })
    const submitted = await call(app, 'POST', '/api/applications', {
      token: resident,
      body: {
        type: 'training_subsidy',
        data: { course: '电工', institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
        idempotencyKey: 'mover-key-01',
      },
    })
    const id = submitted.body.id
    expect((await call(app, 'GET', `/api/applications/${id}`, { token: oldCoord })).status).toBe(200)
    const moved = await putMe(app, {
      token: resident,
      body: { ...profile, idNumber: undefined, phone: undefined, community: '320621100002' },
    })
    expect(moved.status).toBe(200)

    expect((await call(app, 'GET', `/api/applications/${id}`, { token: oldCoord })).status).toBe(404)
    const oldDecides = await call(app, 'POST', `/api/reviews/${id}`, {
      token: oldCoord,
      body: { decision: 'approve' },
    })
    expect(oldDecides.status).toBe(404)
    const oldQueue = await call(app, 'GET', '/api/reviews?stage=community_review', { token: oldCoord })
    expect(oldQueue.body.items.map((a: { id: string }) => a.id)).not.toContain(id)

    const newQueue = await call(app, 'GET', '/api/reviews?stage=community_review', { token: newCoord })
    expect(newQueue.body.items.map((a: { id: string }) => a.id)).toContain(id)
    const decided = await call(app, 'POST', `/api/reviews/${id}`, {
      token: newCoord,
      body: { decision: 'approve' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.timeline.map((t: { action: string }) => t.action).slice(0, 3)).toEqual([
      'submitted',
      'transferred',
      'approved',
    ])
  })
})
