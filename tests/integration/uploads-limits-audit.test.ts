import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { verifyAuditChain } from '../../functions/contexts/audit/audit-chain'
import { auditLog, notifications } from '../../functions/store/collections'
import { aJpeg, aPdf, aPng, pngTextChunk } from '../support/images'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/** Issue 12, defects 9, 13 and 14, and the audit log's chain and retention. */
let app: TestApp
let resident: string
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
  resident = await devLogin(app, { openid: 'up-res', role: 'resident' })
  await putMe(app, { token: resident, body: aResident({ name: '上传人' }) })
})
afterAll(() => app.close())

const upload = (bytes: Buffer, type: string, token = resident, name = '材料') =>
  fetch(`${app.baseUrl}/api/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  }).then(async (r) => ({ status: r.status, body: await r.json() }))

const download = (id: string) =>
  fetch(`${app.baseUrl}/api/files/${id}`, { headers: { authorization: `Bearer ${resident}` } })

const storedFiles = () =>
  readdirSync(join(app.env.DATA_DIR, 'files'), { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  )

describe('13. files are kept as what they claim to be, and served so', () => {
  it('a PNG with HTML after its end is kept without it; its text chunks are dropped', async () => {
    const png = aPng()
    const polyglot = Buffer.concat([
      aPng(4, [pngTextChunk('<script>alert(1)</script>')]),
      Buffer.from('<html><script>alert(1)</script>'),
    ])
    const up = await upload(polyglot, 'image/png')
    expect(up.status).toBe(201)
    const res = await download(up.body.id)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.equals(png)).toBe(true)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/)
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
  })

  it('is offered under its own last name segment with the extension of what it is', async () => {
    const up = await upload(aPng(), 'image/png', resident, '../../etc/证件.html')
    expect(up.body.name).toBe('证件.png')
    const res = await download(up.body.id)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('证件.png'))
  })

  it('a JPEG is cut at its end-of-image marker, comments dropped', async () => {
    const up = await upload(
      Buffer.concat([aJpeg('<svg onload=alert(1)>'), Buffer.from('<svg/onload=alert(1)>')]),
      'image/jpeg',
    )
    expect(up.status).toBe(201)
    const bytes = Buffer.from(await (await download(up.body.id)).arrayBuffer())
    expect(bytes.equals(aJpeg())).toBe(true)
  })

  it.each([
    [
      'magic bytes then HTML',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html>')]),
      'image/png',
    ],
    ['a JPEG header and nothing else', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    [
      'a PDF that runs JavaScript on opening',
      aPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> '),
      'application/pdf',
    ],
    ['the same behind #xx escapes', aPdf('/OpenAction << /S /J#61vaScript /J#53 (x) >> '), 'application/pdf'],
    ['a launch action', aPdf('/AA << /O << /S /Launch /F (cmd.exe) >> >> '), 'application/pdf'],
  ])('%s → 400, nothing stored', async (_label, bytes, type) => {
    const before = storedFiles().length
    const up = await upload(bytes, type)
    expect(up.status).toBe(400)
    expect(storedFiles().length).toBe(before)
  })

  it('a PDF hiding the action in a compressed object stream → 400', async () => {
    const hidden = deflateSync(Buffer.from('<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>'))
    const pdf = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n4 0 obj << /Type /ObjStm /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`,
        'latin1',
      ),
      hidden,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ])
    expect((await upload(pdf, 'application/pdf')).status).toBe(400)
  })

  it('a plain PDF is kept up to its %%EOF', async () => {
    const up = await upload(Buffer.concat([aPdf(), Buffer.from('<html>trailing</html>')]), 'application/pdf')
    expect(up.status).toBe(201)
    const bytes = Buffer.from(await (await download(up.body.id)).arrayBuffer())
    expect(bytes.toString('latin1').endsWith('%%EOF')).toBe(true)
  })

  it('a person holds at most 60 MB of materials', async () => {
    const token = await devLogin(app, { openid: 'up-quota', role: 'resident' })
    await putMe(app, { token, body: aResident({ name: '配额人' }) })
    // A private ancillary chunk makes a valid 4.9 MB PNG.
    const big = (() => {
      const png = aPng()
      const data = Buffer.alloc(4.9 * 1024 * 1024, 7)
      const head = Buffer.alloc(8)
      head.writeUInt32BE(data.length, 0)
      head.write('prVt', 4, 'latin1')
      const crc = Buffer.alloc(4)
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])))
      return Buffer.concat([png.subarray(0, 33), head, data, crc, png.subarray(33)])
    })()
    const statuses: number[] = []
    for (let i = 0; i < 13; i++) statuses.push((await upload(big, 'image/png', token)).status)
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(201))
    const over = await upload(big, 'image/png', token)
    expect(over.status).toBe(409)
    expect(over.body.code).toBe('FILE.QUOTA_EXCEEDED')
  })
})

