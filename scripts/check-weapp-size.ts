/**
 * Check the built WeChat mini-program against the platform's package size limits.
 *
 *   npm run build:weapp && npx tsx scripts/check-weapp-size.ts [distDir]
 *
 * WeChat refuses uploads where the main package or any single subpackage exceeds 2 MB. The main
 * package is every file not under a subpackage root listed in the built app.json
 * (`subPackages` or `subpackages`); each subpackage is the files under its root. Exits 1 when
 * the build is missing, a package is over the limit, or the tab bar is incomplete.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

/** Developer-tool settings that are not uploaded as part of the code package. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

interface SubpackageEntry {
  root?: unknown
}

interface PackageSize {
  name: string
  root: string
  bytes: number
  files: { path: string; bytes: number }[]
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const listFiles = (dir: string): string[] => {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

/** Subpackage roots from app.json, normalised to "a/b/" with forward slashes. */
export const subpackageRoots = (appJson: Record<string, unknown>): string[] => {
  const lists = [appJson.subPackages, appJson.subpackages].filter(Array.isArray) as SubpackageEntry[][]
  const roots = lists
    .flat()
    .map((p) => (typeof p.root === 'string' ? p.root : ''))
    .map((r) =>
      r
        .replace(/\\/g, '/')
        .replace(/^\.?\/+/, '')
        .replace(/\/*$/, '/'),
    )
    .filter((r) => r !== '/')
  return [...new Set(roots)]
}

export const measure = (distDir: string): PackageSize[] => {
  const appJson = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as Record<string, unknown>
  const roots = subpackageRoots(appJson).sort((a, b) => b.length - a.length)
  const main: PackageSize = { name: '主包', root: '/', bytes: 0, files: [] }
  const subs = new Map<string, PackageSize>(
    roots.map((root) => [root, { name: `分包 ${root.slice(0, -1)}`, root, bytes: 0, files: [] }]),
  )
  for (const file of listFiles(distDir)) {
    const rel = relative(distDir, file).split(sep).join('/')
    if (NOT_UPLOADED.has(rel)) continue
    const bytes = statSync(file).size
    const root = roots.find((r) => rel.startsWith(r))
    const pkg = (root && subs.get(root)) || main
    pkg.bytes += bytes
    pkg.files.push({ path: rel, bytes })
  }
  return [main, ...subs.values()]
}

/**
 * What would leave WeChat without a working tab bar: an icon the list names but the package
 * lacks, or a custom tab bar (tabBar.custom) that is missing or not declared a component.
 */
export const tabBarProblems = (distDir: string, appJson: Record<string, unknown>): string[] => {
  const tabBar = appJson.tabBar as { custom?: boolean; list?: Record<string, string>[] } | undefined
  if (!tabBar) return []
  const problems = (tabBar.list ?? [])
    .flatMap((t) => [t.iconPath, t.selectedIconPath])
    .filter((icon): icon is string => !!icon && !existsSync(join(distDir, icon)))
    .map((icon) => `tab icon missing: ${icon}`)
  if (tabBar.custom) {
    const config = join(distDir, 'custom-tab-bar', 'index.json')
    const declared = existsSync(config) && JSON.parse(readFileSync(config, 'utf8')).component === true
    if (!declared) problems.push('tabBar.custom is set but custom-tab-bar/index.json is not a component')
  }
  return problems
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

const main = (): number => {
  const distDir = resolve(process.argv[2] ?? join(repoRoot, 'miniprogram', 'dist', 'weapp'))
  if (!existsSync(join(distDir, 'app.json'))) {
    console.error(`✗ ${distDir} has no app.json — run \`npm run build:weapp\` first`)
    return 1
  }
  const packages = measure(distDir)
  let failed = false
  console.log(
    `微信小程序包体积 (${relative(process.cwd(), distDir) || distDir})，上限 ${kb(PACKAGE_LIMIT_BYTES)}/包`,
  )
  for (const pkg of packages) {
    const over = pkg.bytes > PACKAGE_LIMIT_BYTES
    failed ||= over
    const pct = ((pkg.bytes / PACKAGE_LIMIT_BYTES) * 100).toFixed(1)
    console.log(
      `${over ? '✗' : '✓'} ${pkg.name.padEnd(24)} ${kb(pkg.bytes).padStart(10)}  (${pct}%, ${pkg.files.length} files)`,
    )
    const largest = [...pkg.files].sort((a, b) => b.bytes - a.bytes).slice(0, over ? 10 : 3)
    for (const f of largest) console.log(`    ${kb(f.bytes).padStart(10)}  ${f.path}`)
  }
  const total = packages.reduce((sum, p) => sum + p.bytes, 0)
  console.log(`  合计 ${kb(total)}`)
  if (failed) console.error('✗ 有包超过 2 MB：拆分分包或减小依赖')
  const appJson = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as Record<string, unknown>
  const tabBar = tabBarProblems(distDir, appJson)
  for (const problem of tabBar) console.error(`✗ ${problem}`)
  if (!tabBar.length) console.log('✓ tab bar: icons present, custom tab bar declared as a component')
  return failed || tabBar.length ? 1 : 0
}

process.exitCode = main()
