/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { seedPolicyCatalogue } from '../../functions/contexts/policies/seed-catalogue'
import { createLogger } from '../../functions/platform/logger'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * 应知尽知 in a real browser: a resident certified as an employment-difficulty person (through
 * the whole chain: registration, certification, public notice, county decision) opens 政策, sees
 * the social insurance subsidy as 可享受 with the reason per condition, is told about it in the
 * inbox, taps through to a prefilled application and submits it; the coordinator's 应享未享 list
 * and a county officer's new policy complete the picture.
 */
jest.setTimeout(150_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
let app: TestApp
let browser: Browser

const RESIDENT = { openid: 'e2e-pol-resident', role: 'resident' }
const COORDINATOR = { openid: 'e2e-pol-coord', role: 'coordinator', region: '320621100001' }
const STREET = { openid: 'e2e-pol-street', role: 'street', region: '320621100' }
const COUNTY = { openid: 'e2e-pol-county', role: 'county', region: '320621' }

beforeAll(async () => {
  // Monday 16 November 2026, 10:00 in Hai'an.
  app = await startTestApp({ staticDir: H5_DIR, now: new Date('2026-11-16T02:00:00.000Z') })
  await seedPolicyCatalogue(app.deps.store, app.clock.now(), createLogger({ test: 'e2e-policies' }))
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

const windowFor = async (who: { openid: string; role: string; region?: string }): Promise<Page> => {
  const token = await devLogin(app, who)
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } })
  await context.addInitScript(
    (t) => localStorage.setItem('session.token', JSON.stringify({ data: t })),
    token,
  )
  const page = await context.newPage()
  page.on('pageerror', (err) => process.stdout.write(`[page error] ${err.message}\n`))
  return page
}
const open = async (page: Page, hash: string) => page.goto(`${app.baseUrl}/#${hash}`)
const click = async (page: Page, selector: string) => page.locator(`${selector}:visible`).first().click()
const approve = async (who: typeof COORDINATOR, id: string) => {
  const res = await call(app, 'POST', `/api/reviews/${id}`, {
    token: await devLogin(app, who),
    body: { decision: 'approve' },
  })
  expect(res.status).toBe(200)
  return res.body
}

/** Registration and difficulty certification, each through its whole chain, over the API. */
const certify = async (token: string) => {
  const reg = await call(app, 'POST', '/api/applications', {
    token,
    body: {
      type: 'unemployment_registration',
      data: { unemployedSince: '2026-06-01', reason: 'business_closed', hukou: 'local_urban' },
      idempotencyKey: 'e2e-pol-reg-1',
    },
  })
  await approve(COORDINATOR, reg.body.id)
  await approve(STREET, reg.body.id)
  const cert = await call(app, 'POST', '/api/applications', {
    token,
    body: {
      type: 'difficulty_certification',
      data: { category: 'age_4050', statement: '今年五十二岁，原纺织厂关闭后只能打零工。' },
      idempotencyKey: 'e2e-pol-cert-1',
    },
  })
  await approve(COORDINATOR, cert.body.id) // the public notice starts
  app.clock.set(new Date('2026-11-30T02:00:00.000Z')) // past its five working days
  await app.host.runJob('public-notice-close', app.clock.now())
  await approve(STREET, cert.body.id)
  const done = await approve(COUNTY, cert.body.id)
  expect(done.status).toBe('approved')
  expect(done.result.cardNumber).toBeTruthy()
}

