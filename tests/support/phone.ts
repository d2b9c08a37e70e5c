/// <reference lib="dom" />
import type { Browser, Locator, Page } from 'playwright-core'
import { devLogin, type TestApp } from './test-app'

/**
 * A resident's or officer's phone in the browser tests: a 375×667 window logged in through the
 * dev login, and the ways a finger uses the H5 build.
 */

/**
 * A phone-sized window already logged in as `who`, its clock on the server's (date pickers end
 * on the phone's today, and the server refuses dates after its own).
 */
export const phoneWindow = async (
  browser: Browser,
  app: TestApp,
  who: { openid: string; role: string; region?: string },
): Promise<Page> => {
  const token = await devLogin(app, who)
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } })
  await context.clock.install({ time: app.clock.now() })
  await context.addInitScript(
    (t) => localStorage.setItem('session.token', JSON.stringify({ data: t })),
    token,
  )
  const page = await context.newPage()
  page.on('pageerror', (err) => process.stdout.write(`[page error] ${err.message}\n`))
  return page
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only ever touch what is on screen. */
export const visible = (page: Page, selector: string): Locator => page.locator(`${selector}:visible`).first()

const ROW = 34 // a picker row, in px

/**
 * Open the picker whose box is `selector` and turn each wheel to the given label, as a finger
 * does: tap a row above or below the indicator (at most three away) until the label sits in it.
 */
export const pick = async (page: Page, selector: string, labels: string[]) => {
  await visible(page, `${selector} .form-select`).click()
  const sheet = page.locator('.weui-picker:visible')
  await sheet.waitFor()
  await page.waitForTimeout(400) // the sheet slides up
  for (const [column, label] of labels.entries()) {
    const wheel = sheet.locator('.weui-picker__group').nth(column)
    const indicator = (await wheel.locator('.weui-picker__indicator').boundingBox())!
    const middle = indicator.y + indicator.height / 2
    for (let turns = 0; ; turns++) {
      const row = (await wheel.locator('.weui-picker__item').getByText(label, { exact: true }).boundingBox())!
      const off = row.y + row.height / 2 - middle
      if (Math.abs(off) < ROW / 2) break
      if (turns > 40) throw new Error(`could not turn the picker to ${label}`)
      const step = Math.sign(off) * Math.min(Math.abs(off), 3 * ROW)
      await page.mouse.click(indicator.x + indicator.width / 2, middle + step)
      await page.waitForTimeout(350) // the wheel settles
    }
  }
  await sheet.getByText('确定', { exact: true }).click()
  await sheet.waitFor({ state: 'hidden' })
}
