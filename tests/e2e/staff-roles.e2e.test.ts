/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { phoneWindow, pick, visible } from '../support/phone'
import { call, startTestApp, type TestApp } from '../support/test-app'

/**
 * Staff roles in a real browser (issue 13): a new community coordinator asks in 我的 → 我是工作人员
 * (first without choosing a community: told what's missing); the county administrator opens
 * 人员权限, sees the request and grants it; the coordinator's old session stops, and 人员权限
 * shows them among the county's staff, where the administrator takes the role back again.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const NEWCOMER = { openid: 'e2e-sr-new', role: 'resident' }
const ADMIN = { openid: 'e2e-sr-admin', role: 'county', region: '320621' }
let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR })
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
  await page.screenshot({ path: join(SHOTS, `staff-roles-${name}.png`) })
}

it('a coordinator asks, the county administrator grants and later revokes, in the app', async () => {
  const page = await phoneWindow(browser, app, NEWCOMER)
  await page.goto(`${app.baseUrl}/#/pages/mine/index`)
  await visible(page, '#mine-entry-staff-request').click()
  await visible(page, '#staff-request-name').locator('input').fill('陈协理')
  await visible(page, '#staff-request-role-coordinator').click()
  await visible(page, '#staff-request-unit').locator('input').fill('中坝社区 劳动保障协理员')
  await visible(page, '#staff-request-submit').click()
  await expect(visible(page, '#staff-request-field-region').innerText()).resolves.toContain(
    '请选择所在社区/村',
  )
  await shot(page, '1-missing-community')
  await pick(page, '#staff-request-town', ['海安镇'])
  await pick(page, '#staff-request-community', ['中坝社区'])
  await visible(page, '#staff-request-submit').click()
  await expect(visible(page, '#staff-request-state').innerText()).resolves.toBe('待开通')
  await shot(page, '2-pending')
  const oldToken = await page.evaluate(
    () => JSON.parse(localStorage.getItem('session.token')!).data as string,
  )

  const admin = await phoneWindow(browser, app, ADMIN)
  await admin.goto(`${app.baseUrl}/#/pages/mine/index`)
  await visible(admin, '#mine-entry-staff-admin').click()
  const request = visible(admin, '#staff-request-e2e-sr-new')
  await expect(request.innerText()).resolves.toContain('中坝社区')
  await shot(admin, '3-admin-request')
  await visible(admin, '#staff-grant-e2e-sr-new').click()
  await visible(admin, '#staff-submit').click()
  const account = visible(admin, '#staff-account-e2e-sr-new')
  await expect(account.innerText()).resolves.toContain('陈协理')
  await shot(admin, '4-granted')
  // The session minted while a resident no longer passes.
  expect((await call(app, 'GET', '/api/auth/session', { token: oldToken })).body.code).toBe(
    'AUTH.ROLE_CHANGED',
  )

  // Revoking asks for a reason first.
  await visible(admin, '#staff-revoke-e2e-sr-new').click()
  await visible(admin, '#staff-submit').click()
  await expect(visible(admin, '.sheet').innerText()).resolves.toContain('请写明收回权限的原因')
  await visible(admin, '#staff-reason').locator('textarea').fill('调离社区岗位')
  await visible(admin, '#staff-submit').click()
  await admin.waitForTimeout(800)
  await expect(admin.locator('#staff-account-e2e-sr-new:visible').count()).resolves.toBe(0)
  await shot(admin, '5-revoked')
})
