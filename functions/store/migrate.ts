import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SqlClient } from './sql-store'

/**
 * Apply infra/migrations/*.sql in name order, each once, each in its own transaction.
 * An advisory lock makes concurrent cold starts against one PostgreSQL server safe.
 */
export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'infra', 'migrations')

export interface Migration {
  version: string
  sql: string
}

export const loadMigrations = (dir = MIGRATIONS_DIR): Migration[] =>
  readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }))

const LOCK_KEY = 4_620_621 // any constant shared by every instance of this system

export const migrate = async (db: SqlClient, migrations = loadMigrations()): Promise<string[]> => {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const applied: string[] = []
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])
      if (rows.length > 0) return false
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version])
      return true
    })
    if (done) applied.push(m.version)
  }
  return applied
}
