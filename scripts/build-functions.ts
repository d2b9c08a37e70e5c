/**
 * Bundle every function in the manifest for deployment (`npm run build`).
 *
 *   npx tsx scripts/build-functions.ts [name ...] [--no-load-check]
 *
 * Each FUNCTIONS entry becomes one CommonJS bundle (node20, minified, with a source map) per
 * deployment, each carrying only what that deployment needs (scripts/lib/bundle-plugins.cjs):
 *   dist/functions/<name>/    CloudBase (handler index.main; cloudbaserc.json's functionRoot)
 *   dist/api-gateway/<name>/  an API-gateway function (handler index.handler), zipped as it is
 * serverless.yml bundles the API-gateway entries itself through serverless-esbuild with the same
 * options and plugins; keep BUILD_OPTIONS and custom.esbuild in step.
 *
 * Fails when an entry is missing, when PGlite (dev/test only) ends up inside a bundle or is
 * imported statically, when a bundle cannot be loaded in a folder with no node_modules (the
 * deployed situation) and without STORE set, or when a bundle is over BUNDLE_BUDGET.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild'
import { FUNCTIONS, type FunctionSpec } from '../functions/manifest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const { pluginsFor, LAZY_CHUNKS } = require('./lib/bundle-plugins.cjs') as {
  pluginsFor(target: BundleTarget, opts?: { chunks?: boolean }): Plugin[]
  LAZY_CHUNKS: Record<string, string>
}

export type BundleTarget = 'cloudbase' | 'api-gateway'
/** Where each deployment's bundles go. */
export const OUT_ROOTS: Record<BundleTarget, string> = {
  cloudbase: join(ROOT, 'dist', 'functions'),
  'api-gateway': join(ROOT, 'dist', 'api-gateway'),
}
/** Largest bundle (index.js) allowed: a cold start reads and compiles all of it. */
export const BUNDLE_BUDGET = 1024 * 1024

/** Dev/test-only or native modules: never bundled, never installed, never loaded at start-up. */
const EXTERNALS = ['@electric-sql/pglite', 'pg-native'] as const
const PGLITE = '@electric-sql/pglite'

const BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Minified: half the bytes to read and parse at a cold start; the map keeps stack traces.
  minify: true,
  external: [...EXTERNALS],
  // The map is for stack traces (NODE_OPTIONS=--enable-source-maps); sources would only add weight.
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

const fail = (message: string): never => {
  console.error(`\nbuild-functions: ${message}`)
  process.exit(1)
}

/** PGlite must be neither inside the bundle nor imported by a static import (a load-time require). */
const checkPglite = (fn: FunctionSpec, meta: Metafile): string[] => {
  const problems: string[] = []
  for (const [input, info] of Object.entries(meta.inputs)) {
    if (input.includes(`node_modules/${PGLITE}/`)) problems.push(`bundles ${input}`)
    for (const imp of info.imports) {
      if ((imp.path === PGLITE || imp.path.startsWith(`${PGLITE}/`)) && imp.kind !== 'dynamic-import') {
        problems.push(
          `${input} imports ${imp.path} statically (${imp.kind}); use await import() behind STORE=pglite`,
        )
      }
    }
  }
  return problems.map((p) => `${fn.name}: ${p}`)
}

/**
 * Require the bundle in a child process where every bare module specifier other than Node's own
 * fails to resolve, as in the deployed folder (which has no node_modules), with STORE and
 * DATABASE_URL unset. Catches a load-time require of an external (PGlite, pg-native).
 */
const LOAD_CHECK = `
const Module = require('node:module')
const builtins = new Set(${JSON.stringify(builtinModules)})
const original = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  const bare = !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')
  if (bare && !builtins.has(request) && !builtins.has(request.split('/')[0])) {
    const err = new Error('load-time require of "' + request + '", which is not in the bundle')
    err.code = 'MODULE_NOT_FOUND'
    throw err
  }
  return original.call(this, request, parent, ...rest)
}
const mod = require(process.argv[1])
if (process.argv[2] === 'chunk') return
const missing = ['handler', 'main'].filter((k) => typeof mod[k] !== 'function')
if (missing.length) throw new Error('does not export ' + missing.join(' and ') + ' as functions')
`

