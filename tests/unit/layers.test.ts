import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

/**
 * The layering rules, checked on every import: shared code stays portable (the mini-program
 * bundles it), the app never reaches into server code, and use cases depend on ports only.
 */
const ROOT = resolve(__dirname, '..', '..')

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path)
    return /\.(ts|tsx)$/.test(e.name) ? [path] : []
  })

const importsOf = (file: string): { spec: string; target: string }[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => {
      const spec = m[1]!
      const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec
      return { spec, target }
    },
  )

const violations = (dir: string, bad: (target: string) => boolean) =>
  sources(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => bad(i.target))
      .map((i) => `${f} -> ${i.spec}`),
  )

describe('layers', () => {
  it('shared/ imports nothing server-side and no Node built-ins', () => {
    expect(
      violations(
        'shared',
        (t) => t.startsWith('functions') || t.startsWith('node:') || t.startsWith('miniprogram'),
      ),
    ).toEqual([])
  })

  it('the mini-program never imports server code', () => {
    expect(violations('miniprogram/src', (t) => t.startsWith('functions') || t.startsWith('node:'))).toEqual(
      [],
    )
  })

  it('use cases depend on the store port, never on an adapter or a database client', () => {
    const adapter = (t: string) =>
      /store\/(pglite-store|postgres-store|cloudbase-store|sql-store|create-store)$/.test(t) ||
      ['pg', '@electric-sql/pglite', '@cloudbase/node-sdk'].includes(t)
    expect(violations('functions/contexts', adapter)).toEqual([])
  })
})
