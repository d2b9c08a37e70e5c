/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aPng } from '../support/images'
import { aResident } from '../support/people'
import { phoneWindow, visible } from '../support/phone'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * 代为申请 in a real browser (issue 10): an elderly resident asks the coordinator on a visit to
 * apply for her. From the person card the coordinator fills the form, is stopped until the
 * resident's consent is recorded, submits; the resident's phone shows the message and the
 * application says who filed it and how she agreed; the reviewer sees it too.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORD = { openid: 'e2e-ob-coord', role: 'coordinator', region: '320621100001' }
const RESIDENT = { openid: 'e2e-ob-resident', role: 'resident' }
let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR, now: new Date('2026-12-09T02:00:00.000Z') })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-sync',
    ],
  })
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SHOTS, `on-behalf-${name}.png`) })
}

it('files an application for a resident only with her consent recorded, and she is told', async () => {
  const residentToken = await devLogin(app, RESIDENT)
  const me = await putMe(app, {
    token: residentToken,
    body: aResident({ name: '顾桂芳', employmentSince: '2026-06-01' }),
  })
  const personId = me.body.id as string

  const page = await phoneWindow(browser, app, COORD)
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/person/index?id=${personId}`)
  await visible(page, '#person-apply-difficulty_certification').click()
  await visible(page, '#apply-behalf').waitFor()
  await expect(visible(page, '#apply-identity').innerText()).resolves.toContain('顾桂芳')
  await expect(visible(page, '#apply-identity').innerText()).resolves.not.toContain('去修改')
  await shot(page, 'identity')
  await visible(page, '#apply-next').click()
  await visible(page, '#field-category-age_4050').click()
  await visible(page, '#field-statement textarea').fill(
    '五十二岁，原服装厂关闭后一直未能就业，本人行动不便。',
  )
  await visible(page, '#apply-next').click()
  // Her ID card photographed on the visit: the file is hers, uploaded by the coordinator.
  const chooser = page.waitForEvent('filechooser')
  await visible(page, '#material-upload-id_card').click()
  await (await chooser).setFiles({ name: '身份证.png', mimeType: 'image/png', buffer: aPng() })
  await page.locator('#material-id_card:visible').getByText('已上传：身份证.png').waitFor()
  await visible(page, '#apply-next').click()

  // No consent chosen: stopped, told why, nothing filed.
  await visible(page, '#apply-submit').click()
  await expect(visible(page, '#apply-consent').innerText()).resolves.toContain('请选择本人同意的方式')
  const none = await call(app, 'GET', '/api/applications', { token: residentToken })
  expect(none.body.items).toEqual([])

  await visible(page, '#apply-consent-in_person').click()
  await visible(page, '#apply-consent-note textarea').fill('上门走访时本人在场，已逐项确认')
  await shot(page, 'consent')
  await visible(page, '#apply-submit').click()
  await visible(page, '#apply-success').waitFor()
  await expect(visible(page, '#apply-success').innerText()).resolves.toContain('已为 顾桂芳 代为提交')
  await shot(page, 'success')

  // Her phone: the message, and the application says who filed it and how she agreed.
  const resident = await phoneWindow(browser, app, RESIDENT)
  await resident.goto(`${app.baseUrl}/#/pages/inbox/index`)
  await resident.getByText('已为您代为提交「就业困难人员认定」申请', { exact: false }).first().waitFor()
  const mine = await call(app, 'GET', '/api/applications', { token: residentToken })
  expect(mine.body.items).toHaveLength(1)
  await resident.goto(`${app.baseUrl}/#/pages/application/index?id=${mine.body.items[0].id}`)
  await expect(visible(resident, '#application-on-behalf').innerText()).resolves.toContain('本人当面确认')
  await shot(resident, 'resident-view')
})