const loadCheck = (fn: FunctionSpec, file: string, entry = true): string | null => {
  const env = { ...process.env }
  delete env.STORE
  delete env.DATABASE_URL
  env.NODE_OPTIONS = ''
  try {
    execFileSync(process.execPath, ['-e', LOAD_CHECK, file, ...(entry ? [] : ['chunk'])], {
      cwd: dirname(file),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    })
    return null
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string }
    const stderr = e.stderr?.toString().trim() ?? ''
    return `${fn.name}: bundle fails to load without node_modules and STORE:\n${stderr || e.message}`
  }
}

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const skipLoadCheck = args.includes('--no-load-check')
  const only = args.filter((a) => !a.startsWith('--'))
  const unknown = only.filter((n) => !FUNCTIONS.some((f) => f.name === n))
  if (unknown.length) fail(`not in functions/manifest.ts: ${unknown.join(', ')}`)
  const selected = only.length ? FUNCTIONS.filter((f) => only.includes(f.name)) : FUNCTIONS

  const missing = selected.filter((f) => !existsSync(join(ROOT, f.entry)))
  if (missing.length) {
    fail(`missing entry modules:\n${missing.map((f) => `  ${f.name}: ${f.entry}`).join('\n')}`)
  }

  const problems: string[] = []
  const rows: string[] = []
  const chunks: string[] = []
  for (const target of Object.keys(OUT_ROOTS) as BundleTarget[]) {
    if (!only.length) rmSync(OUT_ROOTS[target], { recursive: true, force: true })
    for (const fn of selected) {
      const outDir = join(OUT_ROOTS[target], fn.name)
      rmSync(outDir, { recursive: true, force: true })
      mkdirSync(outDir, { recursive: true })
      const outfile = join(outDir, 'index.js')
      let meta: Metafile
      try {
        const result = await build({
          ...BUILD_OPTIONS,
          absWorkingDir: ROOT,
          entryPoints: [join(ROOT, fn.entry)],
          outfile,
          metafile: true,
          plugins: pluginsFor(target, { chunks: true }),
        })
        meta = result.metafile
        // The lazy libraries this bundle imports, each built as its chunk file beside it.
        const imported = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path)))
        for (const [lib, chunk] of Object.entries(LAZY_CHUNKS)) {
          if (!imported.has(chunk)) continue
          const chunkFile = join(outDir, chunk)
          await build({
            ...BUILD_OPTIONS,
            absWorkingDir: ROOT,
            stdin: { contents: `module.exports = require(${JSON.stringify(lib)})`, resolveDir: ROOT },
            outfile: chunkFile,
            plugins: pluginsFor(target),
          })
          chunks.push(`${relative(ROOT, chunkFile)} ${kb(statSync(chunkFile).size)}`)
          if (!skipLoadCheck) {
            const loadProblem = loadCheck(fn, chunkFile, false)
            if (loadProblem) problems.push(loadProblem)
          }
        }
      } catch (err) {
        return fail(`${fn.name} (${target}): esbuild failed (${(err as Error).message.split('\n')[0]})`)
      }
      writeFileSync(
        join(outDir, 'package.json'),
        `${JSON.stringify({ name: fn.name, main: 'index.js', private: true }, null, 2)}\n`,
      )
      problems.push(...checkPglite(fn, meta))
      const text = readFileSync(outfile, 'utf8')
      if (text.includes('node_modules/@electric-sql/pglite/')) {
        problems.push(`${fn.name}: index.js contains PGlite sources`)
      }
      if (!skipLoadCheck) {
        const loadProblem = loadCheck(fn, outfile)
        if (loadProblem) problems.push(loadProblem)
      }
      const size = statSync(outfile).size
      if (size > BUNDLE_BUDGET)
        problems.push(`${fn.name} (${target}): ${kb(size)}, over the ${kb(BUNDLE_BUDGET)} budget`)
      const map = join(outDir, 'index.js.map')
      rows.push(
        `  ${target.padEnd(11)} ${fn.name.padEnd(24)} ${kb(size).padStart(11)}  (map ${kb(statSync(map).size)})  ${relative(ROOT, outfile)}`,
      )
    }
  }

  console.log(`Built ${selected.length} function(s) for ${Object.keys(OUT_ROOTS).join(' and ')}:`)
  for (const row of rows) console.log(row)
  if (chunks.length) console.log(`Loaded on first use only (not at a cold start):\n  ${chunks.join('\n  ')}`)
  if (problems.length) fail(`bundle check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)))
