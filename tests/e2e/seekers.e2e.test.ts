/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { runJobPush } from '../../functions/contexts/seekers/job-push'
import { createLogger } from '../../functions/platform/logger'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { phoneWindow, pick, visible } from '../support/phone'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * 送岗位 in a real browser (issue 8), each person in their own phone-sized window: a unit
 * registers and posts a vacancy, the street officer verifies the unit and approves the
 * vacancy, a migrant worker back home registers as a returnee, the morning's job push runs,
 * and the returnee opens the pushed job from 消息 and taps 我要应聘 — the unit then sees them
 * among the applicants, with the phone masked.
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
// Monday 16 November 2026, 09:00 in Hai'an: before the 10:00 push.
const MORNING = new Date('2026-11-16T01:00:00.000Z')
// 10:05, when the day's push has run.
const PUSH_TIME = new Date('2026-11-16T02:05:00.000Z')

const EMPLOYER = { openid: 'e2e-seek-unit', role: 'employer' }
const STREET = { openid: 'e2e-seek-street', role: 'street', region: '320621100' }
const RESIDENT = { openid: 'e2e-seek-returnee', role: 'resident' }

const UNIT = {
  name: '海安恒达物流有限公司',
  // A valid unified social credit code (its check character agrees), made up for tests.
  creditCode: '91320621MA1XYW1234',
  contact: '王经理',
  phone: '13912340000',
}
const VACANCY_TITLE = '仓管员'

let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp({ staticDir: H5_DIR, now: MORNING })
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

const windowFor = (who: { openid: string; role: string; region?: string }) => phoneWindow(browser, app, who)
const open = async (page: Page, hash: string) => page.goto(`${app.baseUrl}/#${hash}`)
const click = async (page: Page, selector: string) => visible(page, selector).click()
const fill = async (page: Page, selector: string, text: string) => visible(page, selector).fill(text)
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400) // pages slide in, toasts fade
  await page.screenshot({ path: join(SHOTS, `seekers-${name}.png`) })
}

