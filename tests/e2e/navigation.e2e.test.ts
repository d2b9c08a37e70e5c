/// <reference lib="dom" />
import { type Browser, chromium } from 'playwright-core'
import { backFallbackOf, PAGE_TITLES } from '../../miniprogram/src/utils/pages'
import { H5_DIR } from '../../scripts/lib/h5-build'
import { phoneWindow, visible } from '../support/phone'
import { startTestApp, type TestApp } from '../support/test-app'

/**
 * Every page outside the tab bar can be left without the phone's back key (issue 10): opened
 * straight from a link (nothing below it), its back bar shows the page's title, and 返回 lands on
 * the nearest tab page. Staff pages are opened by a coordinator, the others by a resident.
 */
jest.setTimeout(300_000)

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
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

it('gives every sub-page a titled back bar that leaves it for the nearest tab', async () => {
  const staff = await phoneWindow(browser, app, {
    openid: 'e2e-nav-coord',
    role: 'coordinator',
    region: '320621100001',
  })
  const resident = await phoneWindow(browser, app, { openid: 'e2e-nav-resident', role: 'resident' })
  const stuck: string[] = []
  for (const [path, title] of Object.entries(PAGE_TITLES)) {
    const page = path.startsWith('packages/staff/') ? staff : resident
    // A fresh load each time: the page is the first and only one, as from a shared link.
    await page.goto(`${app.baseUrl}/#/${path}`)
    await page.reload()
    // 在线申请 names itself after the business it applies for.
    const want = path === 'pages/apply/index' ? '' : title
    try {
      await page.locator('.back-bar:visible', { hasText: want }).first().waitFor({ timeout: 8000 })
    } catch {
      stuck.push(`${path}: no back bar titled "${title}"`)
      continue
    }
    // Below a short page the screen stays the page's grey (Taro's own style paints it white).
    const below = await page.evaluate(
      () => getComputedStyle(document.querySelector('.taro_page.taro_page_show')!).backgroundColor,
    )
    if (below !== 'rgb(244, 245, 247)') stuck.push(`${path}: ${below} below the page`)
    await visible(page, '#back-bar-back').click()
    const home = backFallbackOf(path).replace(/^\//, '')
    try {
      await page.waitForURL((url) => url.hash.startsWith(`#/${home}`), { timeout: 5000 })
    } catch {
      stuck.push(`${path}: still at ${page.url()}`)
    }
  }
  expect(stuck).toEqual([])
})
