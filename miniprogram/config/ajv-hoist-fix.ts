import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The lockfile hoists ajv-keywords@5 (needs ajv@8) next to ajv@6, so terser-webpack-plugin ->
 * schema-utils -> ajv-keywords fails with "Cannot find module 'ajv/dist/compile/codegen'" before
 * webpack starts. Until the root package.json adds ajv@^8 as a devDependency, let Node fall back to
 * schema-utils' own ajv@8 for that one sub-path: NODE_PATH folders are searched after the
 * node_modules chain, so only requests the chain cannot satisfy land there.
 */
export const applyAjvHoistFix = (repoRoot: string): void => {
  const req = createRequire(__filename)
  const keywordsDir = path.join(repoRoot, 'node_modules', 'ajv-keywords')
  if (!fs.existsSync(keywordsDir)) return
  try {
    req.resolve('ajv/dist/compile/codegen', { paths: [keywordsDir] })
    return // resolves already: nothing to fix
  } catch {
    // fall through
  }
  const fallback = path.join(repoRoot, 'node_modules', 'schema-utils', 'node_modules')
  try {
    req.resolve('ajv/dist/compile/codegen', { paths: [fallback] })
  } catch {
    return // no ajv@8 to fall back on
  }
  const current = (process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean)
  if (current.includes(fallback)) return
  process.env.NODE_PATH = [...current, fallback].join(path.delimiter)
  ;(Module as unknown as { _initPaths: () => void })._initPaths()
}
