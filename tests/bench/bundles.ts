/**
 * Function bundles: size and cold import time per function and deployment, from dist/ (built
 * first by `npm run build` if absent). A cold import is `require(index.js)` in a fresh Node
 * process, timed inside it, median of BENCH_IMPORT_RUNS; the floor is the same for an empty
 * module. Goal: ≤ 1 MB and ≤ 150 ms per function.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5)
const TARGETS = { cloudbase: join(ROOT, 'dist/functions'), 'api-gateway': join(ROOT, 'dist/api-gateway') }

const IMPORT = `
const t = process.hrtime.bigint()
require(process.argv[1])
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))
`

const importMs = (file: string) => {
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // STORE unset, as at a deployed cold start before the first request opens a store.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' }
    delete env.STORE
    samples.push(Number(execFileSync(process.execPath, ['-e', IMPORT, file], { env, encoding: 'utf8' })))
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
}

export const benchBundles = async () => {
  if (!Object.values(TARGETS).every(existsSync)) {
    console.log('\nbundles: building dist/ first (npm run build)')
    execFileSync('npx', ['tsx', 'scripts/build-functions.ts', '--no-load-check'], {
      cwd: ROOT,
      stdio: 'ignore',
    })
  }
  const empty = join(mkdtempSync(join(tmpdir(), 'pes-floor-')), 'empty.js')
  writeFileSync(empty, 'module.exports = {}\n')
  const floor = importMs(empty)
  console.log(
    `\nfunction bundles: size and cold import (median of ${RUNS}; floor, an empty module: ${floor.toFixed(1)} ms)\n`,
  )
  console.log('| function | CloudBase KiB | import ms | API gateway KiB | import ms |')
  console.log('| --- | --- | --- | --- | --- |')
  let worstSize = 0
  let worstImport = 0
  for (const name of readdirSync(TARGETS.cloudbase).sort()) {
    const cells = [name]
    for (const dir of Object.values(TARGETS)) {
      const file = join(dir, name, 'index.js')
      const size = statSync(file).size
      const ms = importMs(file)
      worstSize = Math.max(worstSize, size)
      worstImport = Math.max(worstImport, ms)
      cells.push((size / 1024).toFixed(0), ms.toFixed(0))
    }
    console.log(`| ${cells.join(' | ')} |`)
  }
  console.log(
    `\nlargest bundle ${(worstSize / 1024).toFixed(0)} KiB (goal ≤ 1,024), slowest cold import ${worstImport.toFixed(0)} ms (goal ≤ 150)`,
  )
}
