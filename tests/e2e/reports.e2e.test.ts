/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { type Browser, chromium } from 'playwright-core'
import { followupTasks, persons } from '../../functions/store/collections'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { phoneWindow, visible } from '../support/phone'
import { aPersonRecord } from '../support/registry'
import { startTestApp, type TestApp } from '../support/test-app'

/**
 * A street officer opens the last quarter's 一览表 in the app, downloads the workbook to send the
 * county, and looks at the chart of the last twelve months (issue 11).
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const STREET = { openid: 'e2e-rp-street', role: 'street', region: '320621100' }
let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR, now: new Date('2026-10-12T02:00:00.000Z') })
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
  const s = app.deps.store
  const groups = [
    { group: 'registered_unemployed', since: '2026-01-01', source: 'test' },
    { group: 'difficulty', since: '2026-03-01', source: 'test' },
  ] as never
  for (let i = 1; i <= 6; i++)
    await s.insert(
      persons,
      aPersonRecord(i, { name: `报表居民${i}`, keyGroups: i <= 2 ? groups : ([groups[0]] as never) }),
    )
  // A year of monthly follow-ups: most done, a few missed.
  const months = [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
  ]
  const tasks = months.flatMap((period, m) =>
    [1, 2, 3, 4, 5, 6].map((i) => ({
      id: `fu_${period.replace('-', '')}_${aPersonRecord(i).id}`,
      personId: aPersonRecord(i).id,
      personName: `报表居民${i}`,
      community: '320621100001',
      period,
      due: `${period}-20`,
      status: (i + m) % 5 === 0 ? ('missed' as const) : ('done' as const),
      priority: 0,
      reason: 'test',
      createdAt: `${period}-01T01:00:00.000Z`,
      doneAt: null,
      recordId: null,
    })),
  )
  await s.insertMany(followupTasks, tasks)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

it('opens the quarter’s 一览表, downloads the workbook and sees the last twelve months', async () => {
  const page = await phoneWindow(browser, app, STREET)
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/workbench/index`)
  await visible(page, '#workbench-link-reports').click()
  const summary = visible(page, '#reports-summary')
  await summary.waitFor()
  // Twelve days after a quarter ends, the quarter to send opens first: 2026年第三季度.
  await expect(visible(page, '#reports-quarter').innerText()).resolves.toContain('2026年第三季度')
  await expect(visible(page, '#reports-row-registered_unemployed').innerText()).resolves.toMatch(
    /登记失业人员\s+6\s+18/,
  )
  await expect(visible(page, '#reports-row-difficulty').innerText()).resolves.toMatch(/就业困难人员\s+2\s+6/)
  await expect(visible(page, '#reports-stamp').innerText()).resolves.toContain('2026-07-01 至 2026-09-30')
  await page.screenshot({ path: join(SHOTS, 'reports-quarterly.png') })

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    visible(page, '#reports-download').click(),
  ])
  expect(download.suggestedFilename()).toBe('服务重点群体情况一览表_海安镇_2026Q3.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile((await download.path())!)
  const sheet = wb.getWorksheet('一览表')!
  expect(sheet.getCell('A1').value).toBe('服务重点群体情况一览表')
  expect(sheet.getCell('B6').value).toBe(6)
  expect((sheet.getCell('B12').value as { result: number }).result).toBe(8)
  expect(wb.getWorksheet('明细表')!.getCell('B5').value).toBe('报表居民1')

  await visible(page, '#reports-tab-trends').click()
  const chart = visible(page, '#reports-chart-followups')
  await chart.waitFor()
  const labels = await chart.locator('.chart__label').allInnerTexts()
  // The twelve months ending with this one (October 2026).
  expect(labels).toEqual([
    '11月',
    '12月',
    '1月',
    '2月',
    '3月',
    '4月',
    '5月',
    '6月',
    '7月',
    '8月',
    '9月',
    '10月',
  ])
  // September: six due, the one missed drawn in red above the done.
  expect(await chart.locator('.chart__col').nth(10).locator('.chart__part--bad').count()).toBe(1)
  await chart.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'reports-trends.png') })
})
