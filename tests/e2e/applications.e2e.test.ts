/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aPng } from '../support/images'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * The certification chain in a real browser, each person in their own browser window: the
 * resident applies, the coordinator approves, the public notice shows the masked name, time
 * moves past the notice, the street office and the county approve, and the resident sees the
 * card number.
 */
jest.setTimeout(120_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const PNG = aPng()
let app: TestApp
let browser: Browser

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 in Hai'an.
  app = await startTestApp({ staticDir: H5_DIR, now: new Date('2026-11-23T02:00:00.000Z') })
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

/** A phone-sized window already logged in as `who` (the app keeps its token in storage). */
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

const RESIDENT = { openid: 'e2e-resident', role: 'resident' }
const COORDINATOR = { openid: 'e2e-coordinator', role: 'coordinator', region: '320621100001' }
const STREET = { openid: 'e2e-street', role: 'street', region: '320621100' }
const COUNTY = { openid: 'e2e-county', role: 'county', region: '320621' }

const statusOf = async (id: string) => {
  const token = await devLogin(app, RESIDENT)
  return (await call(app, 'GET', `/api/applications/${id}`, { token })).body
}
const eventually = async (check: () => Promise<void>, timeout = 15_000) => {
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

/** Approve the oldest item of a staff member's queue at `stage`, through the review pages. */
const approveInQueue = async (who: typeof COORDINATOR, stage: string, id: string, shot?: string) => {
  const page = await windowFor(who)
  await open(page, `/packages/staff/pages/reviews/index?stage=${stage}`)
  await click(page, `#review-item-${id}`)
  await page.locator('#review-applicant:visible').waitFor()
  await click(page, '#review-approve')
  await click(page, '#review-confirm')
  await eventually(async () => expect((await statusOf(id)).status).not.toBe(stage))
  if (shot) await page.screenshot({ path: join(SHOTS, shot) })
  await page.context().close()
}

it('takes a difficulty certification from application to assistance card', async () => {
  // Prepare: the resident has bound their identity and is registered as unemployed.
  const token = await devLogin(app, RESIDENT)
  await putMe(app, { token, body: aResident({ name: '张晓明' }) })
  const reg = await call(app, 'POST', '/api/applications', {
    token,
    body: {
      type: 'unemployment_registration',
      data: { unemployedSince: '2026-09-01', reason: 'business_closed', hukou: 'local_urban' },
      idempotencyKey: 'e2e-reg-00001',
    },
  })
  await call(app, 'POST', `/api/reviews/${reg.body.id}`, {
    token: await devLogin(app, COORDINATOR),
    body: { decision: 'approve' },
  })
  await call(app, 'POST', `/api/reviews/${reg.body.id}`, {
    token: await devLogin(app, STREET),
    body: { decision: 'approve' },
  })

  // The resident applies, step by step.
  const resident = await windowFor(RESIDENT)
  await open(resident, '/pages/apply/index?type=difficulty_certification')
  await click(resident, '#apply-next')
  await click(resident, '#field-category-age_4050')
  await resident
    .locator('#field-statement:visible textarea')
    .fill('今年五十一岁，原纺织厂关闭后一直没有找到工作。')
  await click(resident, '#apply-next')
  // Materials: a photo of the ID card, uploaded; the rest shown at the counter.
  const chooser = resident.waitForEvent('filechooser')
  await click(resident, '#material-upload-id_card')
  await (await chooser).setFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG })
  await resident.locator('#material-id_card:visible').getByText('已上传：身份证.png').waitFor()
  await resident.screenshot({ path: join(SHOTS, 'apply-materials.png') })
  await click(resident, '#apply-next')
  await resident.screenshot({ path: join(SHOTS, 'apply-summary.png') })
  await click(resident, '#apply-submit')
  await resident.locator('#apply-success:visible').waitFor()
  await resident.screenshot({ path: join(SHOTS, 'apply-success.png') })
  // The success screen moves on to the application by itself; let it, so it cannot replace a
  // page this test opens next.
  await resident.locator('#application-status:visible').waitFor()
  const mine = await call(app, 'GET', '/api/applications', { token })
  const cert = mine.body.items.find((a: { type: string }) => a.type === 'difficulty_certification')
  expect(cert.status).toBe('community_review')
  expect(cert.materials.map((m: { key: string; name: string }) => [m.key, m.name])).toEqual([
    ['id_card', '身份证.png'],
  ])

  // The coordinator approves the first review; the notice starts.
  await approveInQueue(COORDINATOR, 'community_review', cert.id, 'review-done.png')
  expect((await statusOf(cert.id)).status).toBe('public_notice')

  // Anyone can read the notice: masked name, type, end date.
  await open(resident, '/pages/notices/index?community=320621100001')
  const item = resident.locator(`#notice-item-${cert.id}:visible`)
  await item.waitFor()
  const text = await item.innerText()
  expect(text).toContain('张*明')
  expect(text).toContain('就业困难人员认定')
  expect(text).not.toContain('张晓明')
  await resident.screenshot({ path: join(SHOTS, 'public-notice.png') })

  // Five working days pass without objection.
  app.clock.set(new Date('2026-11-30T16:30:00.000Z'))
  expect(await app.host.runJob('public-notice-close', app.clock.now())).toEqual({ closed: 1 })

  await approveInQueue(STREET, 'street_review', cert.id)
  expect((await statusOf(cert.id)).status).toBe('county_decision')
  await approveInQueue(COUNTY, 'county_decision', cert.id)
  expect((await statusOf(cert.id)).status).toBe('approved')

  // The resident sees the card number.
  const done = await windowFor(RESIDENT)
  await open(done, `/pages/application/index?id=${cert.id}`)
  const result = done.locator('#application-result:visible')
  await result.waitFor()
  expect(await result.innerText()).toMatch(/3206212026\d{6}[\dX]/)
  await done.screenshot({ path: join(SHOTS, 'application-approved.png') })
})
