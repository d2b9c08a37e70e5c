import { initCloudBase, localCloudBaseTarget } from '../../functions/store/cloudbase-app'
import { aPng } from '../support/images'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Materials from the mini-program on CloudBase (issue 13): the app asks for an upload slot,
 * puts the photo in cloud storage with wx.cloud.uploadFile (here the same SDK call), then has
 * it imported — checked like any upload and kept as the person's material. Only a slot issued
 * to the caller can be imported; the incoming copy is removed either way.
 */
let app: TestApp
let resident: string
let other: string
const PNG = aPng()
const storage = () => initCloudBase(localCloudBaseTarget(app.env.TCB_SERVICE_URL!))
const putInCloud = async (cloudPath: string, bytes: Buffer) =>
  (await (await storage()).uploadFile({ cloudPath, fileContent: bytes })).fileID as string

beforeAll(async () => {
  app = await startTestApp({ store: 'cloudbase' })
  resident = await devLogin(app, { openid: 'cu-res', role: 'resident' })
  other = await devLogin(app, { openid: 'cu-other', role: 'resident' })
  await putMe(app, { token: resident, body: aResident({ name: '云上传' }) })
  await putMe(app, { token: other, body: aResident({ name: '旁人' }) })
})
afterAll(() => app.close())

it('imports a photo put in cloud storage under a slot issued to the caller, and gives it back', async () => {
  const slot = await call(app, 'POST', '/api/files/cloud-slots', { token: resident })
  expect(slot.status).toBe(201)
  const fileId = await putInCloud(slot.body.cloudPath, PNG)
  const imported = await call(app, 'POST', '/api/files/cloud-imports', {
    token: resident,
    body: { fileId, name: '身份证正面.png', contentType: 'image/png' },
  })
  expect(imported.status).toBe(201)
  expect(imported.body).toMatchObject({ name: '身份证正面.png', contentType: 'image/png', size: PNG.length })
  const res = await fetch(`${app.baseUrl}/api/files/${imported.body.id}`, {
    headers: { authorization: `Bearer ${resident}` },
  })
  expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true)
  // The incoming copy is gone; the slot can't be used twice.
  await expect(app.deps.files.get(fileId)).resolves.toBeNull()
  const again = await call(app, 'POST', '/api/files/cloud-imports', {
    token: resident,
    body: { fileId, name: '再来.png', contentType: 'image/png' },
  })
  expect(again.body.code).toBe('FILE.SLOT_UNKNOWN')
})

it("refuses another account's slot, a path no slot named, and content that isn't what it claims", async () => {
  const slot = await call(app, 'POST', '/api/files/cloud-slots', { token: resident })
  const fileId = await putInCloud(slot.body.cloudPath, PNG)
  const stolen = await call(app, 'POST', '/api/files/cloud-imports', {
    token: other,
    body: { fileId, name: 'x.png', contentType: 'image/png' },
  })
  expect([stolen.status, stolen.body.code]).toEqual([403, 'FILE.SLOT_UNKNOWN'])
  const made = await call(app, 'POST', '/api/files/cloud-imports', {
    token: resident,
    body: { fileId: fileId.replace(/up_[a-z0-9_]+$/, 'up_made_up'), name: 'x.png', contentType: 'image/png' },
  })
  expect(made.body.code).toBe('FILE.SLOT_UNKNOWN')
  const materials = await call(app, 'POST', '/api/files/cloud-imports', {
    token: resident,
    body: { fileId: fileId.replace('/incoming/', '/materials/'), name: 'x.png', contentType: 'image/png' },
  })
  expect(materials.status).toBe(400)

  const fakeSlot = await call(app, 'POST', '/api/files/cloud-slots', { token: resident })
  const fake = await putInCloud(fakeSlot.body.cloudPath, Buffer.from('<html>not a png</html>'))
  const refused = await call(app, 'POST', '/api/files/cloud-imports', {
    token: resident,
    body: { fileId: fake, name: 'x.png', contentType: 'image/png' },
  })
  expect(refused.status).toBe(400)
  await expect(app.deps.files.get(fake)).resolves.toBeNull()
})

it('says there is no cloud slot where materials are uploaded directly', async () => {
  const direct = await startTestApp({ store: 'pglite' })
  try {
    const token = await devLogin(direct, { openid: 'cu-direct', role: 'resident' })
    const slot = await call(direct, 'POST', '/api/files/cloud-slots', { token })
    expect([slot.status, slot.body.code]).toEqual([409, 'FILE.CLOUD_ONLY'])
  } finally {
    await direct.close()
  }
})
