/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { phoneWindow, visible } from '../support/phone'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * A coordinator's placement work in a real browser (issue 10): from the person card, the
 * 72-hour employment commitment opens a case; on 安置个案 it counts down; recording the
 * placement closes it and the person is in work.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORD = { openid: 'e2e-pc-coord', role: 'coordinator', region: '320621100001' }
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
  await page.screenshot({ path: join(SHOTS, `placement-${name}.png`) })
}

it('a 72-hour commitment made on the person card is closed by recording the placement', async () => {
  const resident = await devLogin(app, { openid: 'e2e-pc-resident', role: 'resident' })
  const me = await putMe(app, { token: resident, body: aResident({ name: '李秀英' }) })
  const personId = me.body.id as string

  const token = await devLogin(app, COORD)
  const page = await phoneWindow(browser, app, COORD)
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/person/index?id=${personId}`)
  await visible(page, '#person-commit-72h').click()
  await page.getByText('确认承诺', { exact: true }).click()
  const card = page.locator('[id^="case-pc_"]:visible').first()
  await card.waitFor()
  await expect(card.innerText()).resolves.toContain('72 小时就业承诺')
  await expect(card.innerText()).resolves.toContain('剩 71 小时')
  await expect(card.innerText()).resolves.toContain('李秀英')
  await shot(page, 'cases')

  await card.locator('[id^="case-place-"]').click()
  await visible(page, '#case-place-submit').click() // nothing filled: told what is missing
  await expect(visible(page, '.sheet').innerText()).resolves.toContain('请填写安置单位')
  await visible(page, '#case-employer input').fill('海安镇城市管理办公室')
  await visible(page, '#case-post input').fill('社区保洁员')
  // A tap where the back bar lies under the sheet's shade asks before dropping the typing.
  await page.mouse.click(30, 22)
  await page.getByText('继续填写', { exact: true }).click()
  await expect(visible(page, '#case-employer input').inputValue()).resolves.toBe('海安镇城市管理办公室')
  await shot(page, 'place-sheet')
  await visible(page, '#case-place-submit').click()
  await visible(page, '#cases-empty').waitFor()
  await shot(page, 'placed')

  const placed = await call(app, 'GET', '/api/placement-cases?status=placed', { token })
  expect(placed.body.items).toHaveLength(1)
  expect(placed.body.items[0].placement).toMatchObject({
    personId,
    employer: '海安镇城市管理办公室',
    post: '社区保洁员',
    startedOn: '2026-12-09',
  })
  const person = await call(app, 'GET', `/api/people/${personId}`, { token })
  expect(person.body.employmentStatus).toBe('stable')
  await page.context().close()
})