/** Retry a check on what the page or the server says until it holds or time runs out. */
const eventually = async (check: () => Promise<void>, timeout = 10_000) => {
  const end = Date.now() + timeout
  for (;;) {
    try {
      return await check()
    } catch (err) {
      if (Date.now() > end) throw err
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

let unitId: string
let vacancyId: string

it('a unit registers and sends a vacancy for review', async () => {
  const unit = await windowFor(EMPLOYER)
  await open(unit, '/pages/mine/index')
  await click(unit, '#mine-entry-unit')
  await visible(unit, '#unit-form').waitFor()
  await fill(unit, '#unit-name input', UNIT.name)
  await fill(unit, '#unit-code input', UNIT.creditCode.toLowerCase()) // the field upper-cases it
  await pick(unit, '#unit-town', ['海安镇'])
  await fill(unit, '#unit-contact input', UNIT.contact)
  await fill(unit, '#unit-phone input', UNIT.phone)
  await shot(unit, 'unit-form')
  await click(unit, '#unit-submit')
  await visible(unit, '#unit-pending').waitFor()
  await expect(visible(unit, '#unit-status').innerText()).resolves.toBe('待核验')
  await expect(visible(unit, '#unit-card').innerText()).resolves.toContain(UNIT.creditCode)
  await shot(unit, 'unit-pending')
  const mine = await call(app, 'GET', '/api/me/employer', { token: await devLogin(app, EMPLOYER) })
  unitId = mine.body.id

  // 岗位管理 → 发布新岗位.
  await click(unit, '#unit-go-vacancies')
  await click(unit, '#vacancies-new')
  await visible(unit, '#vacancy-form').waitFor()
  await fill(unit, '#vacancy-title input', VACANCY_TITLE)
  await pick(unit, '#vacancy-category', ['物流运输'])
  await fill(unit, '#vacancy-count input', '2')
  await fill(unit, '#vacancy-salary-min input', '5000')
  await fill(unit, '#vacancy-salary-max input', '6500')
  await pick(unit, '#vacancy-town', ['海安镇'])
  await fill(unit, '#vacancy-description textarea', '负责仓库收发货和盘点，常白班，包午餐。')
  await visible(unit, '#vacancy-form')
    .locator('.form-field')
    .filter({ hasText: '任职要求' })
    .locator('input')
    .fill('会开叉车，有仓库工作经验')
  // The validity defaults to sixty days from today.
  await expect(visible(unit, '#vacancy-valid .form-select').innerText()).resolves.toContain('2027-01-15')
  await shot(unit, 'vacancy-form')
  await click(unit, '#vacancy-submit')
  await visible(unit, '#vacancy-pending').waitFor()
  await expect(visible(unit, '#vacancy-status').innerText()).resolves.toBe('待审核')
  await shot(unit, 'vacancy-pending')
  const list = await call(app, 'GET', '/api/vacancies', { token: await devLogin(app, EMPLOYER) })
  expect(list.body.items).toHaveLength(1)
  vacancyId = list.body.items[0].id
  expect(list.body.items[0]).toMatchObject({
    title: VACANCY_TITLE,
    category: 'logistics',
    count: 2,
    salaryMin: 5000,
    salaryMax: 6500,
    region: '320621100',
    requirements: ['会开叉车', '有仓库工作经验'],
  })
  await unit.context().close()
})

it('the street officer verifies the unit and approves the vacancy, which goes on the job board', async () => {
  const street = await windowFor(STREET)
  await open(street, '/pages/mine/index')
  await click(street, '#mine-entry-employer-desk')
  // The vacancy waits first; the unit behind it is not verified yet.
  await visible(street, `#desk-vacancy-${vacancyId}`).waitFor()
  await expect(visible(street, `#desk-vacancy-${vacancyId}`).innerText()).resolves.toContain(UNIT.name)
  await click(street, '#employers-desk-tab-pending-units')
  await click(street, `#desk-unit-verify-${unitId}`)
  await fill(street, '#desk-unit-reason textarea', '已核对营业执照原件')
  await click(street, '#desk-unit-submit')
  await visible(street, `#desk-unit-${unitId}`).waitFor({ state: 'detached' })
  await visible(street, '#employers-desk-empty').waitFor()
  await shot(street, 'desk-unit-verified')

  await click(street, '#employers-desk-tab-vacancies')
  await click(street, `#desk-vacancy-${vacancyId}`)
  await visible(street, '#vacancy-card').waitFor()
  await expect(visible(street, '#vacancy-status').innerText()).resolves.toBe('待审核')
  await click(street, '#vacancy-review-approve')
  await fill(street, '#vacancy-review-reason textarea', '已电话核实岗位真实')
  await shot(street, 'vacancy-review')
  await click(street, '#vacancy-review-submit')
  await eventually(async () => expect(await visible(street, '#vacancy-status').innerText()).toBe('已发布'))
  await shot(street, 'vacancy-published')
  // Back on the desk, the reviewed vacancy has left the queue.
  await street.goBack()
  await visible(street, '#employers-desk-empty').waitFor()

  const board = await call(app, 'GET', `/api/jobs?q=${encodeURIComponent(VACANCY_TITLE)}`)
  expect(board.body.items.map((j: { id: string; title: string }) => [j.id, j.title])).toEqual([
    [vacancyId, VACANCY_TITLE],
  ])
  await street.context().close()
})

it('a migrant worker back home registers as a returnee', async () => {
  // They bound their identity before: in flexible work, so not yet a job seeker the push serves.
  const token = await devLogin(app, RESIDENT)
  const me = await putMe(app, {
    token,
    body: aResident({
      name: '张晓明',
      employmentStatus: 'flexible',
      employmentSince: '2026-10-01',
      skills: ['叉车', '电工'],
      jobWishes: { occupations: ['仓管'], places: ['海安镇'], expectedPay: 5000 },
    }),
  })
  expect(me.status).toBe(200)

  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/mine/index')
  await click(resident, '#mine-entry-returnee')
  await visible(resident, '#returnee-form').waitFor()
  // The skills already in the profile are offered.
  await expect(visible(resident, '#returnee-skills input').inputValue()).resolves.toBe('叉车、电工')
  await pick(resident, '#returnee-date', ['2026年', '11月', '02日'])
  await expect(visible(resident, '#returnee-date .form-select').innerText()).resolves.toContain('2026-11-02')
  await fill(resident, '#returnee-place input', '苏州工业园区')
  await fill(resident, '#returnee-job input', '电子厂仓库管理员')
  await click(resident, '#returnee-local-yes')
  await shot(resident, 'returnee-form')
  await click(resident, '#returnee-submit')
  const done = visible(resident, '#returnee-done')
  await done.waitFor()
  await expect(done.innerText()).resolves.toContain('已登记，等待社区确认')
  await shot(resident, 'returnee-done')

  const after = await call(app, 'GET', '/api/me', { token })
  expect(after.body.returnee).toMatchObject({
    returnedAt: '2026-11-02',
    lastWorkplace: '苏州工业园区',
    wantsLocalWork: true,
    skills: ['叉车', '电工'],
  })
  await resident.context().close()
})

it('the morning push reaches the returnee, who opens the job from 消息 and applies', async () => {
  app.clock.set(PUSH_TIME)
  const run = await runJobPush(app.deps, app.clock.now(), createLogger({ test: 'e2e-seekers' }), 'manual')
  expect(run).toMatchObject({ day: '2026-11-16', seekers: 1, pushed: 1, messaged: 1 })

  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/mine/index')
  // 我的 shows one unread message.
  await expect(visible(resident, '#mine-entry-inbox-badge').innerText()).resolves.toBe('1')
  await click(resident, '#mine-entry-inbox')
  const message = visible(resident, '.inbox-item').filter({ hasText: '为你推荐 1 个岗位' })
  await message.waitFor()
  const text = await message.innerText()
  expect(text).toContain(`${VACANCY_TITLE}（${UNIT.name}，5000-6500 元/月）`)
  expect(text).toContain('查看岗位 ›')
  await expect(visible(resident, '#inbox-unread').innerText()).resolves.toBe('1 条未读')
  await shot(resident, 'inbox')

  await message.click()
  const title = visible(resident, '#job-detail-title')
  await title.waitFor()
  await expect(title.innerText()).resolves.toBe(VACANCY_TITLE)
  await expect(visible(resident, '.detail__employer').innerText()).resolves.toBe(UNIT.name)
  // Why it was pushed to them, on the job itself, in their words.
  const why = visible(resident, '#job-detail-why')
  await expect(why.innerText()).resolves.toContain('为什么推荐给您')
  await expect(why.innerText()).resolves.toMatch(/意向|技能|所在/)
  await shot(resident, 'job-detail')
  await click(resident, '#job-detail-apply')
  const sheet = visible(resident, '.sheet')
  await sheet.waitFor()
  await expect(sheet.innerText()).resolves.toContain(`应聘“${VACANCY_TITLE}”`)
  await shot(resident, 'apply-sheet')
  await click(resident, '#job-apply-submit') // the phone stays masked: the switch is left off
  const applied = visible(resident, '#job-detail-applied')
  await applied.waitFor()
  await expect(applied.innerText()).resolves.toContain('已报名，等待单位联系')
  await shot(resident, 'applied')

  // The unit sees them among the applicants, found through the push, the phone masked.
  const unit = await devLogin(app, EMPLOYER)
  const applicants = await call(app, 'GET', `/api/vacancies/${vacancyId}/interests`, { token: unit })
  expect(applicants.status).toBe(200)
  expect(applicants.body.items).toHaveLength(1)
  expect(applicants.body.items[0]).toMatchObject({
    name: '张晓明',
    phone: '139****5678',
    phoneShared: false,
    source: 'push',
    status: 'interested',
  })
  // Opening the message marked it read.
  const token = await devLogin(app, RESIDENT)
  await eventually(async () => expect((await call(app, 'GET', '/api/inbox', { token })).body.unread).toBe(0))
  await resident.context().close()

  // And on the unit's own phone: 岗位管理 → the vacancy → 应聘人员.
  const employer = await windowFor(EMPLOYER)
  await open(employer, '/pages/mine/index')
  await click(employer, '#mine-entry-vacancies')
  await click(employer, `#vacancy-row-${vacancyId}`)
  const interestId = applicants.body.items[0].id
  const row = visible(employer, `#applicant-${interestId}`)
  await row.waitFor()
  await expect(row.innerText()).resolves.toContain('张晓明')
  await expect(row.innerText()).resolves.toContain('岗位推送')
  await expect(visible(employer, `#applicant-phone-${interestId}`).innerText()).resolves.toBe('139****5678')
  await row.scrollIntoViewIfNeeded()
  await shot(employer, 'applicants')
  await employer.context().close()
})
