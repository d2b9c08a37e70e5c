/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { runSessionReminders } from '../../functions/contexts/sessions/reminders'
import { createLogger } from '../../functions/platform/logger'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { phoneWindow, pick, visible } from '../support/phone'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Booking guidance in a real browser (issue 9), each person in their own phone-sized window: the
 * street officer publishes a career-guidance session, a resident books it in the app and gets a
 * check-in code, the evening-before reminder arrives in 消息, the officer checks the resident in
 * by that code, and the resident's 131 tally shows the guidance.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
// Wednesday 9 December 2026, 10:00 in Hai'an.
const MORNING = new Date('2026-12-09T02:00:00.000Z')
const STREET = { openid: 'e2e-ses-street', role: 'street', region: '320621100' }
const RESIDENT = { openid: 'e2e-ses-resident', role: 'resident' }
const TITLE = '求职面试一对一辅导'

let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR, now: MORNING, env: { SESSION_TTL_HOURS: '240' } })
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

const windowFor = (who: { openid: string; role: string; region?: string }) => phoneWindow(browser, app, who)
const open = async (page: Page, hash: string) => page.goto(`${app.baseUrl}/#${hash}`)
const click = async (page: Page, selector: string) => visible(page, selector).click()
const fill = async (page: Page, selector: string, text: string) => visible(page, selector).fill(text)
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400) // pages slide in, toasts fade
  await page.screenshot({ path: join(SHOTS, `sessions-${name}.png`) })
}

/** What the toast says (Taro's toast box has no size of its own, so it is read, not located). */
const toastSays = async (page: Page, text: string) =>
  page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll('.taro__toast')).some((e) => (e.textContent ?? '').includes(t)),
    text,
  )

let sessionId: string
let code: string

it('the street officer publishes a one-to-one career-guidance session', async () => {
  const street = await windowFor(STREET)
  await open(street, '/pages/mine/index')
  await click(street, '#mine-entry-sessions')
  await visible(street, '#staff-sessions-empty').waitFor()
  await click(street, '#staff-sessions-new')
  await visible(street, '#session-form').waitFor()
  await click(street, '#session-kind-career_guidance')
  await fill(street, '#session-title input', TITLE)
  await pick(street, '#session-region', ['海安镇（全辖区）'])
  await fill(street, '#session-place input', '海安镇人力资源服务站二楼')
  // Saturday 12 December, 09:00–11:00: four half-hour slots.
  await pick(street, '#session-date', ['2026年', '12月', '12日'])
  await click(street, '#session-format-30')
  await expect(visible(street, '#session-slot-count').innerText()).resolves.toContain('共 4 个时段')
  await fill(street, '#session-description textarea', '简历修改、面试模拟，请带简历。')
  await shot(street, 'publish-form')
  await click(street, '#session-submit')
  await visible(street, '#roll-session').waitFor()
  await expect(visible(street, '#roll-session').innerText()).resolves.toContain(TITLE)
  await shot(street, 'roll-empty')
  const mine = await call(app, 'GET', '/api/sessions?mine=1', { token: await devLogin(app, STREET) })
  expect(mine.body.items).toHaveLength(1)
  sessionId = mine.body.items[0].id
  expect(mine.body.items[0]).toMatchObject({
    kind: 'career_guidance',
    region: '320621100',
    capacity: 4,
    startsAt: '2026-12-12T01:00:00.000Z',
    endsAt: '2026-12-12T03:00:00.000Z',
  })
  expect(mine.body.items[0].slots).toHaveLength(4)
  await street.context().close()
})

it('a resident books a slot in the app and sees the check-in code', async () => {
  const token = await devLogin(app, RESIDENT)
  expect((await putMe(app, { token, body: aResident({ name: '李红梅' }) })).status).toBe(200)
  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/index/index')
  await click(resident, '#home-sessions')
  await visible(resident, `#session-${sessionId}`).waitFor()
  await expect(visible(resident, `#session-${sessionId}`).innerText()).resolves.toContain('余 4/4 个名额')
  await shot(resident, 'list')
  await click(resident, `#session-${sessionId}`)
  await visible(resident, '#session-slots').waitFor()
  // Booking without a slot asks for one first; nothing is booked.
  await click(resident, '#session-book')
  await toastSays(resident, '请先选择一个时段')
  await click(resident, '#session-slot-s2')
  await shot(resident, 'slot-chosen')
  await click(resident, '#session-book')
  await visible(resident, '#session-my-booking').waitFor()
  code = await visible(resident, '#session-code').innerText()
  expect(code).toMatch(/^\d{6}$/)
  await expect(visible(resident, '#session-my-booking').innerText()).resolves.toContain('09:30–10:00')
  await shot(resident, 'booked')
  // 我的预约 lists it with the same code; the 131 tally is still short of guidance.
  await open(resident, '/packages/sessions/pages/my-bookings/index')
  await visible(resident, `#booking-code-${sessionId}`).waitFor()
  await expect(visible(resident, `#booking-code-${sessionId}`).innerText()).resolves.toBe(code)
  await expect(visible(resident, '#tally-guidance').innerText()).resolves.toContain('0/1')
  await shot(resident, 'my-bookings')
  await resident.context().close()
})

it('the evening before, the reminder arrives in 消息', async () => {
  app.clock.set(new Date('2026-12-11T10:00:00.000Z')) // Friday 18:00
  const run = await runSessionReminders(
    app.deps,
    app.clock.now(),
    createLogger({ test: 'e2e-sessions' }),
    'manual',
  )
  expect(run).toMatchObject({ reminded: 1 })
  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/inbox/index')
  const message = visible(resident, '.inbox-item').filter({ hasText: '明天职业指导提醒' })
  await message.waitFor()
  const text = await message.innerText()
  expect(text).toContain(`签到码 ${code}`)
  expect(text).toContain('12月12日 09:30')
  expect(text).toContain('我的预约 ›')
  await shot(resident, 'reminder')
  await message.click()
  await visible(resident, `#booking-code-${sessionId}`).waitFor()
  await resident.context().close()
})

it('the officer checks the resident in by the code, and the 131 tally shows the guidance', async () => {
  app.clock.set(new Date('2026-12-12T01:35:00.000Z')) // Saturday 09:35
  const street = await windowFor(STREET)
  await open(street, `/packages/staff/pages/session-roll/index?id=${sessionId}`)
  await visible(street, '#roll-checkin').waitFor()
  await fill(street, '#roll-code input', '123')
  await click(street, '#roll-code-submit')
  await toastSays(street, '签到码应为 6 位数字')
  await fill(street, '#roll-code input', code)
  await click(street, '#roll-code-submit')
  // The roll call reloads after the check-in: wait for the count to show it.
  await visible(street, '#roll-count-attended').getByText('1', { exact: true }).waitFor()
  await shot(street, 'checked-in')
  await street.context().close()

  const resident = await windowFor(RESIDENT)
  await open(resident, '/packages/sessions/pages/my-bookings/index')
  await visible(resident, '#tally-guidance').waitFor()
  await expect(visible(resident, '#tally-guidance').innerText()).resolves.toContain('1/1')
  await expect(visible(resident, `#booking-${sessionId}`).innerText()).resolves.toContain('已签到')
  await shot(resident, 'tally')
  await resident.context().close()
  const tally = await call(app, 'GET', '/api/me/services', { token: await devLogin(app, RESIDENT) })
  expect(tally.body.counts.guidance).toBe(1)
})
