/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { createLogger } from '../../functions/platform/logger'
import { seedDemo } from '../../functions/seed/seed-demo'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { call, startTestApp, type TestApp } from '../support/test-app'

/**
 * A resident in a real browser: the H5 build served by the local host over the seeded Hai'an
 * demo, in Debian's Chromium at a phone's 375×667.
 */
jest.setTimeout(60_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
let app: TestApp
let browser: Browser
let page: Page

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR, now: new Date() })
  await seedDemo(app.deps.store, app.clock.now(), createLogger())
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
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 375, height: 667 } })
  // A script error in the app fails loudly in the test output instead of as a blank page.
  page.on('pageerror', (err) =>
    process.stdout.write(`[page error] ${err.message}
`),
  )
})
afterEach(() => page.close())

/** Retry an assertion on what the page shows until it holds or time runs out. */
const eventually = async <T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeout = 10_000,
): Promise<T> => {
  const end = Date.now() + timeout
  for (;;) {
    const value = await read()
    try {
      check(value)
      return value
    } catch (err) {
      if (Date.now() > end) throw err
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only look at what is on screen. */
const visibleCards = (p: Page): Locator => p.locator('.job-card:visible')
const cardTitles = (p: Page) => p.locator('.job-card:visible .job-card__title').allInnerTexts()
const open = async (hash: string) => {
  await page.goto(`${app.baseUrl}/#${hash}`)
  await visibleCards(page).first().waitFor()
}

describe('a resident browsing jobs', () => {
  it('searches by keyword, narrows to public-welfare posts, and opens a job', async () => {
    await open('/pages/jobs/index')
    const input = page.locator('#job-search-input:visible input')
    await input.fill('保洁')
    await page.locator('#job-search-button:visible').click()
    const expected = await call(app, 'GET', `/api/jobs?q=${encodeURIComponent('保洁')}`)
    await eventually(
      () => cardTitles(page),
      (t) => expect(t).toEqual(expected.body.items.map((j: { title: string }) => j.title)),
    )

    await page.locator('#filter-public-welfare:visible').click()
    const welfare = await call(app, 'GET', `/api/jobs?q=${encodeURIComponent('保洁')}&publicWelfare=true`)
    expect(welfare.body.items.length).toBeGreaterThan(0)
    await eventually(
      () => cardTitles(page),
      (t) => expect(t).toEqual(welfare.body.items.map((j: { title: string }) => j.title)),
    )
    for (const card of await visibleCards(page).all())
      await expect(card.innerText()).resolves.toContain('公益性岗位')
    await page.screenshot({ path: join(SHOTS, 'jobs-filtered.png') })

    const title = (await cardTitles(page))[0]!
    await visibleCards(page).first().click()
    const heading = page.locator('#job-detail-title:visible')
    await heading.waitFor()
    await expect(heading.innerText()).resolves.toBe(title)
    await expect(page.locator('body').innerText()).resolves.toContain('公益性岗位')
    await page.screenshot({ path: join(SHOTS, 'job-detail.png') })
  })

  it('opens a filtered list from a link, by category and town', async () => {
    await open('/pages/jobs/index?category=textile&region=320621100')
    const expected = await call(app, 'GET', '/api/jobs?category=textile&region=320621100')
    expect(expected.body.items.length).toBeGreaterThan(0)
    await eventually(
      () => cardTitles(page),
      (t) => expect(t).toEqual(expected.body.items.map((j: { title: string }) => j.title)),
    )
    for (const card of await visibleCards(page).all()) {
      const text = await card.innerText()
      expect(text).toContain('纺织服装')
      expect(text).toContain('海安镇')
    }
  })

  it('loads the next page when scrolled to the bottom, until there is no more', async () => {
    await open('/pages/jobs/index')
    const first = await visibleCards(page).count()
    expect(first).toBe(20)
    await page.mouse.wheel(0, 20_000)
    await eventually(
      () => visibleCards(page).count(),
      (n) => expect(n).toBeGreaterThan(first),
    )
    await page.screenshot({ path: join(SHOTS, 'jobs.png') })
  })

  it('tells the resident when a job is gone', async () => {
    await page.goto(`${app.baseUrl}/#/pages/job-detail/index?id=hj99999`)
    const gone = page.locator('#job-detail-not-found:visible')
    await gone.waitFor()
    await expect(gone.innerText()).resolves.toContain('岗位不存在或已下架')
  })
})

describe('the 我的 page', () => {
  it('switches to large text and logs in as a resident over the dev login', async () => {
    await page.goto(`${app.baseUrl}/#/pages/mine/index`)
    const sw = page.locator('#large-text-switch:visible')
    await sw.waitFor()
    const size = () =>
      page.locator('#mine-session:visible').evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize))
    const before = await size()
    await sw.click()
    await eventually(size, (n) => expect(n).toBeGreaterThan(before))

    await page.locator('#dev-role-resident:visible').click()
    await page.locator('#dev-login-button:visible').click()
    await eventually(
      () => page.locator('#mine-session:visible').innerText(),
      (t) => expect(t).toContain('居民'),
    )
    await page.screenshot({ path: join(SHOTS, 'mine.png') })
  })
})
