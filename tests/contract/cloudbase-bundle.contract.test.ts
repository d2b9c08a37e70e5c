import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { type LocalCloudBase, startLocalCloudBase } from '../../functions/local/cloudbase-service'

/**
 * The CloudBase build leaves parts of its SDK out (scripts/lib/bundle-plugins.cjs) and loads
 * exceljs from a chunk. Bundled the way `npm run build` bundles a function, the code a function
 * runs must still reach the database and storage through the SDK, and still write a workbook.
 */
const ROOT = resolve(__dirname, '../..')
const { pluginsFor, LAZY_CHUNKS } = createRequire(__filename)(
  join(ROOT, 'scripts/lib/bundle-plugins.cjs'),
) as {
  pluginsFor(target: string, opts?: { chunks?: boolean }): Plugin[]
  LAZY_CHUNKS: Record<string, string>
}

let dir: string
let service: LocalCloudBase
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pes-bundle-'))
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'silent',
  } as const
  await build({
    ...common,
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'tests/support/bundle-probe.ts')],
    outfile: join(dir, 'index.js'),
    external: ['@electric-sql/pglite', 'pg-native'],
    plugins: pluginsFor('cloudbase', { chunks: true }),
  })
  await build({
    ...common,
    absWorkingDir: ROOT,
    stdin: { contents: "module.exports = require('exceljs')", resolveDir: ROOT },
    outfile: join(dir, LAZY_CHUNKS.exceljs!),
    plugins: pluginsFor('cloudbase'),
  })
  service = await startLocalCloudBase()
}, 120_000)
afterAll(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

it('reads, writes, commits a transaction and keeps a file through the trimmed SDK, and writes a workbook from its chunk', async () => {
  // The bundle carries no pg and no CloudBase AI client.
  expect(statSync(join(dir, 'index.js')).size).toBeLessThan(1024 * 1024)
  const { probe } = createRequire(__filename)(join(dir, 'index.js')) as {
    probe(url: string): Promise<Record<string, unknown>>
  }
  expect(await probe(service.url)).toEqual({
    titles: ['事务内修改'],
    back: 'probe bytes',
    gone: null,
    xlsxMagic: 'PK',
  })
})