it('a certified difficulty person sees the social insurance subsidy with its reasons and applies for it prefilled', async () => {
  // Prepare: the resident works flexibly (their first report), then is certified.
  const token = await devLogin(app, RESIDENT)
  const me = await putMe(app, {
    token,
    body: aResident({
      name: '顾建华',
      employmentStatus: 'flexible',
      employmentSince: '2026-10-01',
      hukou: 'local_urban',
    }),
  })
  expect(me.status).toBe(200)
  await certify(token)
  const run = await app.host.runJob('policy-match', app.clock.now())
  expect(Number(run.notified)).toBeGreaterThanOrEqual(1)

  // The 政策 tab: what applies to me first, each with a verdict and the reason per condition.
  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/policies/index')
  const card = resident.locator('#policy-card-pol_si_subsidy_difficulty:visible')
  await card.waitFor()
  await expect(card.locator('#policy-verdict-pol_si_subsidy_difficulty').innerText()).resolves.toBe('可享受')
  const reasons = await card.locator('.reason').allInnerTexts()
  expect(reasons.map((r) => r.replace(/\s+/g, ''))).toEqual(['✓已认定为就业困难人员', '✓当前为灵活就业'])
  await resident.screenshot({ path: join(SHOTS, 'policies-mine.png') })

  // The inbox told them.
  await open(resident, '/pages/inbox/index')
  await resident
    .locator('.inbox-item:visible')
    .filter({ hasText: '就业困难人员社会保险补贴' })
    .first()
    .waitFor()
  await resident.screenshot({ path: join(SHOTS, 'policies-inbox.png') })

  // One tap from the policy to a prefilled application.
  await open(resident, '/pages/policies/index')
  await click(resident, '#policy-next-pol_si_subsidy_difficulty')
  await resident.locator('#apply-identity:visible').waitFor()
  await click(resident, '#apply-next')
  await resident.locator('#apply-prefilled:visible').waitFor()
  await expect(
    resident.locator('#field-employmentType-flexible:visible').getAttribute('class'),
  ).resolves.toMatch(/chip--on/)
  await click(resident, '#field-insuredFrom .form-select')
  await resident.getByText('确定').locator('visible=true').first().click()
  await resident.locator('#field-months:visible input').fill('3')
  await resident.waitForTimeout(500) // let the month picker close before the picture
  await resident.screenshot({ path: join(SHOTS, 'policies-apply-prefilled.png') })
  await click(resident, '#apply-next')
  await resident.locator('#apply-materials:visible').waitFor()
  await click(resident, '#apply-next')
  await click(resident, '#apply-submit')
  await resident.locator('#apply-success:visible').waitFor()
  await resident.locator('#application-status:visible').waitFor()

  const mine = await call(app, 'GET', '/api/applications', { token: await devLogin(app, RESIDENT) })
  const si = mine.body.items.find((a: { type: string }) => a.type === 'social_insurance_subsidy')
  expect(si.data).toMatchObject({ employmentType: 'flexible', months: 3 })
  expect(si.status).toBe('community_review')
  // Back on the policy: the next step is now to follow the application.
  await open(resident, '/pages/policy/index?id=pol_si_subsidy_difficulty')
  await expect(resident.locator('#policy-next:visible').innerText()).resolves.toBe('查看办理进度')
  await resident.waitForTimeout(500) // the page slides in
  await resident.screenshot({ path: join(SHOTS, 'policy-detail-applied.png') })
  await resident.context().close()
})

it('the coordinator briefs a new assistance-card holder from the 应享未享 list', async () => {
  const coord = await windowFor(COORDINATOR)
  await open(coord, '/packages/staff/pages/unenjoyed/index')
  const item = coord.locator('.list-item:visible').filter({ hasText: '就业援助卡持卡人优先服务' }).first()
  await item.waitFor()
  await item.getByText('记录宣讲').click()
  await click(coord, '#brief-submit') // no channel chosen
  await coord.locator('.form-field__error:visible').getByText('请选择宣讲方式').waitFor()
  await click(coord, '#brief-channel-home_visit')
  await click(coord, '#brief-submit')
  await coord
    .locator('.list-item:visible')
    .filter({ hasText: '就业援助卡持卡人优先服务' })
    .waitFor({ state: 'detached' })
  await coord.screenshot({ path: join(SHOTS, 'unenjoyed-briefed.png') })
  await click(coord, '#unenjoyed-tab-briefed')
  await coord.locator('.list-item:visible').filter({ hasText: '上门走访宣讲' }).first().waitFor()
  await coord.context().close()
})

it('a county officer drafts and publishes a policy in the editor; a resident can read it', async () => {
  const county = await windowFor(COUNTY)
  await open(county, '/packages/staff/pages/policy-edit/index')
  await county.locator('#policy-title-input:visible input').fill('就业困难人员交通补贴')
  await county
    .locator('#policy-summary-input:visible textarea')
    .fill('就业困难人员在县内灵活就业的，按月发放交通补贴。')
  await click(county, '#policy-save')
  await county.locator('#policy-edit-status:visible').getByText('草稿').waitFor()
  await county.locator('#rule-preview:visible').getByText('属于就业困难人员').waitFor()
  await county.screenshot({ path: join(SHOTS, 'policy-editor.png') })
  await click(county, '#policy-publish')
  // The confirmation dialog (appended last to the page) has its own 发布 button.
  await county.getByText('发布', { exact: true }).locator('visible=true').last().click()
  await county.locator('#policy-edit-status:visible').getByText('已发布').waitFor()
  const list = await call(app, 'GET', '/api/policies')
  expect(list.body.items.map((p: { title: string }) => p.title)).toContain('就业困难人员交通补贴')
  await county.context().close()
})
