/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { anIdNumber } from '../support/people'
import { phoneWindow, pick, visible } from '../support/phone'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * A coordinator's home visit in a real browser (issue 10): from the workbench, find nobody by
 * that name, register the resident met at the door (a wrong ID number told which rule failed, a
 * half-filled form not lost by a slip of 返回 or the phone's back), add the spouse as a household member — the card
 * now says 零就业家庭 — then record the wife's 就业登记, and the household is no longer one.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORD = { openid: 'e2e-hh-coord', role: 'coordinator', region: '320621100001' }
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
  await page.screenshot({ path: join(SHOTS, `households-${name}.png`) })
}

const fillRegistration = async (page: Page, name: string, idNumber: string, phone: string) => {
  await visible(page, '#register-name input').fill(name)
  await visible(page, '#register-id-number input').fill(idNumber)
  await visible(page, '#register-phone input').fill(phone)
  await visible(page, '#register-status-unemployed').click()
  await visible(page, '#register-hukou-local_urban').click()
}

it('registers a resident on a visit, links the household, and a 就业登记 ends the zero-employment household', async () => {
  const token = await devLogin(app, COORD)
  const page = await phoneWindow(browser, app, COORD)
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/workbench/index`)
  await visible(page, '#workbench-link-people').click()
  await visible(page, '#people-search input').fill('周建平')
  await visible(page, '#people-empty').getByText('辖区内没有“周建平”').waitFor()

  await visible(page, '#people-register').click()
  const husbandId = anIdNumber('19800312', true)
  // A wrong check character: the form names the rule, nothing is saved.
  await fillRegistration(
    page,
    '周建平',
    `${husbandId.slice(0, 17)}${husbandId[17] === '1' ? '2' : '1'}`,
    '13905171234',
  )
  await visible(page, '#register-submit').click()
  await expect(visible(page, '#register-field-id').innerText()).resolves.toContain('校验')
  await shot(page, 'register-error')

  // 返回 on a half-filled form asks first; 继续填写 keeps everything typed.
  await visible(page, '.back-bar__back').click()
  await page.getByText('继续填写', { exact: true }).click()
  await expect(visible(page, '#register-name input').inputValue()).resolves.toBe('周建平')
  // The browser's (or phone's) own back asks the same, and 继续填写 stays on the form.
  await page.goBack()
  await page.getByText('继续填写', { exact: true }).click()
  await expect(visible(page, '#register-name input').inputValue()).resolves.toBe('周建平')
  await shot(page, 'register-back-kept')

  await visible(page, '#register-id-number input').fill(husbandId)
  await visible(page, '#register-submit').click()
  await visible(page, '#person-household').waitFor()
  await expect(visible(page, '#person-household').innerText()).resolves.toContain('尚未关联家庭成员')

  // His wife: not in the registry yet, registered from his card straight into the household.
  await visible(page, '#person-household-add').click()
  await visible(page, '#people-register').click()
  await fillRegistration(page, '林美华', anIdNumber('19830705', false), '13905175678')
  await shot(page, 'register-member')
  await visible(page, '#register-submit').click()
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('#person-household')).some(
      (el) => (el as HTMLElement).offsetParent && el.textContent?.includes('林美华'),
    ),
  )
  const household = visible(page, '#person-household')
  await expect(household.innerText()).resolves.toContain('零就业家庭')
  await expect(household.innerText()).resolves.toContain('周建平（本人）')
  await household.scrollIntoViewIfNeeded()
  await shot(page, 'household')

  // Open the wife's card from the household and record her 就业登记.
  await household.locator('[id^="household-member-"]', { hasText: '林美华' }).click()
  await visible(page, '#person-employment-open').click()
  await visible(page, '#employment-submit').click() // nothing chosen: told what is missing
  await expect(visible(page, '.sheet').innerText()).resolves.toContain('请选择就业形式')
  await visible(page, '#employment-kind-unit').click()
  await visible(page, '#employment-employer input').fill('海安恒泰纺织有限公司')
  await pick(page, '#employment-date', ['2026年', '12月', '08日'])
  await shot(page, 'employment-sheet')
  await visible(page, '#employment-submit').click()
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('#person-employment-registered')).some(
      (el) => (el as HTMLElement).offsetParent && el.textContent?.includes('海安恒泰纺织有限公司'),
    ),
  )
  // The household is read again: with her in work it is no longer a zero-employment household.
  await page.locator('#person-household-zero:visible').waitFor({ state: 'hidden' })
  await shot(page, 'employed')

  const found = await call(app, 'GET', `/api/people?q=${encodeURIComponent('林美华')}`, { token })
  const wife = await call(app, 'GET', `/api/people/${found.body.items[0].id}`, { token })
  expect(wife.body).toMatchObject({
    employmentStatus: 'stable',
    employmentSince: '2026-12-08',
    employmentRegistration: { employer: '海安恒泰纺织有限公司', kind: 'unit' },
  })
  const hh = await call(app, 'GET', `/api/households/${wife.body.householdId}`, { token })
  expect(hh.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['周建平', '林美华'].sort())
  expect(hh.body.zeroEmployment).toBe(false)
})
