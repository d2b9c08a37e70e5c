import { aPng } from '../support/images'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/** Uploading materials for an application: type checked by content, kept private, attached. */
let app: TestApp
let resident: string
const PNG = aPng()

beforeAll(async () => {
  app = await startTestApp()
  resident = await devLogin(app, { openid: 'mat-res', role: 'resident' })
  await putMe(app, { token: resident, body: aResident({ name: '材料人' }) })
})
afterAll(() => app.close())

const upload = (token: string, bytes: Buffer, type: string, name = '身份证正面.png') =>
  fetch(`${app.baseUrl}/api/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  }).then(async (r) => ({ status: r.status, body: await r.json() }))

it('keeps an uploaded photo and gives it back, byte for byte, to its owner', async () => {
  const up = await upload(resident, PNG, 'image/png')
  expect(up.status).toBe(201)
  expect(up.body).toMatchObject({ name: '身份证正面.png', contentType: 'image/png', size: PNG.length })
  const res = await fetch(`${app.baseUrl}/api/files/${up.body.id}`, {
    headers: { authorization: `Bearer ${resident}` },
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true)
})

it('refuses a file whose content is not what it claims, an unsupported type, and an oversized one', async () => {
  const fake = await upload(resident, Buffer.from('not really a png'), 'image/png')
  expect(fake.status).toBe(400)
  expect(fake.body.message).toContain('文件格式不正确')
  // The refusals name the rule: which types, how large.
  expect(await upload(resident, Buffer.from('hello'), 'text/plain')).toMatchObject({
    status: 415,
    body: { message: '只能上传 JPG、PNG 图片或 PDF 文件' },
  })
  const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])
  expect(await upload(resident, big, 'image/png')).toMatchObject({
    status: 413,
    body: { message: '文件不能超过 5 MB' },
  })
})

it('shows a file to staff of the owner’s region only', async () => {
  const up = await upload(resident, PNG, 'image/png')
  const get = async (token: string) =>
    (await fetch(`${app.baseUrl}/api/files/${up.body.id}`, { headers: { authorization: `Bearer ${token}` } }))
      .status
  expect(
    await get(await devLogin(app, { openid: 'mat-coord', role: 'coordinator', region: '320621100001' })),
  ).toBe(200)
  expect(
    await get(await devLogin(app, { openid: 'mat-coord2', role: 'coordinator', region: '320621100002' })),
  ).toBe(404)
  expect(await get(await devLogin(app, { openid: 'mat-other', role: 'resident' }))).toBe(404)
})

it('gives the resident the photo staff uploaded for them on a visit', async () => {
  const me = await call(app, 'GET', '/api/me', { token: resident })
  const coord = await devLogin(app, {
    openid: 'mat-coord-visit',
    role: 'coordinator',
    region: me.body.community,
  })
  const up = await fetch(
    `${app.baseUrl}/api/files?name=${encodeURIComponent('身份证.png')}&personId=${me.body.id}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${coord}`, 'content-type': 'image/png' },
      body: new Uint8Array(PNG),
    },
  ).then(async (r) => ({ status: r.status, body: await r.json() }))
  expect(up.status).toBe(201)
  const res = await fetch(`${app.baseUrl}/api/files/${up.body.id}`, {
    headers: { authorization: `Bearer ${resident}` },
  })
  expect(res.status).toBe(200)
  // Another resident still can't.
  const other = await devLogin(app, { openid: 'mat-other-2', role: 'resident' })
  expect(
    (await fetch(`${app.baseUrl}/api/files/${up.body.id}`, { headers: { authorization: `Bearer ${other}` } }))
      .status,
  ).toBe(404)
})

it('attaches materials to an application and names what is still missing', async () => {
  const up = await upload(resident, PNG, 'image/png')
  const res = await call(app, 'POST', '/api/applications', {
    token: resident,
    body: {
      type: 'training_subsidy',
      data: { course: '电工（初级）', institution: '海安市职业技能培训中心', finishedOn: '2026-10-20' },
      idempotencyKey: 'materials-key-1',
      materials: [{ key: 'id_card', fileId: up.body.id }],
    },
  })
  expect(res.status).toBe(201)
  expect(res.body.materials).toEqual([
    { key: 'id_card', label: '居民身份证', fileId: up.body.id, name: '身份证正面.png' },
  ])
  expect(res.body.missingMaterials).toEqual(['职业资格或培训合格证书'])
})

it('refuses someone else’s file as material', async () => {
  const other = await devLogin(app, { openid: 'mat-other2', role: 'resident' })
  await putMe(app, { token: other, body: aResident({ name: '别人' }) })
  const theirs = await upload(other, PNG, 'image/png')
  const res = await call(app, 'POST', '/api/applications', {
    token: resident,
    body: {
      type: 'post_subsidy',
      data: { postName: '保洁员', employerName: '海安镇中坝社区居委会', startedOn: '2026-10-08' },
      idempotencyKey: 'materials-key-2',
      materials: [{ key: 'id_card', fileId: theirs.body.id }],
    },
  })
  expect(res.status).toBe(400)
  expect(res.body.issues[0].field).toBe('materials.0.fileId')
})
