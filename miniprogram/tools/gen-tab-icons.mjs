/**
 * Render the tab bar icons (81×81 PNG, as WeChat recommends) from the SVG outlines below.
 *
 *   node miniprogram/tools/gen-tab-icons.mjs [name ...]   # all icons, or only the named ones
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH). The PNGs are committed; rerun only
 * after changing a shape or a colour.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', 'src', 'assets', 'tabbar')
const COLORS = { normal: '#8a9099', active: '#d4380d' }

const SHAPES = {
  home: '<path d="M7 23 L24 9 L41 23"/><path d="M12 20 V39 H36 V20"/><path d="M20 39 V29 H28 V39"/>',
  jobs: '<rect x="7" y="15" width="34" height="24" rx="4"/><path d="M18 15 V12 a3 3 0 0 1 3 -3 h6 a3 3 0 0 1 3 3 V15"/><path d="M7 25 H41"/>',
  policies:
    '<path d="M12 7 H30 L37 14 V41 H12 Z"/><path d="M30 7 V14 H37"/><path d="M18 22 H31"/><path d="M18 29 H31"/><path d="M18 36 H25"/>',
  services:
    '<rect x="10" y="10" width="28" height="31" rx="4"/><path d="M19 7 H29 V13 H19 Z"/><path d="M17 23 L22 28 L31 19"/><path d="M17 34 H31"/>',
  mine: '<circle cx="24" cy="17" r="8"/><path d="M9 41 c0 -8 7 -13 15 -13 s15 5 15 13"/>',
}

const svg = (shape, color) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 48 48" fill="none" stroke="${color}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`

mkdirSync(outDir, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
const only = process.argv.slice(2)
for (const [name, shape] of Object.entries(SHAPES)) {
  if (only.length > 0 && !only.includes(name)) continue
  for (const [state, color] of Object.entries(COLORS)) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg(shape, color)}</body></html>`,
    )
    const file = join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`)
    await page.locator('svg').screenshot({ path: file, omitBackground: true })
    console.log('wrote', file)
  }
}
await browser.close()
