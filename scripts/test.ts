/**
 * `npm test`: every test project this machine can run, and a plain line for each it can't.
 *
 * Browser tests need Chromium (/usr/bin/chromium, or CHROMIUM_PATH); without it they are left
 * out with a line saying so — except in CI (CI=true), where they are required. The store
 * contract runs on PGlite, on the local CloudBase service through the real SDK, on PostgreSQL when
 * TEST_DATABASE_URL is set and on a real CloudBase environment with credentials; the
 * integration-cloudbase project runs the cross-document chains through the SDK too.
 * Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const inCi = process.env.CI === 'true'
const args = process.argv.slice(2)
const projects = ['unit', 'integration', 'integration-cloudbase', 'contract', 'e2e']

if (!existsSync(chromium)) {
  if (inCi) {
    console.error(`CI requires Chromium for the browser tests; not found at ${chromium}`)
    process.exit(1)
  }
  projects.pop()
  console.log(`skipped: browser tests (no Chromium at ${chromium}; apt-get install chromium fonts-noto-cjk)`)
}
if (!process.env.TEST_DATABASE_URL)
  console.log('skipped: store contract on PostgreSQL (no TEST_DATABASE_URL)')
if (!(process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY)) {
  console.log(
    'skipped: store contract on CloudBase (no CloudBase credentials: TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY)',
  )
}

const selecting = args.includes('--selectProjects')
const run = spawnSync('npx', ['jest', ...(selecting ? [] : ['--selectProjects', ...projects]), ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // PGlite loads its WASM with a dynamic import, which Jest only allows with VM modules.
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  },
})
process.exit(run.status ?? 1)
