/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { H5_DIR, ROOT } from '../../scripts/lib/h5-build'
import { aResident } from '../support/people'
import { phoneWindow, visible } from '../support/phone'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * A neighbour objects to a public notice; the street officer reads what the objection says on the
 * review page (not who made it), can't settle it without writing what the check found, and with
 * a finding sends it back to the notice (issue 10).
 */
jest.setTimeout(180_000)

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
const COORD = { openid: 'e2e-obj-coord', role: 'coordinator', region: '320621100001' }
const STREET = { openid: 'e2e-obj-street', role: 'street', region: '320621100' }
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

it('shows the street officer what an objection says and asks for a finding to settle it', async () => {
  const applicant = await devLogin(app, { openid: 'e2e-obj-applicant', role: 'resident' })
  await putMe(app, { token: applicant, body: aResident({ name: '孙建华' }) })
  const coord = await devLogin(app, COORD)
  const street = await devLogin(app, STREET)
  const submit = (type: string, data: unknown, key: string) =>
    call(app, 'POST', '/api/applications', { token: applicant, body: { type, data, idempotencyKey: key } })
  const reg = await submit(
    'unemployment_registration',
    { unemployedSince: '2026-09-01', reason: 'contract_ended', hukou: 'local_urban' },
    'e2e-obj-reg-01',
  )
  for (const token of [coord, street])
    await call(app, 'POST', `/api/reviews/${reg.body.id}`, { token, body: { decision: 'approve' } })
  const cert = await submit(
    'difficulty_certification',
    { category: 'long_term_unemployed', statement: '连续失业一年以上，多次求职未成功。' },
    'e2e-obj-cert-1',
  )
  await call(app, 'POST', `/api/reviews/${cert.body.id}`, { token: coord, body: { decision: 'approve' } })
  const neighbour = await devLogin(app, { openid: 'e2e-obj-neighbour', role: 'resident' })
  await putMe(app, { token: neighbour, body: aResident({ name: '周邻居' }) })
  const objected = await call(app, 'POST', `/api/public-notices/${cert.body.id}/objections`, {
    token: neighbour,
    body: { reason: '据了解其已在曲塘镇一家电子厂上班' },
  })
  expect(objected.status).toBe(200)

  const page = await phoneWindow(browser, app, STREET)
  await page.goto(`${app.baseUrl}/#/packages/staff/pages/review/index?id=${cert.body.id}`)
  const objections = visible(page, '#review-objections')
  await objections.getByText('据了解其已在曲塘镇一家电子厂上班').waitFor()
  await expect(objections.innerText()).resolves.not.toContain('周邻居')
  await objections.scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, 'objection-review.png') })

  await visible(page, '#review-approve').click()
  await visible(page, '#review-confirm').click() // no finding written
  await expect(visible(page, '.sheet').innerText()).resolves.toContain('请写明异议的核实情况')
  await visible(page, '#review-reason textarea').fill('经电话核实，该厂未录用本人，异议不成立')
  await visible(page, '#review-confirm').click()
  await page.getByText('已处理', { exact: false }).first().waitFor()
  const after = await call(app, 'GET', `/api/applications/${cert.body.id}`, { token: street })
  expect(after.body.status).toBe('public_notice')
})