describe('9. a failed upload leaves no file; orphans are swept', () => {
  it('the record cannot be written: the file goes too', async () => {
    const before = storedFiles().length
    const store = app.deps.store
    const insert = store.insert.bind(store)
    store.insert = (async (c: { name: string }, doc: never) => {
      if (c.name === 'files') throw new Error('disk full')
      return insert(c as never, doc)
    }) as typeof store.insert
    try {
      expect((await upload(aPng(), 'image/png')).status).toBe(500)
    } finally {
      store.insert = insert
    }
    expect(storedFiles().length).toBe(before)
  })

  it('a file no record names, older than an hour, is removed by the nightly housekeeping', async () => {
    const kept = await upload(aPng(), 'image/png')
    const orphan = join(app.env.DATA_DIR, 'files', 'psn_orphan', 'file_orphan')
    mkdirSync(join(app.env.DATA_DIR, 'files', 'psn_orphan'), { recursive: true })
    writeFileSync(orphan, 'left by a crash')
    const old = new Date('2026-11-22T00:00:00.000Z')
    utimesSync(orphan, old, old)
    const summary = await app.host.runJob('housekeeping', new Date('2026-11-24T19:40:00.000Z'))
    expect(summary.orphanFiles).toBeGreaterThanOrEqual(1)
    expect(storedFiles().some((e) => e.name === 'file_orphan')).toBe(false)
    expect((await download(kept.body.id)).status).toBe(200)
  })
})

