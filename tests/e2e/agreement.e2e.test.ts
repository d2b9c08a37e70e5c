/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { phoneWindow, pick, visible } from '../support/phone'
import { devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * 一人一策 in a real browser (issue 10): the coordinator drafts an assistance agreement on the
 * person card (a missing date is named), the resident agrees on her phone, a follow-up ticks the
 * guidance off, and her page shows one of two done.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORD = { openid: 'e2e-ag-coord', role: 'coordinator', region: '320621100001' }
const RESIDENT = { openid: 'e2e-ag-resident', role: 'resident' }
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
  await page.screenshot({ path: join(SHOTS, `agreement-${name}.png`) })
}

const textOf = (page: Page, selector: string) => visible(page, selector).innerText()

it('is drafted by the coordinator, agreed by the resident, and ticked off by a follow-up', async () => {
  const residentToken = await devLogin(app, RESIDENT)
  const me = await putMe(app, { token: residentToken, body: aResident({ name: '钱秀珍' }) })
  const personId = me.body.id as string

  const coord = await phoneWindow(browser, app, COORD)
  await coord.goto(`${app.baseUrl}/#/packages/staff/pages/person/index?id=${personId}`)
  await visible(coord, '#person-agreement').getByText('尚未制定', { exact: false }).waitFor()
  await visible(coord, '#person-agreement-edit').click()
  await visible(coord, '#agreement-goals textarea').fill('三个月内在本镇实现稳定就业')
  await visible(coord, '#agreement-kind-0-guidance').click()
  await visible(coord, '#agreement-label-0 input').fill('一对一职业指导')
  await visible(coord, '#agreement-save').click() // no date yet: named, nothing saved
  await expect(textOf(coord, '#agreement-field-due-0')).resolves.toContain('请选择完成时限')
  await pick(coord, '#agreement-due-0', ['2026年', '12月', '20日'])
  await visible(coord, '#agreement-item-add').click()
  await visible(coord, '#agreement-kind-1-referral').click()
  await visible(coord, '#agreement-label-1 input').fill('推荐三个仓管岗位')
  await pick(coord, '#agreement-due-1', ['2027年', '01月', '31日'])
  await shot(coord, 'edit')
  await visible(coord, '#agreement-save').click()
  await visible(coord, '#person-agreement-status').getByText('待本人确认').waitFor()

  // Her phone: the agreement to read, and 我已阅读并同意.
  const resident = await phoneWindow(browser, app, RESIDENT)
  await resident.goto(`${app.baseUrl}/#/packages/seeker/pages/agreement/index`)
  await expect(textOf(resident, '#agreement-view')).resolves.toContain('三个月内在本镇实现稳定就业')
  await shot(resident, 'to-sign')
  await visible(resident, '#agreement-sign').click()
  await resident.getByText('同意', { exact: true }).click()
  await visible(resident, '#agreement-status').getByText('已签订').waitFor()

  // A follow-up on a visit delivers the guidance and ticks it.
  await coord.reload()
  await visible(coord, '#person-agreement-status').getByText('已签订').waitFor()
  await visible(coord, '#person-record-followup').click()
  await visible(coord, '#followup-channel-home_visit').click()
  await visible(coord, '#followup-outcome textarea').fill('上门做了一对一职业指导，明确求职方向为仓管')
  await visible(coord, '#followup-agreement').getByText('职业指导：一对一职业指导').click()
  await shot(coord, 'followup')
  await visible(coord, '#followup-submit').click()
  await visible(coord, '#person-agreement').getByText('已完成 1/2 项').waitFor()

  await resident.reload()
  await visible(resident, '#agreement-view').waitFor()
  await expect(resident.locator('body').innerText()).resolves.toContain('服务事项（已完成 1/2）')
  await shot(resident, 'progress')
})
