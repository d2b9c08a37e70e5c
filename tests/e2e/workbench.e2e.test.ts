/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { runFollowupMonthly } from '../../functions/contexts/followups/monthly-run'
import { createLogger } from '../../functions/platform/logger'
import { persons } from '../../functions/store/collections'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aPersonRecord, REGISTERED } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * A coordinator in the browser: opens a task due this month, records a home visit that marks
 * the person employed, and sees the task leave the to-do list for the done list.
 */
jest.setTimeout(120_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORDINATOR = { openid: 'wb-coordinator', role: 'coordinator', region: '320621100001' }
let app: TestApp
let browser: Browser
let page: Page

beforeAll(async () => {
  // The app shows the current month by the browser's clock, so the server uses the same time.
  app = await startTestApp({ staticDir: H5_DIR, now: new Date() })
  for (let i = 0; i < 6; i++) {
    await app.deps.store.insert(
      persons,
      aPersonRecord(i, {
        name: ['周立新', '吴海燕', '郑国强', '冯秀兰', '陈志明', '褚建华'][i]!,
        employmentStatus: 'unemployed',
        keyGroups: REGISTERED,
      }),
    )
  }
  await runFollowupMonthly(app.deps, app.clock.now(), createLogger(), 'manual')
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const token = await devLogin(app, COORDINATOR)
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } })
  await context.addInitScript(
    (t) => localStorage.setItem('session.token', JSON.stringify({ data: t })),
    token,
  )
  page = await context.newPage()
  page.on('pageerror', (err) => process.stdout.write(`[page error] ${err.message}\n`))
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const visible = (selector: string) => page.locator(`${selector}:visible`)

it('records a home visit from the task list, and the list updates', async () => {
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/workbench/index`)
  const rows = visible('.task-row')
  await rows.first().waitFor()
  expect(await rows.count()).toBe(6)
  await page.screenshot({ path: join(SHOTS, 'workbench.png') })

  const row = visible('.task-row').filter({ hasText: '吴海燕' })
  const taskId = (await row.getAttribute('id'))!.replace(/^task-/, '')
  await row.click()
  await visible('#person-name').waitFor()
  expect(await visible('#person-name').innerText()).toContain('吴海燕')
  await visible('#person-record-followup').click()

  await visible('#followup-channel-home_visit').click()
  await visible('#followup-outcome textarea').fill('已在海安恒达机械上班，签订一年劳动合同')
  await visible('#followup-status-stable').click()
  await page.screenshot({ path: join(SHOTS, 'followup-form.png') })
  await visible('#followup-submit').click()

  // Back on the list: the task has left the to-do tab …
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/workbench/index`)
  await visible('.task-row').first().waitFor()
  const deadline = Date.now() + 10_000
  while ((await visible(`#task-${taskId}`).count()) > 0 && Date.now() < deadline)
    await page.waitForTimeout(200)
  expect(await visible(`#task-${taskId}`).count()).toBe(0)
  expect(await visible('.task-row').count()).toBe(5)
  // … and is among the done ones; the person is recorded as employed.
  await visible('#task-tab-done').click()
  await visible(`#task-${taskId}`).waitFor()
  await page.screenshot({ path: join(SHOTS, 'workbench-done.png') })
  const person = await call(app, 'GET', `/api/people/${taskId.replace(/^fu_\d{6}_/, '')}`, {
    token: await devLogin(app, COORDINATOR),
  })
  expect(person.body.employmentStatus).toBe('stable')
})