describe('14. limits per account and per source', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
  })
  afterAll(() => limited.close())

  it('dev login: 60 a minute from one source, then 429 with Retry-After', async () => {
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 62; i++) {
      const res = await fetch(`${limited.baseUrl}/api/auth/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: `flood-${i}`, role: 'resident' }),
      })
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers.get('retry-after')
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60)
    expect(statuses.slice(60)).toEqual([429, 429])
    expect(Number(retryAfter)).toBeGreaterThan(0)
    limited.clock.advance(61_000)
    expect(
      (await call(limited, 'POST', '/api/auth/dev-login', { body: { openid: 'later', role: 'resident' } }))
        .status,
    ).toBe(200)
  })

  it('objections: one message to the applicant however many object; a flood from one source stops', async () => {
    limited.clock.advance(61_000)
    const applicant = await devLogin(limited, { openid: 'obj-app', role: 'resident' })
    const coordinator = await devLogin(limited, {
      openid: 'obj-c',
      role: 'coordinator',
      region: '320621100001',
    })
    const me = await putMe(limited, { token: applicant, body: aResident({ name: '被异议' }) })
    const street = await devLogin(limited, { openid: 'obj-s', role: 'street', region: '320621100' })
    const reg = await call(limited, 'POST', '/api/applications', {
      token: applicant,
      body: {
        type: 'unemployment_registration',
        data: { unemployedSince: '2026-10-01', reason: 'dismissed', hukou: 'local_urban' },
        idempotencyKey: 'obj-flood-reg',
      },
    })
    for (const token of [coordinator, street])
      await call(limited, 'POST', `/api/reviews/${reg.body.id}`, { token, body: { decision: 'approve' } })
    const cert = await call(limited, 'POST', '/api/applications', {
      token: applicant,
      body: {
        type: 'difficulty_certification',
        data: { category: 'disabled', statement: '肢体残疾四级，求职多次未果。' },
        idempotencyKey: 'obj-flood-1',
      },
    })
    const approved = await call(limited, 'POST', `/api/reviews/${cert.body.id}`, {
      token: coordinator,
      body: { decision: 'approve' },
    })
    expect([cert.status, approved.body]).toMatchObject([201, { status: 'public_notice' }])
    const objectors: string[] = []
    for (let i = 0; i < 35; i++)
      objectors.push(await devLogin(limited, { openid: `objector-${i}`, role: 'resident' }))
    const statuses = await Promise.all(
      objectors.map((token) =>
        call(limited, 'POST', `/api/public-notices/${cert.body.id}/objections`, {
          token,
          body: { reason: '其已在外地务工，请核实' },
        }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 200).length).toBe(30)
    expect(statuses.filter((s) => s === 429).length).toBe(5)
    const inbox = await limited.deps.store.find(notifications, {
      where: [{ field: 'recipient', op: 'eq', value: `psn:${me.body.id}` }],
      orderBy: [],
      limit: 100,
    })
    expect(inbox.items.filter((m) => m.body.includes('收到异议'))).toHaveLength(1)
  })
})

describe('the audit log is chained and kept for its retention period', () => {
  it('seals records in order, detects a changed or removed one, and expires by retention', async () => {
    const chainApp = await startTestApp({ now: new Date('2026-01-05T02:00:00.000Z') })
    try {
      for (let i = 0; i < 5; i++) await devLogin(chainApp, { openid: `audit-${i}`, role: 'resident' })
      chainApp.clock.advance(6 * 60_000)
      expect((await chainApp.host.runJob('audit-seal', chainApp.clock.now(), 'timer')).sealed).toBe(5)
      const verified = await chainApp.host.runJob('audit-seal', chainApp.clock.now(), 'manual')
      expect(verified).toMatchObject({ sealed: 0, verified: 5, chain: 'intact' })

      const all = await chainApp.deps.store.find(auditLog, {
        where: [],
        orderBy: [{ field: 'at', dir: 'asc' }],
        limit: 10,
      })
      const store = chainApp.deps.store
      await store.update(auditLog, all.items[2]!.id, { actor: 'wx:someone-else' })
      expect((await verifyAuditChain(store)).broken).toMatchObject({
        id: all.items[2]!.id,
        problem: 'changed',
      })
      await store.update(auditLog, all.items[2]!.id, { actor: all.items[2]!.actor })
      expect((await verifyAuditChain(store)).ok).toBe(true)
      await store.delete(auditLog, all.items[3]!.id)
      expect((await verifyAuditChain(store)).broken?.problem).toBe('missing')
      await expect(chainApp.host.runJob('audit-seal', chainApp.clock.now(), 'manual')).rejects.toThrow(
        /audit chain broken/,
      )
      await store.insert(auditLog, all.items[3]!)

      // 181 days on, the records are past the 180-day retention: removed, and what follows verifies.
      chainApp.clock.set(new Date('2026-07-06T02:00:00.000Z'))
      await devLogin(chainApp, { openid: 'audit-late', role: 'resident' })
      chainApp.clock.advance(6 * 60_000)
      await chainApp.host.runJob('audit-seal', chainApp.clock.now(), 'timer')
      const kept = await chainApp.host.runJob('housekeeping', chainApp.clock.now())
      expect(kept.auditExpired).toBeGreaterThanOrEqual(5)
      expect((await verifyAuditChain(store)).ok).toBe(true)
    } finally {
      await chainApp.close()
    }
  })
})
